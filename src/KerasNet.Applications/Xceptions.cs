using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    /// <summary>
    /// Xception (Keras <c>keras.applications.Xception</c>; Chollet, 2017): depthwise-separable convolutions with
    /// residual connections, 22,910,480 parameters with the top, 299×299 inputs by default (at least 71×71). The
    /// shortcut convolutions and their batch normalizations have Keras's automatic names (<c>conv2d_N</c>…).
    /// Preprocess with <see cref="KerasNet.Applications.Xception.PreprocessInput"/>.
    /// </summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model Xception(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "xception")
    {
        const string model = "Xception";
        var (image, _, activation) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize: 299, minSize: 71);
        var x = new Conv2D(32, 3, strides: 2, useBias: false, name: "block1_conv1").Apply(image);
        x = new BatchNormalization(axis: -1, name: "block1_conv1_bn").Apply(x);
        x = new Activation("relu", name: "block1_conv1_act").Apply(x);
        x = new Conv2D(64, 3, useBias: false, name: "block1_conv2").Apply(x);
        x = new BatchNormalization(axis: -1, name: "block1_conv2_bn").Apply(x);
        x = new Activation("relu", name: "block1_conv2_act").Apply(x);

        // Entry flow: blocks 2–4 halve the size, with a strided 1×1 convolution on the shortcut. Block 2 starts without
        // an activation (the stem's last one precedes it), and Keras names its second activation "block2_sepconv2_act".
        x = XceptionDownBlock(x, 128, 128, "block2", firstActivation: false);
        x = XceptionDownBlock(x, 256, 256, "block3", firstActivation: true);
        x = XceptionDownBlock(x, 728, 728, "block4", firstActivation: true);

        // Middle flow: eight residual blocks of three separable convolutions.
        for (int i = 0; i < 8; i++)
        {
            var residual = x;
            string prefix = $"block{i + 5}";
            for (int conv = 1; conv <= 3; conv++)
            {
                x = new Activation("relu", name: $"{prefix}_sepconv{conv}_act").Apply(x);
                x = XceptionSepConvBn(x, 728, $"{prefix}_sepconv{conv}");
            }
            x = new Add().Apply([x, residual]);
        }

        // Exit flow.
        x = XceptionDownBlock(x, 728, 1024, "block13", firstActivation: true);
        x = XceptionSepConvBn(x, 1536, "block14_sepconv1");
        x = new Activation("relu", name: "block14_sepconv1_act").Apply(x);
        x = XceptionSepConvBn(x, 2048, "block14_sepconv2");
        x = new Activation("relu", name: "block14_sepconv2_act").Apply(x);

        x = Building.Pooling.TopOrPooling(x, includeTop, classes, activation, pooling, namedPooling: false);
        return ApplicationScaffold.End(image, inputTensor, x, name, weights, () => includeTop
            ? new("xception_weights_tf_dim_ordering_tf_kernels.h5",
                "https://storage.googleapis.com/tensorflow/keras-applications/xception/xception_weights_tf_dim_ordering_tf_kernels.h5",
                "0a58e3b7378bc2990ea3b43d5981f1f6")
            : new("xception_weights_tf_dim_ordering_tf_kernels_notop.h5",
                "https://storage.googleapis.com/tensorflow/keras-applications/xception/xception_weights_tf_dim_ordering_tf_kernels_notop.h5",
                "b0042744bf5b25fce3cb969f33bebb97"));
    }

    /// <summary>
    /// Two separable convolutions, a strided 3×3 max pooling and the shortcut (an unnamed strided 1×1 convolution and
    /// batch normalization), added.
    /// </summary>
    private static KerasTensor XceptionDownBlock(KerasTensor x, int filters1, int filters2, string prefix, bool firstActivation)
    {
        var residual = new Conv2D(filters2, 1, strides: 2, padding: "same", useBias: false).Apply(x);
        residual = new BatchNormalization(axis: -1).Apply(residual);
        if (firstActivation) x = new Activation("relu", name: $"{prefix}_sepconv1_act").Apply(x);
        x = XceptionSepConvBn(x, filters1, $"{prefix}_sepconv1");
        x = new Activation("relu", name: $"{prefix}_sepconv2_act").Apply(x);
        x = XceptionSepConvBn(x, filters2, $"{prefix}_sepconv2");
        x = new MaxPooling2D(3, strides: 2, padding: "same", name: $"{prefix}_pool").Apply(x);
        return new Add().Apply([x, residual]);
    }

    private static KerasTensor XceptionSepConvBn(KerasTensor x, int filters, string name)
    {
        x = new SeparableConv2D(filters, 3, padding: "same", useBias: false, name: name).Apply(x);
        return new BatchNormalization(axis: -1, name: $"{name}_bn").Apply(x);
    }
}
