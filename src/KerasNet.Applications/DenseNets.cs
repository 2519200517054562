using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    /// <summary>
    /// DenseNet121 (Keras <c>keras.applications.DenseNet121</c>; Huang et al., 2017): dense blocks of 6, 12, 24 and 16
    /// layers, 8,062,504 parameters with the top. Preprocess with <see cref="DenseNet.PreprocessInput"/>.
    /// </summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model DenseNet121(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "densenet121") =>
        DenseNetModel("DenseNet121", [6, 12, 24, 16], "densenet121", "9d60b8095a5708f2dcce2bca79d332c7", "30ee3e1110167f948a6b9946edeeb738",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>DenseNet169 (Keras <c>keras.applications.DenseNet169</c>): dense blocks of 6, 12, 32 and 32 layers, 14,307,880 parameters with the top.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model DenseNet169(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "densenet169") =>
        DenseNetModel("DenseNet169", [6, 12, 32, 32], "densenet169", "d699b8f76981ab1b30698df4c175e90b", "b8c4d4c20dd625c148057b9ff1c1176b",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>DenseNet201 (Keras <c>keras.applications.DenseNet201</c>): dense blocks of 6, 12, 48 and 32 layers, 20,242,984 parameters with the top.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model DenseNet201(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "densenet201") =>
        DenseNetModel("DenseNet201", [6, 12, 48, 32], "densenet201", "1ceb130c1ea1b78c3bf6114dbdfd8807", "c13680b51ded0fb44dff2d8f86ac8bb1",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    private static Model DenseNetModel(string model, int[] blocks, string weightsName, string topMd5, string noTopMd5,
        bool includeTop, string? weights, KerasTensor? inputTensor, Shape? inputShape, string? pooling, int classes, string? classifierActivation, string name)
    {
        var (image, _, activation) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize: 224);
        var x = new ZeroPadding2D(((3, 3), (3, 3))).Apply(image);
        x = new Conv2D(64, 7, strides: 2, useBias: false, name: "conv1_conv").Apply(x);
        x = BatchNorm1001("conv1_bn").Apply(x);
        x = new Activation("relu", name: "conv1_relu").Apply(x);
        x = new ZeroPadding2D(((1, 1), (1, 1))).Apply(x);
        x = new MaxPooling2D(3, strides: 2, name: "pool1").Apply(x);
        for (int i = 0; i < 4; i++)
        {
            for (int layer = 1; layer <= blocks[i]; layer++) x = DenseConvBlock(x, growthRate: 32, $"conv{i + 2}_block{layer}");
            if (i < 3) x = DenseTransitionBlock(x, reduction: 0.5, $"pool{i + 2}");
        }
        x = BatchNorm1001("bn").Apply(x);
        x = new Activation("relu", name: "relu").Apply(x);
        x = Building.Pooling.TopOrPooling(x, includeTop, classes, activation, pooling, namedPooling: true);
        string file = $"{weightsName}_weights_tf_dim_ordering_tf_kernels{(includeTop ? "" : "_notop")}.h5";
        return ApplicationScaffold.End(image, inputTensor, x, name, weights,
            () => new(file, "https://storage.googleapis.com/tensorflow/keras-applications/densenet/" + file, includeTop ? topMd5 : noTopMd5));
    }

    private static KerasTensor DenseTransitionBlock(KerasTensor x, double reduction, string name)
    {
        x = BatchNorm1001($"{name}_bn").Apply(x);
        x = new Activation("relu", name: $"{name}_relu").Apply(x);
        x = new Conv2D((int)(x.Shape[-1]!.Value * reduction), 1, useBias: false, name: $"{name}_conv").Apply(x);
        return new AveragePooling2D(2, strides: 2, name: $"{name}_pool").Apply(x);
    }

    private static KerasTensor DenseConvBlock(KerasTensor x, int growthRate, string name)
    {
        var x1 = BatchNorm1001($"{name}_0_bn").Apply(x);
        x1 = new Activation("relu", name: $"{name}_0_relu").Apply(x1);
        x1 = new Conv2D(4 * growthRate, 1, useBias: false, name: $"{name}_1_conv").Apply(x1);
        x1 = BatchNorm1001($"{name}_1_bn").Apply(x1);
        x1 = new Activation("relu", name: $"{name}_1_relu").Apply(x1);
        x1 = new Conv2D(growthRate, 3, padding: "same", useBias: false, name: $"{name}_2_conv").Apply(x1);
        return new Concatenate(axis: 3, name: $"{name}_concat").Apply([x, x1]);
    }
}
