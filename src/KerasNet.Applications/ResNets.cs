using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    private const string ResNetWeights = "https://storage.googleapis.com/tensorflow/keras-applications/resnet/";

    /// <summary>
    /// ResNet50 (Keras <c>keras.applications.ResNet50</c>; He et al., 2015): bottleneck residual blocks in stacks of
    /// 3, 4, 6 and 3, 25,636,712 parameters with the top. Preprocess with <see cref="ResNet.PreprocessInput"/>.
    /// </summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model ResNet50(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "resnet50") =>
        ResNetModel("ResNet50", [3, 4, 6, 3], preact: false, "resnet50", "2cb95161c43110f7111970584f804107", "4d473c1dd8becc155b73f8504c6f6626",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>ResNet101 (Keras <c>keras.applications.ResNet101</c>): stacks of 3, 4, 23 and 3 blocks, 44,707,176 parameters with the top.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model ResNet101(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "resnet101") =>
        ResNetModel("ResNet101", [3, 4, 23, 3], preact: false, "resnet101", "f1aeb4b969a6efcfb50fad2f0c20cfc5", "88cf7a10940856eca736dc7b7e228a21",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>ResNet152 (Keras <c>keras.applications.ResNet152</c>): stacks of 3, 8, 36 and 3 blocks, 60,419,944 parameters with the top.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model ResNet152(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "resnet152") =>
        ResNetModel("ResNet152", [3, 8, 36, 3], preact: false, "resnet152", "100835be76be38e30d865e96f2aaae62", "ee4c566cf9a93f14d82f913c2dc6dd0c",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>
    /// ResNet50V2 (Keras <c>keras.applications.ResNet50V2</c>; He et al., 2016): pre-activation residual blocks in
    /// stacks of 3, 4, 6 and 3, 25,613,800 parameters with the top. Preprocess with <see cref="ResNetV2.PreprocessInput"/>.
    /// </summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model ResNet50V2(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "resnet50v2") =>
        ResNetModel("ResNet50V2", [3, 4, 6, 3], preact: true, "resnet50v2", "3ef43a0b657b3be2300d5770ece849e0", "fac2f116257151a9d068a22e544a4917",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>ResNet101V2 (Keras <c>keras.applications.ResNet101V2</c>): stacks of 3, 4, 23 and 3 blocks, 44,675,560 parameters with the top.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model ResNet101V2(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "resnet101v2") =>
        ResNetModel("ResNet101V2", [3, 4, 23, 3], preact: true, "resnet101v2", "6343647c601c52e1368623803854d971", "c0ed64b8031c3730f411d2eb4eea35b5",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>ResNet152V2 (Keras <c>keras.applications.ResNet152V2</c>): stacks of 3, 8, 36 and 3 blocks, 60,380,648 parameters with the top.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model ResNet152V2(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "resnet152v2") =>
        ResNetModel("ResNet152V2", [3, 8, 36, 3], preact: true, "resnet152v2", "a49b44d1979771252814e80f8ec446f9", "ed17cf2e0169df9d443503ef94b23b33",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>Keras's <c>resnet.ResNet</c>: stem, four stacks of residual blocks (v1, or pre-activation v2 when <paramref name="preact"/>), top.</summary>
    private static Model ResNetModel(string model, int[] blocks, bool preact, string weightsName, string topMd5, string noTopMd5,
        bool includeTop, string? weights, KerasTensor? inputTensor, Shape? inputShape, string? pooling, int classes, string? classifierActivation, string name)
    {
        var (image, _, activation) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize: 224);
        var x = new ZeroPadding2D(((3, 3), (3, 3)), name: "conv1_pad").Apply(image);
        x = new Conv2D(64, 7, strides: 2, useBias: true, name: "conv1_conv").Apply(x);
        if (!preact)
        {
            x = BatchNorm1001("conv1_bn").Apply(x);
            x = new Activation("relu", name: "conv1_relu").Apply(x);
        }
        x = new ZeroPadding2D(((1, 1), (1, 1)), name: "pool1_pad").Apply(x);
        x = new MaxPooling2D(3, strides: 2, name: "pool1_pool").Apply(x);
        int[] filters = [64, 128, 256, 512];
        for (int stack = 0; stack < 4; stack++)
        {
            string stackName = $"conv{stack + 2}";
            x = preact
                ? ResidualStackV2(x, filters[stack], blocks[stack], stride1: stack == 3 ? 1 : 2, stackName)
                : ResidualStackV1(x, filters[stack], blocks[stack], stride1: stack == 0 ? 1 : 2, stackName);
        }
        if (preact)
        {
            x = BatchNorm1001("post_bn").Apply(x);
            x = new Activation("relu", name: "post_relu").Apply(x);
        }
        x = Building.Pooling.TopOrPooling(x, includeTop, classes, activation, pooling, namedPooling: true);
        string file = $"{weightsName}_weights_tf_dim_ordering_tf_kernels{(includeTop ? "" : "_notop")}.h5";
        return ApplicationScaffold.End(image, inputTensor, x, name, weights, () => new(file, ResNetWeights + file, includeTop ? topMd5 : noTopMd5));
    }

    /// <summary>The batch normalization of ResNet and DenseNet: channels axis, ε 1.001e-5.</summary>
    private static BatchNormalization BatchNorm1001(string name) => new(axis: 3, epsilon: 1.001e-5, name: name);

    private static KerasTensor ResidualStackV1(KerasTensor x, int filters, int blocks, int stride1, string name)
    {
        x = ResidualBlockV1(x, filters, stride1, convShortcut: true, $"{name}_block1");
        for (int i = 2; i <= blocks; i++) x = ResidualBlockV1(x, filters, 1, convShortcut: false, $"{name}_block{i}");
        return x;
    }

    private static KerasTensor ResidualBlockV1(KerasTensor x, int filters, int stride, bool convShortcut, string name)
    {
        var shortcut = x;
        if (convShortcut)
        {
            shortcut = new Conv2D(4 * filters, 1, strides: stride, name: $"{name}_0_conv").Apply(x);
            shortcut = BatchNorm1001($"{name}_0_bn").Apply(shortcut);
        }
        x = new Conv2D(filters, 1, strides: stride, name: $"{name}_1_conv").Apply(x);
        x = BatchNorm1001($"{name}_1_bn").Apply(x);
        x = new Activation("relu", name: $"{name}_1_relu").Apply(x);
        x = new Conv2D(filters, 3, padding: "same", name: $"{name}_2_conv").Apply(x);
        x = BatchNorm1001($"{name}_2_bn").Apply(x);
        x = new Activation("relu", name: $"{name}_2_relu").Apply(x);
        x = new Conv2D(4 * filters, 1, name: $"{name}_3_conv").Apply(x);
        x = BatchNorm1001($"{name}_3_bn").Apply(x);
        x = new Add(name: $"{name}_add").Apply([shortcut, x]);
        return new Activation("relu", name: $"{name}_out").Apply(x);
    }

    private static KerasTensor ResidualStackV2(KerasTensor x, int filters, int blocks, int stride1, string name)
    {
        x = ResidualBlockV2(x, filters, 1, convShortcut: true, $"{name}_block1");
        for (int i = 2; i < blocks; i++) x = ResidualBlockV2(x, filters, 1, convShortcut: false, $"{name}_block{i}");
        return ResidualBlockV2(x, filters, stride1, convShortcut: false, $"{name}_block{blocks}");
    }

    private static KerasTensor ResidualBlockV2(KerasTensor x, int filters, int stride, bool convShortcut, string name)
    {
        var preact = BatchNorm1001($"{name}_preact_bn").Apply(x);
        preact = new Activation("relu", name: $"{name}_preact_relu").Apply(preact);
        var shortcut = convShortcut ? new Conv2D(4 * filters, 1, strides: stride, name: $"{name}_0_conv").Apply(preact)
            : stride > 1 ? new MaxPooling2D(1, strides: stride).Apply(x)
            : x;
        x = new Conv2D(filters, 1, strides: 1, useBias: false, name: $"{name}_1_conv").Apply(preact);
        x = BatchNorm1001($"{name}_1_bn").Apply(x);
        x = new Activation("relu", name: $"{name}_1_relu").Apply(x);
        x = new ZeroPadding2D(((1, 1), (1, 1)), name: $"{name}_2_pad").Apply(x);
        x = new Conv2D(filters, 3, strides: stride, useBias: false, name: $"{name}_2_conv").Apply(x);
        x = BatchNorm1001($"{name}_2_bn").Apply(x);
        x = new Activation("relu", name: $"{name}_2_relu").Apply(x);
        x = new Conv2D(4 * filters, 1, name: $"{name}_3_conv").Apply(x);
        return new Add(name: $"{name}_out").Apply([shortcut, x]);
    }
}
