using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    /// <summary>
    /// MobileNet (Keras <c>keras.applications.MobileNet</c>; Howard et al., 2017): depthwise-separable convolutions,
    /// 4,253,864 parameters at <c>alpha</c> 1 with the top. Preprocess with <see cref="KerasNet.Applications.MobileNet.PreprocessInput"/>.
    /// </summary>
    /// <param name="inputShape">Height, width and channels of an image (default 224×224×3, or the size given when square and one of 128, 160, 192, 224); any size ≥ 32 without the top.</param>
    /// <param name="alpha">Width multiplier: the number of filters of every layer is scaled by it (ImageNet weights exist for 0.25, 0.5, 0.75 and 1).</param>
    /// <param name="depthMultiplier">Channel multiplier of the depthwise convolutions (1 for ImageNet weights).</param>
    /// <param name="dropout">Dropout rate before the classifier.</param>
    /// <param name="includeTop">Whether to include the classifier top (global pooling, dropout, 1×1 convolution, softmax).</param>
    /// <param name="weights"><c>"imagenet"</c> (the official file from the Keras cache folder), <c>null</c> (random initialization) or the path of a weights file.</param>
    /// <param name="inputTensor">A symbolic image tensor (from <c>Input()</c>, possibly through other layers) to build on instead of a new input.</param>
    /// <param name="pooling">Without the top: <c>null</c> for the last block's 4-D feature maps, <c>"avg"</c> or <c>"max"</c> for global pooling to a vector.</param>
    /// <param name="classes">Number of classes of the top classifier.</param>
    /// <param name="classifierActivation">Activation of the classifier (<c>null</c> for logits; only <c>softmax</c> or <c>null</c> with pretrained weights).</param>
    /// <param name="name">The model's name; default <c>mobilenet_{alpha:0.00}_{rows}</c>.</param>
    public static Model MobileNet(Shape? inputShape = null, double alpha = 1.0, int depthMultiplier = 1, double dropout = 1e-3, bool includeTop = true,
        string? weights = "imagenet", KerasTensor? inputTensor = null, string? pooling = null, int classes = 1000,
        string? classifierActivation = "softmax", string? name = null)
    {
        const string model = "MobileNet";
        int defaultSize = SquareSizeIn(inputShape, [128, 160, 192, 224]);
        var (image, shape, activation) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize);
        long? rows = shape[0];
        if (weights == PretrainedWeights.ImageNet)
        {
            if (depthMultiplier != 1)
                throw new KerasNetException($"{model}: ImageNet weights need depthMultiplier 1; got {depthMultiplier}.");
            if (alpha is not (0.25 or 0.5 or 0.75 or 1.0))
                throw new KerasNetException($"{model}: ImageNet weights exist for alpha 0.25, 0.5, 0.75 and 1.0; got {alpha}.");
            if (rows != shape[1] || rows is not (128 or 160 or 192 or 224)) rows = 224; // Keras loads the 224 weights then
        }
        var x = new Conv2D((int)(32 * alpha), 3, padding: "same", useBias: false, strides: 2, name: "conv1").Apply(image);
        x = new BatchNormalization(axis: -1, name: "conv1_bn").Apply(x);
        x = new ReLU(6.0, name: "conv1_relu").Apply(x);
        (int Filters, int Stride)[] blocks = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1)];
        for (int i = 0; i < blocks.Length; i++)
            x = DepthwiseConvBlock(x, (int)(blocks[i].Filters * alpha), depthMultiplier, blocks[i].Stride, blockId: i + 1);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D(keepdims: true).Apply(x);
            x = new Dropout(dropout, name: "dropout").Apply(x);
            x = new Conv2D(classes, 1, padding: "same", name: "conv_preds").Apply(x);
            x = new Reshape([classes], name: "reshape_2").Apply(x);
            x = new Activation(activation ?? "linear", name: "predictions").Apply(x);
        }
        else x = Building.Pooling.Apply(x, pooling, named: false);
        name ??= $"mobilenet_{KerasNumbers.TwoDecimals(alpha)}_{rows?.ToString() ?? "None"}";
        string alphaText = alpha switch { 1.0 => "1_0", 0.75 => "7_5", 0.5 => "5_0", _ => "2_5" };
        string file = $"mobilenet_{alphaText}_{rows}_tf{(includeTop ? "" : "_no_top")}.h5";
        return ApplicationScaffold.End(image, inputTensor, x, name, weights,
            () => new(file, "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet/" + file));
    }

    private static KerasTensor DepthwiseConvBlock(KerasTensor x, int pointwiseFilters, int depthMultiplier, int stride, int blockId)
    {
        if (stride != 1) x = new ZeroPadding2D(((0, 1), (0, 1)), name: $"conv_pad_{blockId}").Apply(x);
        x = new DepthwiseConv2D(3, padding: stride == 1 ? "same" : "valid", depthMultiplier: depthMultiplier, strides: stride, useBias: false,
            name: $"conv_dw_{blockId}").Apply(x);
        x = new BatchNormalization(axis: -1, name: $"conv_dw_{blockId}_bn").Apply(x);
        x = new ReLU(6.0, name: $"conv_dw_{blockId}_relu").Apply(x);
        x = new Conv2D(pointwiseFilters, 1, padding: "same", useBias: false, strides: 1, name: $"conv_pw_{blockId}").Apply(x);
        x = new BatchNormalization(axis: -1, name: $"conv_pw_{blockId}_bn").Apply(x);
        return new ReLU(6.0, name: $"conv_pw_{blockId}_relu").Apply(x);
    }

    /// <summary>The given input's side when it is square and one of <paramref name="sizes"/> (the sizes with ImageNet weights), else 224.</summary>
    private static int SquareSizeIn(Shape? inputShape, int[] sizes) =>
        inputShape is { Rank: 3 } s && s[0] is long rows && s[1] == rows && sizes.Contains((int)rows) ? (int)rows : 224;
}
