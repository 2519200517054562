using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    /// <summary>One inverted residual block of a MobileNetV3 stack: expansion, output filters (before <c>alpha</c>), kernel, stride, squeeze-excite, hard-swish.</summary>
    private readonly record struct MobileNetV3Block(double Expansion, int Filters, int Kernel, int Stride, bool SqueezeExcite, bool HardSwish);

    /// <summary>
    /// MobileNetV3Small (Keras <c>keras.applications.MobileNetV3Small</c>; Howard et al., 2019): 2,554,968 parameters
    /// at <c>alpha</c> 1 with the top. The model rescales pixels from [0, 255] itself (<paramref name="includePreprocessing"/>).
    /// </summary>
    /// <param name="inputShape">Height, width and channels of an image; default (None, None, 3): any size ≥ 32, with or without the top.</param>
    /// <param name="alpha">Width multiplier of the blocks' filters (ImageNet weights exist for 0.75 and 1.0, and 1.0 when minimalistic).</param>
    /// <param name="minimalistic">Whether to use the variant without squeeze-excite, hard-swish and 5×5 kernels.</param>
    /// <param name="includeTop">Whether to include the classifier top (global pooling, 1×1 convolutions, softmax).</param>
    /// <param name="weights"><c>"imagenet"</c> (the official file from the Keras cache folder), <c>null</c> (random initialization) or the path of a weights file.</param>
    /// <param name="inputTensor">A symbolic image tensor (from <c>Input()</c>, possibly through other layers) to build on instead of a new input.</param>
    /// <param name="classes">Number of classes of the top classifier.</param>
    /// <param name="pooling">Without the top: <c>null</c> for the last block's 4-D feature maps, <c>"avg"</c> or <c>"max"</c> for global pooling to a vector.</param>
    /// <param name="dropoutRate">Dropout rate before the classifier's last convolution.</param>
    /// <param name="classifierActivation">Activation of the classifier (<c>null</c> for logits; only <c>softmax</c> or <c>null</c> with pretrained weights).</param>
    /// <param name="includePreprocessing">Whether the model starts with a <c>Rescaling</c> layer taking [0, 255] pixels to [−1, 1].</param>
    /// <param name="name">The model's name.</param>
    public static Model MobileNetV3Small(Shape? inputShape = null, double alpha = 1.0, bool minimalistic = false, bool includeTop = true,
        string? weights = "imagenet", KerasTensor? inputTensor = null, int classes = 1000, string? pooling = null, double dropoutRate = 0.2,
        string? classifierActivation = "softmax", bool includePreprocessing = true, string name = "MobileNetV3Small") =>
        MobileNetV3("MobileNetV3Small", "small", lastPointChannels: 1024,
        [
            new(1, 16, 3, 2, true, false), new(72.0 / 16, 24, 3, 2, false, false), new(88.0 / 24, 24, 3, 1, false, false),
            new(4, 40, 5, 2, true, true), new(6, 40, 5, 1, true, true), new(6, 40, 5, 1, true, true),
            new(3, 48, 5, 1, true, true), new(3, 48, 5, 1, true, true),
            new(6, 96, 5, 2, true, true), new(6, 96, 5, 1, true, true), new(6, 96, 5, 1, true, true),
        ], inputShape, alpha, minimalistic, includeTop, weights, inputTensor, classes, pooling, dropoutRate, classifierActivation, includePreprocessing, name);

    /// <summary>
    /// MobileNetV3Large (Keras <c>keras.applications.MobileNetV3Large</c>): 5,507,432 parameters at <c>alpha</c> 1 with
    /// the top. The model rescales pixels from [0, 255] itself (<paramref name="includePreprocessing"/>).
    /// </summary>
    /// <inheritdoc cref="MobileNetV3Small" path="/param"/>
    public static Model MobileNetV3Large(Shape? inputShape = null, double alpha = 1.0, bool minimalistic = false, bool includeTop = true,
        string? weights = "imagenet", KerasTensor? inputTensor = null, int classes = 1000, string? pooling = null, double dropoutRate = 0.2,
        string? classifierActivation = "softmax", bool includePreprocessing = true, string name = "MobileNetV3Large") =>
        MobileNetV3("MobileNetV3Large", "large", lastPointChannels: 1280,
        [
            new(1, 16, 3, 1, false, false), new(4, 24, 3, 2, false, false), new(3, 24, 3, 1, false, false),
            new(3, 40, 5, 2, true, false), new(3, 40, 5, 1, true, false), new(3, 40, 5, 1, true, false),
            new(6, 80, 3, 2, false, true), new(2.5, 80, 3, 1, false, true), new(2.3, 80, 3, 1, false, true), new(2.3, 80, 3, 1, false, true),
            new(6, 112, 3, 1, true, true), new(6, 112, 3, 1, true, true),
            new(6, 160, 5, 2, true, true), new(6, 160, 5, 1, true, true), new(6, 160, 5, 1, true, true),
        ], inputShape, alpha, minimalistic, includeTop, weights, inputTensor, classes, pooling, dropoutRate, classifierActivation, includePreprocessing, name);

    /// <summary>Keras's <c>mobilenet_v3.MobileNetV3</c>: preprocessing, stem, the stack of <paramref name="blocks"/>, last convolution, top.</summary>
    private static Model MobileNetV3(string model, string modelType, int lastPointChannels, MobileNetV3Block[] blocks, Shape? inputShape, double alpha,
        bool minimalistic, bool includeTop, string? weights, KerasTensor? inputTensor, int classes, string? pooling, double dropoutRate,
        string? classifierActivation, bool includePreprocessing, string name)
    {
        PretrainedWeights.Validate(model, weights, includeTop, classes);
        Building.Pooling.Validate(model, pooling);
        if (inputShape is not null && inputTensor is not null && inputShape.Rank == 3 && inputTensor.Shape[2] != inputShape[1])
            throw new KerasNetException($"{model}: the width of inputTensor {inputTensor.Shape} must equal that of inputShape {inputShape}.");
        var shape = inputShape ?? (inputTensor is null ? new Shape([null, null, 3]) : inputTensor.Shape.WithoutBatch());
        if (shape.Rank != 3)
            throw new KerasNetException($"{model}: inputShape must have three dimensions (height, width, channels); got {shape}.");
        if (shape[0] is long rows && shape[1] is long cols && (rows < 32 || cols < 32))
            throw new KerasNetException($"{model}: the input must be at least 32x32; got inputShape {shape}.");
        if (weights == PretrainedWeights.ImageNet && (minimalistic ? alpha != 1.0 : alpha is not (0.75 or 1.0)))
            throw new KerasNetException($"{model}: ImageNet weights exist for alpha 0.75 and 1.0 (1.0 only when minimalistic); got alpha {alpha}{(minimalistic ? ", minimalistic" : "")}.");
        var classifier = includeTop ? PretrainedWeights.ClassifierActivation(model, classifierActivation, weights) : null;
        var image = ImageInput.Tensor(model, shape, inputTensor);

        var x = image;
        if (includePreprocessing) x = new Rescaling(1.0 / 127.5, offset: -1.0).Apply(x);
        x = new Conv2D(16, 3, strides: 2, padding: "same", useBias: false, name: "conv").Apply(x);
        x = MobileNetV2BatchNorm("conv_bn").Apply(x);
        x = MobileNetV3Activation(x, hardSwish: !minimalistic);
        for (int i = 0; i < blocks.Length; i++)
        {
            var b = blocks[i];
            x = InvertedResidualBlockV3(x, b.Expansion, KerasNumbers.MakeDivisible(b.Filters * alpha), minimalistic ? 3 : b.Kernel, b.Stride,
                squeezeExcite: !minimalistic && b.SqueezeExcite, hardSwish: !minimalistic && b.HardSwish, blockId: i);
        }
        int lastConvChannels = KerasNumbers.MakeDivisible(x.Shape[-1]!.Value * 6);
        if (alpha > 1.0) lastPointChannels = KerasNumbers.MakeDivisible(lastPointChannels * alpha);
        x = new Conv2D(lastConvChannels, 1, padding: "same", useBias: false, name: "conv_1").Apply(x);
        x = MobileNetV2BatchNorm("conv_1_bn").Apply(x);
        x = MobileNetV3Activation(x, hardSwish: !minimalistic);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D(keepdims: true).Apply(x);
            x = new Conv2D(lastPointChannels, 1, padding: "same", useBias: true, name: "conv_2").Apply(x);
            x = MobileNetV3Activation(x, hardSwish: !minimalistic);
            if (dropoutRate > 0) x = new Dropout(dropoutRate).Apply(x);
            x = new Conv2D(classes, 1, padding: "same", name: "logits").Apply(x);
            x = new Flatten().Apply(x);
            x = new Activation(classifier ?? "linear", name: "predictions").Apply(x);
        }
        else x = Building.Pooling.Apply(x, pooling, named: true);

        string variant = $"{modelType}{(minimalistic ? "_minimalistic" : "")}_224_{KerasNumbers.PythonFloat(alpha)}_float";
        return ApplicationScaffold.End(image, inputTensor, x, name, weights, () => MobileNetV3File(variant, includeTop));
    }

    private static WeightsFile MobileNetV3File(string variant, bool includeTop)
    {
        (string Top, string NoTop) hashes = variant switch
        {
            "large_224_0.75_float" => ("765b44a33ad4005b3ac83185abf1d0eb", "40af19a13ebea4e2ee0c676887f69a2e"),
            "large_224_1.0_float" => ("59e551e166be033d707958cf9e29a6a7", "07fb09a5933dd0c8eaafa16978110389"),
            "large_minimalistic_224_1.0_float" => ("675e7b876c45c57e9e63e6d90a36599c", "ec5221f64a2f6d1ef965a614bdae7973"),
            "small_224_0.75_float" => ("cb65d4e5be93758266aa0a7f2c6708b7", "ebdb5cc8e0b497cd13a7c275d475c819"),
            "small_224_1.0_float" => ("8768d4c2e7dee89b9d02b2d03d65d862", "d3e8ec802a04aa4fc771ee12a9a9b836"),
            _ => ("99cd97fb2fcdad2bf028eb838de69e37", "cde8136e733e811080d9fcd8a252f7e4"), // small_minimalistic_224_1.0_float
        };
        string file = $"weights_mobilenet_v3_{variant}{(includeTop ? "" : "_no_top_v2")}.h5";
        return new(file, "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v3/" + file, includeTop ? hashes.Top : hashes.NoTop);
    }

    /// <summary>MobileNetV3's activations: hard-swish as an <c>Activation</c> layer, or an unnamed <c>ReLU</c>.</summary>
    private static KerasTensor MobileNetV3Activation(KerasTensor x, bool hardSwish) =>
        hardSwish ? new Activation("hard_swish").Apply(x) : new ReLU().Apply(x);

    /// <summary>
    /// Keras's <c>hard_sigmoid(x) = ReLU(6)(x + 3) · (1/6)</c>; the two scalar operations, which Keras applies to
    /// symbolic tensors directly, are weightless <c>Rescaling</c> layers here.
    /// </summary>
    private static KerasTensor HardSigmoid(KerasTensor x)
    {
        var relu6 = new ReLU(6.0);
        x = new Rescaling(1.0, offset: 3.0).Apply(x);
        return new Rescaling(1.0 / 6.0).Apply(relu6.Apply(x));
    }

    private static KerasTensor SqueezeExcite(KerasTensor inputs, int filters, string prefix)
    {
        var x = new GlobalAveragePooling2D(keepdims: true, name: $"{prefix}squeeze_excite_avg_pool").Apply(inputs);
        x = new Conv2D(KerasNumbers.MakeDivisible(filters * 0.25), 1, padding: "same", name: $"{prefix}squeeze_excite_conv").Apply(x);
        x = new ReLU(name: $"{prefix}squeeze_excite_relu").Apply(x);
        x = new Conv2D(filters, 1, padding: "same", name: $"{prefix}squeeze_excite_conv_1").Apply(x);
        x = HardSigmoid(x);
        return new Multiply(name: $"{prefix}squeeze_excite_mul").Apply([inputs, x]);
    }

    private static KerasTensor InvertedResidualBlockV3(KerasTensor x, double expansion, int filters, int kernelSize, int stride,
        bool squeezeExcite, bool hardSwish, int blockId)
    {
        var shortcut = x;
        string prefix = "expanded_conv_";
        long inFilters = x.Shape[-1]!.Value;
        int expanded = KerasNumbers.MakeDivisible(inFilters * expansion);
        if (blockId != 0)
        {
            prefix = $"expanded_conv_{blockId}_";
            x = new Conv2D(expanded, 1, padding: "same", useBias: false, name: $"{prefix}expand").Apply(x);
            x = MobileNetV2BatchNorm($"{prefix}expand_bn").Apply(x);
            x = MobileNetV3Activation(x, hardSwish);
        }
        if (stride == 2) x = new ZeroPadding2D(ImageInput.CorrectPad(x, kernelSize), name: $"{prefix}depthwise_pad").Apply(x);
        x = new DepthwiseConv2D(kernelSize, strides: stride, padding: stride == 1 ? "same" : "valid", useBias: false, name: $"{prefix}depthwise").Apply(x);
        x = MobileNetV2BatchNorm($"{prefix}depthwise_bn").Apply(x);
        x = MobileNetV3Activation(x, hardSwish);
        if (squeezeExcite) x = SqueezeExcite(x, expanded, prefix);
        x = new Conv2D(filters, 1, padding: "same", useBias: false, name: $"{prefix}project").Apply(x);
        x = MobileNetV2BatchNorm($"{prefix}project_bn").Apply(x);
        return stride == 1 && inFilters == filters ? new Add(name: $"{prefix}add").Apply([shortcut, x]) : x;
    }
}
