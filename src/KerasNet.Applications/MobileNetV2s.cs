using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    /// <summary>
    /// MobileNetV2 (Keras <c>keras.applications.MobileNetV2</c>; Sandler et al., 2018): inverted residual blocks with
    /// linear bottlenecks, 3,538,984 parameters at <c>alpha</c> 1 with the top. Preprocess with
    /// <see cref="KerasNet.Applications.MobileNetV2.PreprocessInput"/>.
    /// </summary>
    /// <param name="inputShape">Height, width and channels of an image (default 224×224×3, or the size given when square and one of 96, 128, 160, 192, 224); any size ≥ 32 without the top.</param>
    /// <param name="alpha">Width multiplier of every block's filters (ImageNet weights exist for 0.35, 0.5, 0.75, 1.0, 1.3 and 1.4).</param>
    /// <param name="includeTop">Whether to include the global-average-pooling and dense classifier top.</param>
    /// <param name="weights"><c>"imagenet"</c> (the official file from the Keras cache folder), <c>null</c> (random initialization) or the path of a weights file.</param>
    /// <param name="inputTensor">A symbolic image tensor (from <c>Input()</c>, possibly through other layers) to build on instead of a new input.</param>
    /// <param name="pooling">Without the top: <c>null</c> for the last block's 4-D feature maps, <c>"avg"</c> or <c>"max"</c> for global pooling to a vector.</param>
    /// <param name="classes">Number of classes of the top classifier.</param>
    /// <param name="classifierActivation">Activation of the classifier (<c>null</c> for logits; only <c>softmax</c> or <c>null</c> with pretrained weights).</param>
    /// <param name="name">The model's name; default <c>mobilenetv2_{alpha:0.00}_{rows}</c>.</param>
    public static Model MobileNetV2(Shape? inputShape = null, double alpha = 1.0, bool includeTop = true, string? weights = "imagenet",
        KerasTensor? inputTensor = null, string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string? name = null)
    {
        const string model = "MobileNetV2";
        int[] sizes = [96, 128, 160, 192, 224];
        if (inputShape is not null && inputTensor is not null && inputShape.Rank == 3 && inputTensor.Shape[2] != inputShape[1])
            throw new KerasNetException($"{model}: the width of inputTensor {inputTensor.Shape} must equal that of inputShape {inputShape}.");
        int defaultSize = inputShape is null && inputTensor is not null
            ? SquareSizeIn(inputTensor.Shape.WithoutBatch(), sizes)
            : SquareSizeIn(inputShape, sizes);
        var (image, shape, activation) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize);
        long? rows = shape[0];
        if (weights == PretrainedWeights.ImageNet)
        {
            if (alpha is not (0.35 or 0.5 or 0.75 or 1.0 or 1.3 or 1.4))
                throw new KerasNetException($"{model}: ImageNet weights exist for alpha 0.35, 0.5, 0.75, 1.0, 1.3 and 1.4; got {alpha}.");
            if (rows != shape[1] || rows is not (96 or 128 or 160 or 192 or 224)) rows = 224; // Keras loads the 224 weights then
        }
        var x = new Conv2D(KerasNumbers.MakeDivisible(32 * alpha), 3, strides: 2, padding: "same", useBias: false, name: "Conv1").Apply(image);
        x = MobileNetV2BatchNorm("bn_Conv1").Apply(x);
        x = new ReLU(6.0, name: "Conv1_relu").Apply(x);
        (int Filters, int Stride, int Expansion)[] blocks =
        [
            (16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6), (64, 1, 6), (64, 1, 6),
            (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6), (320, 1, 6),
        ];
        for (int i = 0; i < blocks.Length; i++)
            x = InvertedResidualBlockV2(x, blocks[i].Expansion, blocks[i].Stride, alpha, blocks[i].Filters, blockId: i);
        // No alpha on the last convolution unless it widens the network, as the paper says.
        x = new Conv2D(alpha > 1.0 ? KerasNumbers.MakeDivisible(1280 * alpha) : 1280, 1, useBias: false, name: "Conv_1").Apply(x);
        x = MobileNetV2BatchNorm("Conv_1_bn").Apply(x);
        x = new ReLU(6.0, name: "out_relu").Apply(x);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D().Apply(x);
            x = new Dense(classes, activation: activation, name: "predictions").Apply(x);
        }
        else x = Building.Pooling.Apply(x, pooling, named: false);
        name ??= $"mobilenetv2_{KerasNumbers.TwoDecimals(alpha)}_{rows?.ToString() ?? "None"}";
        string file = $"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_{KerasNumbers.PythonFloat(alpha)}_{rows}{(includeTop ? "" : "_no_top")}.h5";
        return ApplicationScaffold.End(image, inputTensor, x, name, weights,
            () => new(file, "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v2/" + file));
    }

    private static BatchNormalization MobileNetV2BatchNorm(string name) => new(axis: -1, epsilon: 1e-3, momentum: 0.999, name: name);

    private static KerasTensor InvertedResidualBlockV2(KerasTensor inputs, int expansion, int stride, double alpha, int filters, int blockId)
    {
        long inChannels = inputs.Shape[-1]!.Value;
        int pointwiseFilters = KerasNumbers.MakeDivisible((int)(filters * alpha));
        var x = inputs;
        string prefix = $"block_{blockId}_";
        if (blockId != 0)
        {
            x = new Conv2D((int)(expansion * inChannels), 1, padding: "same", useBias: false, name: $"{prefix}expand").Apply(x);
            x = MobileNetV2BatchNorm($"{prefix}expand_BN").Apply(x);
            x = new ReLU(6.0, name: $"{prefix}expand_relu").Apply(x);
        }
        else prefix = "expanded_conv_";
        if (stride == 2) x = new ZeroPadding2D(ImageInput.CorrectPad(x, 3), name: $"{prefix}pad").Apply(x);
        x = new DepthwiseConv2D(3, strides: stride, useBias: false, padding: stride == 1 ? "same" : "valid", name: $"{prefix}depthwise").Apply(x);
        x = MobileNetV2BatchNorm($"{prefix}depthwise_BN").Apply(x);
        x = new ReLU(6.0, name: $"{prefix}depthwise_relu").Apply(x);
        x = new Conv2D(pointwiseFilters, 1, padding: "same", useBias: false, name: $"{prefix}project").Apply(x);
        x = MobileNetV2BatchNorm($"{prefix}project_BN").Apply(x);
        return inChannels == pointwiseFilters && stride == 1 ? new Add(name: $"{prefix}add").Apply([inputs, x]) : x;
    }
}
