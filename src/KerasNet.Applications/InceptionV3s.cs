using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    /// <summary>
    /// InceptionV3 (Keras <c>keras.applications.InceptionV3</c>; Szegedy et al., 2016): 23,851,784 parameters with the
    /// top, 299×299 inputs by default (at least 75×75). Its convolution, batch-normalization and activation layers
    /// have Keras's automatic names (<c>conv2d_N</c>…), so they match Keras's only in a fresh session
    /// (<see cref="Keras.ClearSession"/>); the weights load by order. Preprocess with
    /// <see cref="KerasNet.Applications.InceptionV3.PreprocessInput"/>.
    /// </summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model InceptionV3(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "inception_v3")
    {
        const string model = "InceptionV3";
        var (image, _, activation) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize: 299, minSize: 75);
        var x = ConvBn(image, 32, 3, 3, strides: 2, padding: "valid");
        x = ConvBn(x, 32, 3, 3, padding: "valid");
        x = ConvBn(x, 64, 3, 3);
        x = new MaxPooling2D(3, strides: 2).Apply(x);
        x = ConvBn(x, 80, 1, 1, padding: "valid");
        x = ConvBn(x, 192, 3, 3, padding: "valid");
        x = new MaxPooling2D(3, strides: 2).Apply(x);

        // mixed 0, 1, 2: 35 × 35 × 256, 288, 288
        foreach (var (poolFilters, mixed) in new[] { (32, "mixed0"), (64, "mixed1"), (64, "mixed2") })
        {
            var branch1x1 = ConvBn(x, 64, 1, 1);
            var branch5x5 = ConvBn(ConvBn(x, 48, 1, 1), 64, 5, 5);
            var branch3x3dbl = ConvBn(ConvBn(ConvBn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3);
            var branchPool = ConvBn(AveragePool3x3(x), poolFilters, 1, 1);
            x = new Concatenate(axis: 3, name: mixed).Apply([branch1x1, branch5x5, branch3x3dbl, branchPool]);
        }

        // mixed 3: 17 × 17 × 768
        {
            var branch3x3 = ConvBn(x, 384, 3, 3, strides: 2, padding: "valid");
            var branch3x3dbl = ConvBn(ConvBn(ConvBn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3, strides: 2, padding: "valid");
            var branchPool = new MaxPooling2D(3, strides: 2).Apply(x);
            x = new Concatenate(axis: 3, name: "mixed3").Apply([branch3x3, branch3x3dbl, branchPool]);
        }

        // mixed 4, 5, 6, 7: 17 × 17 × 768
        foreach (var (filters, mixed) in new[] { (128, "mixed4"), (160, "mixed5"), (160, "mixed6"), (192, "mixed7") })
        {
            var branch1x1 = ConvBn(x, 192, 1, 1);
            var branch7x7 = ConvBn(ConvBn(ConvBn(x, filters, 1, 1), filters, 1, 7), 192, 7, 1);
            var branch7x7dbl = ConvBn(x, filters, 1, 1);
            branch7x7dbl = ConvBn(ConvBn(branch7x7dbl, filters, 7, 1), filters, 1, 7);
            branch7x7dbl = ConvBn(ConvBn(branch7x7dbl, filters, 7, 1), 192, 1, 7);
            var branchPool = ConvBn(AveragePool3x3(x), 192, 1, 1);
            x = new Concatenate(axis: 3, name: mixed).Apply([branch1x1, branch7x7, branch7x7dbl, branchPool]);
        }

        // mixed 8: 8 × 8 × 1280
        {
            var branch3x3 = ConvBn(ConvBn(x, 192, 1, 1), 320, 3, 3, strides: 2, padding: "valid");
            var branch7x7x3 = ConvBn(ConvBn(ConvBn(x, 192, 1, 1), 192, 1, 7), 192, 7, 1);
            branch7x7x3 = ConvBn(branch7x7x3, 192, 3, 3, strides: 2, padding: "valid");
            var branchPool = new MaxPooling2D(3, strides: 2).Apply(x);
            x = new Concatenate(axis: 3, name: "mixed8").Apply([branch3x3, branch7x7x3, branchPool]);
        }

        // mixed 9, 10: 8 × 8 × 2048
        for (int i = 0; i < 2; i++)
        {
            var branch1x1 = ConvBn(x, 320, 1, 1);
            var branch3x3 = ConvBn(x, 384, 1, 1);
            var branch3x3A = ConvBn(branch3x3, 384, 1, 3);
            var branch3x3B = ConvBn(branch3x3, 384, 3, 1);
            branch3x3 = new Concatenate(axis: 3, name: $"mixed9_{i}").Apply([branch3x3A, branch3x3B]);
            var branch3x3dbl = ConvBn(ConvBn(x, 448, 1, 1), 384, 3, 3);
            var branch3x3dblA = ConvBn(branch3x3dbl, 384, 1, 3);
            var branch3x3dblB = ConvBn(branch3x3dbl, 384, 3, 1);
            branch3x3dbl = new Concatenate(axis: 3).Apply([branch3x3dblA, branch3x3dblB]);
            var branchPool = ConvBn(AveragePool3x3(x), 192, 1, 1);
            x = new Concatenate(axis: 3, name: $"mixed{9 + i}").Apply([branch1x1, branch3x3, branch3x3dbl, branchPool]);
        }

        x = Building.Pooling.TopOrPooling(x, includeTop, classes, activation, pooling, namedPooling: false);
        return ApplicationScaffold.End(image, inputTensor, x, name, weights, () => includeTop
            ? new("inception_v3_weights_tf_dim_ordering_tf_kernels.h5",
                "https://storage.googleapis.com/tensorflow/keras-applications/inception_v3/inception_v3_weights_tf_dim_ordering_tf_kernels.h5",
                "9a0d58056eeedaa3f26cb7ebd46da564")
            : new("inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5",
                "https://storage.googleapis.com/tensorflow/keras-applications/inception_v3/inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5",
                "bcbd6486424b2319ff4ef7d526e38f63"));
    }

    /// <summary>Keras's <c>inception_v3.conv2d_bn</c>: an unnamed bias-free convolution, batch normalization without γ, ReLU.</summary>
    private static KerasTensor ConvBn(KerasTensor x, int filters, int rows, int cols, string padding = "same", int strides = 1)
    {
        x = new Conv2D(filters, [rows, cols], strides: strides, padding: padding, useBias: false).Apply(x);
        x = new BatchNormalization(axis: 3, scale: false).Apply(x);
        return new Activation("relu").Apply(x);
    }

    private static KerasTensor AveragePool3x3(KerasTensor x) => new AveragePooling2D(3, strides: 1, padding: "same").Apply(x);
}
