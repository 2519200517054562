using KerasNet.Applications.Building;
using KerasNet.Initializers;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    /// <summary>One stage of EfficientNet-B0: kernel, repeats, input and output filters, expansion, stride (squeeze-excite ratio 0.25 throughout).</summary>
    private readonly record struct EfficientNetStage(int Kernel, int Repeats, int FiltersIn, int FiltersOut, int Expansion, int Stride);

    private static readonly EfficientNetStage[] EfficientNetB0Stages =
    [
        new(3, 1, 32, 16, 1, 1), new(3, 2, 16, 24, 6, 2), new(5, 2, 24, 40, 6, 2), new(3, 3, 40, 80, 6, 2),
        new(5, 3, 80, 112, 6, 1), new(5, 4, 112, 192, 6, 2), new(3, 1, 192, 320, 6, 1),
    ];

    /// <summary>ImageNet's per-channel standard deviations (RGB), which EfficientNet's ImageNet weights standardize with.</summary>
    private static readonly double[] ImageNetStdRgb = [0.229, 0.224, 0.225];

    /// <summary>
    /// EfficientNetB0 (Keras <c>keras.applications.EfficientNetB0</c>; Tan and Le, 2019): 5,330,571 parameters with the
    /// top, 224×224 inputs by default. The model takes pixels in [0, 255] and normalizes them itself.
    /// </summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model EfficientNetB0(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "efficientnetb0") =>
        EfficientNetModel("EfficientNetB0", 1.0, 1.0, 224, 0.2, "902e53a9f72be733fc0bcb005b3ebbac", "50bc09e76180e00e4465e1a485ddc09d",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>EfficientNetB1 (Keras <c>keras.applications.EfficientNetB1</c>): 7,856,239 parameters with the top, 240×240 inputs by default.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model EfficientNetB1(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "efficientnetb1") =>
        EfficientNetModel("EfficientNetB1", 1.0, 1.1, 240, 0.2, "1d254153d4ab51201f1646940f018540", "74c4e6b3e1f6a1eea24c589628592432",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>EfficientNetB2 (Keras <c>keras.applications.EfficientNetB2</c>): 9,177,569 parameters with the top, 260×260 inputs by default.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model EfficientNetB2(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "efficientnetb2") =>
        EfficientNetModel("EfficientNetB2", 1.1, 1.2, 260, 0.3, "b15cce36ff4dcbd00b6dd88e7857a6ad", "111f8e2ac8aa800a7a99e3239f7bfb39",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>EfficientNetB3 (Keras <c>keras.applications.EfficientNetB3</c>): 12,320,535 parameters with the top, 300×300 inputs by default.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model EfficientNetB3(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "efficientnetb3") =>
        EfficientNetModel("EfficientNetB3", 1.2, 1.4, 300, 0.3, "ffd1fdc53d0ce67064dc6a9c7960ede0", "af6d107764bb5b1abb91932881670226",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>EfficientNetB4 (Keras <c>keras.applications.EfficientNetB4</c>): 19,466,823 parameters with the top, 380×380 inputs by default.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model EfficientNetB4(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "efficientnetb4") =>
        EfficientNetModel("EfficientNetB4", 1.4, 1.8, 380, 0.4, "18c95ad55216b8f92d7e70b3a046e2fc", "ebc24e6d6c33eaebbd558eafbeedf1ba",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>EfficientNetB5 (Keras <c>keras.applications.EfficientNetB5</c>): 30,562,527 parameters with the top, 456×456 inputs by default.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model EfficientNetB5(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "efficientnetb5") =>
        EfficientNetModel("EfficientNetB5", 1.6, 2.2, 456, 0.4, "ace28f2a6363774853a83a0b21b9421a", "38879255a25d3c92d5e44e04ae6cec6f",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>EfficientNetB6 (Keras <c>keras.applications.EfficientNetB6</c>): 43,265,143 parameters with the top, 528×528 inputs by default.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model EfficientNetB6(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "efficientnetb6") =>
        EfficientNetModel("EfficientNetB6", 1.8, 2.6, 528, 0.5, "165f6e37dce68623721b423839de8be5", "9ecce42647a20130c1f39a5d4cb75743",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>EfficientNetB7 (Keras <c>keras.applications.EfficientNetB7</c>): 66,658,687 parameters with the top, 600×600 inputs by default.</summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model EfficientNetB7(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "efficientnetb7") =>
        EfficientNetModel("EfficientNetB7", 2.0, 3.1, 600, 0.5, "8c03f828fec3ef71311cd463b6759d99", "cbcfe4450ddf6f3ad90b1b398090fe4a",
            includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name);

    /// <summary>
    /// Keras's <c>efficientnet.EfficientNet</c> with its defaults (drop-connect rate 0.2, depth divisor 8, swish, the B0
    /// stages scaled by <paramref name="widthCoefficient"/> and <paramref name="depthCoefficient"/>).
    /// </summary>
    private static Model EfficientNetModel(string model, double widthCoefficient, double depthCoefficient, int defaultSize, double dropoutRate,
        string topMd5, string noTopMd5, bool includeTop, string? weights, KerasTensor? inputTensor, Shape? inputShape, string? pooling,
        int classes, string? classifierActivation, string name)
    {
        const double dropConnectRate = 0.2;
        const string activation = "swish";
        var (image, _, classifier) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize);
        int RoundFilters(int filters) => KerasNumbers.MakeDivisible(filters * widthCoefficient);
        int RoundRepeats(int repeats) => (int)Math.Ceiling(depthCoefficient * repeats);

        var x = new Rescaling(1.0 / 255.0).Apply(image);
        x = new Normalization(axis: 3).Apply(x);
        // The official weights store the standard deviation where Normalization expects the variance; Keras corrects it
        // with this rescaling when it loads them as "imagenet" (not when given their path).
        if (weights == PretrainedWeights.ImageNet) x = new Rescaling(ImageNetStdRgb.Select(s => 1.0 / Math.Sqrt(s)).ToArray()).Apply(x);
        x = new ZeroPadding2D(ImageInput.CorrectPad(x, 3), name: "stem_conv_pad").Apply(x);
        x = new Conv2D(RoundFilters(32), 3, strides: 2, padding: "valid", useBias: false, kernelInitializer: EfficientNetConvInitializer(), name: "stem_conv").Apply(x);
        x = new BatchNormalization(axis: 3, name: "stem_bn").Apply(x);
        x = new Activation(activation, name: "stem_activation").Apply(x);

        double blocks = EfficientNetB0Stages.Sum(s => RoundRepeats(s.Repeats));
        int b = 0;
        for (int i = 0; i < EfficientNetB0Stages.Length; i++)
        {
            var stage = EfficientNetB0Stages[i];
            int filtersIn = RoundFilters(stage.FiltersIn), filtersOut = RoundFilters(stage.FiltersOut);
            for (int j = 0; j < RoundRepeats(stage.Repeats); j++)
            {
                x = EfficientNetBlock(x, activation, dropConnectRate * b / blocks, $"block{i + 1}{(char)('a' + j)}_",
                    j == 0 ? filtersIn : filtersOut, filtersOut, stage.Kernel, j == 0 ? stage.Stride : 1, stage.Expansion);
                b++;
            }
        }

        x = new Conv2D(RoundFilters(1280), 1, padding: "same", useBias: false, kernelInitializer: EfficientNetConvInitializer(), name: "top_conv").Apply(x);
        x = new BatchNormalization(axis: 3, name: "top_bn").Apply(x);
        x = new Activation(activation, name: "top_activation").Apply(x);
        if (includeTop)
        {
            x = new GlobalAveragePooling2D(name: "avg_pool").Apply(x);
            if (dropoutRate > 0) x = new Dropout(dropoutRate, name: "top_dropout").Apply(x);
            x = new Dense(classes, activation: classifier,
                kernelInitializer: new VarianceScaling(1.0 / 3.0, mode: "fan_out", distribution: "uniform"), name: "predictions").Apply(x);
        }
        else x = Building.Pooling.Apply(x, pooling, named: true);
        string file = $"{name}{(includeTop ? ".h5" : "_notop.h5")}";
        return ApplicationScaffold.End(image, inputTensor, x, name, weights,
            () => new(file, "https://storage.googleapis.com/keras-applications/" + file, includeTop ? topMd5 : noTopMd5));
    }

    private static VarianceScaling EfficientNetConvInitializer() => new(2.0, mode: "fan_out", distribution: "truncated_normal");

    /// <summary>Keras's <c>efficientnet.block</c>: a mobile inverted bottleneck with squeeze-excite (ratio 0.25) and stochastic depth on the skip.</summary>
    private static KerasTensor EfficientNetBlock(KerasTensor inputs, string activation, double dropRate, string name,
        int filtersIn, int filtersOut, int kernelSize, int strides, int expandRatio)
    {
        int filters = filtersIn * expandRatio;
        var x = inputs;
        if (expandRatio != 1)
        {
            x = new Conv2D(filters, 1, padding: "same", useBias: false, kernelInitializer: EfficientNetConvInitializer(), name: $"{name}expand_conv").Apply(x);
            x = new BatchNormalization(axis: 3, name: $"{name}expand_bn").Apply(x);
            x = new Activation(activation, name: $"{name}expand_activation").Apply(x);
        }
        if (strides == 2) x = new ZeroPadding2D(ImageInput.CorrectPad(x, kernelSize), name: $"{name}dwconv_pad").Apply(x);
        x = new DepthwiseConv2D(kernelSize, strides: strides, padding: strides == 2 ? "valid" : "same", useBias: false,
            depthwiseInitializer: EfficientNetConvInitializer(), name: $"{name}dwconv").Apply(x);
        x = new BatchNormalization(axis: 3, name: $"{name}bn").Apply(x);
        x = new Activation(activation, name: $"{name}activation").Apply(x);

        int filtersSe = Math.Max(1, (int)(filtersIn * 0.25));
        var se = new GlobalAveragePooling2D(name: $"{name}se_squeeze").Apply(x);
        se = new Reshape([1, 1, filters], name: $"{name}se_reshape").Apply(se);
        se = new Conv2D(filtersSe, 1, padding: "same", activation: activation, kernelInitializer: EfficientNetConvInitializer(), name: $"{name}se_reduce").Apply(se);
        se = new Conv2D(filters, 1, padding: "same", activation: "sigmoid", kernelInitializer: EfficientNetConvInitializer(), name: $"{name}se_expand").Apply(se);
        x = new Multiply(name: $"{name}se_excite").Apply([x, se]);

        x = new Conv2D(filtersOut, 1, padding: "same", useBias: false, kernelInitializer: EfficientNetConvInitializer(), name: $"{name}project_conv").Apply(x);
        x = new BatchNormalization(axis: 3, name: $"{name}project_bn").Apply(x);
        if (strides == 1 && filtersIn == filtersOut)
        {
            if (dropRate > 0) x = new Dropout(dropRate, noiseShape: new Shape([null, 1, 1, 1]), name: $"{name}drop").Apply(x);
            x = new Add(name: $"{name}add").Apply([x, inputs]);
        }
        return x;
    }
}
