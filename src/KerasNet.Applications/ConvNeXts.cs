using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    /// <summary>
    /// ConvNeXtTiny (Keras <c>keras.applications.ConvNeXtTiny</c>; Liu et al., 2022): stages of 3, 3, 9 and 3 blocks
    /// of 96, 192, 384 and 768 channels, 28,589,128 parameters with the top. The stem and downsampling layers are
    /// nested <see cref="Sequential"/> models, as in Keras.
    /// </summary>
    /// <param name="includeTop">Whether to include the classifier head (global average pooling, layer normalization, dense).</param>
    /// <param name="includePreprocessing">Whether the model standardizes [0, 255] RGB pixels itself (a <c>Normalization</c> layer with ImageNet statistics).</param>
    /// <param name="weights"><c>"imagenet"</c> (the official file from the Keras cache folder), <c>null</c> (random initialization) or the path of a weights file.</param>
    /// <param name="inputTensor">A symbolic image tensor (from <c>Input()</c>, possibly through other layers) to build on instead of a new input.</param>
    /// <param name="inputShape">Height, width and channels of an image; only needed without the top (default 224×224×3 with it, any size ≥ 32 without).</param>
    /// <param name="pooling">Without the top: <c>null</c> for the last stage's 4-D feature maps, <c>"avg"</c> or <c>"max"</c> for global pooling to a vector (layer-normalized either way, as in Keras).</param>
    /// <param name="classes">Number of classes of the top classifier.</param>
    /// <param name="classifierActivation">Activation of the classifier (<c>null</c> for logits; only <c>softmax</c> or <c>null</c> with pretrained weights).</param>
    /// <param name="name">The model's name; it prefixes every layer name.</param>
    public static Model ConvNeXtTiny(bool includeTop = true, bool includePreprocessing = true, string? weights = "imagenet",
        KerasTensor? inputTensor = null, Shape? inputShape = null, string? pooling = null, int classes = 1000,
        string? classifierActivation = "softmax", string name = "convnext_tiny")
    {
        const string model = "ConvNeXtTiny";
        int[] depths = [3, 3, 9, 3];
        int[] dims = [96, 192, 384, 768];
        var (image, shape, activation) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize: 224);
        if (weights == PretrainedWeights.ImageNet && !name.Contains("convnext_tiny", StringComparison.Ordinal))
            throw new KerasNetException($"{model}: with ImageNet weights the model name must contain \"convnext_tiny\" (the layer names derive from it); got \"{name}\".");

        var x = image;
        if (includePreprocessing && shape[2] == 3)
        {
            // ImageNet mean and variance in [0, 255] pixel units.
            using var mean = TorchSharp.torch.tensor(new[] { 0.485 * 255, 0.456 * 255, 0.406 * 255 });
            using var variance = TorchSharp.torch.tensor(new[] { Math.Pow(0.229 * 255, 2), Math.Pow(0.224 * 255, 2), Math.Pow(0.225 * 255, 2) });
            x = new Normalization(mean: mean, variance: variance, name: $"{name}_prestem_normalization").Apply(x);
        }
        var stages = new List<Sequential>
        {
            new([new Conv2D(dims[0], 4, strides: 4, name: $"{name}_stem_conv"), new LayerNormalization(epsilon: 1e-6, name: $"{name}_stem_layernorm")],
                name: $"{name}_stem"),
        };
        for (int i = 0; i < 3; i++)
            stages.Add(new([new LayerNormalization(epsilon: 1e-6, name: $"{name}_downsampling_layernorm_{i}"),
                new Conv2D(dims[i + 1], 2, strides: 2, name: $"{name}_downsampling_conv_{i}")], name: $"{name}_downsampling_block_{i}"));
        for (int i = 0; i < 4; i++)
        {
            x = stages[i].Apply(x);
            for (int j = 0; j < depths[i]; j++) x = ConvNeXtBlock(x, dims[i], layerScaleInitValue: 1e-6, $"{name}_stage_{i}_block_{j}");
        }

        if (includeTop)
        {
            x = new GlobalAveragePooling2D(name: $"{name}_head_gap").Apply(x);
            x = new LayerNormalization(epsilon: 1e-6, name: $"{name}_head_layernorm").Apply(x);
            x = new Dense(classes, activation: activation, name: $"{name}_head_dense").Apply(x);
        }
        else
        {
            x = Building.Pooling.Apply(x, pooling, named: false);
            x = new LayerNormalization(epsilon: 1e-6).Apply(x);
        }
        string file = $"{name}{(includeTop ? ".h5" : "_notop.h5")}";
        return ApplicationScaffold.End(image, inputTensor, x, name, weights, () => new(file,
            "https://storage.googleapis.com/tensorflow/keras-applications/convnext/" + file,
            includeTop ? "8ae6e78ce2933352b1ef4008e6dd2f17bc40771563877d156bc6426c7cf503ff" : "d547c096cabd03329d7be5562c5e14798aa39ed24b474157cef5e85ab9e49ef1"));
    }

    /// <summary>
    /// Keras's <c>convnext.ConvNeXtBlock</c> without stochastic depth (drop-path rate 0, as every Keras ConvNeXt uses):
    /// 7×7 depthwise convolution, layer normalization, pointwise MLP with GELU, layer scale, and the residual sum, which
    /// Keras writes as the operation <c>inputs + x</c> and KerasNet as an <c>Add</c> layer.
    /// </summary>
    private static KerasTensor ConvNeXtBlock(KerasTensor inputs, int projectionDim, double layerScaleInitValue, string name)
    {
        var x = new Conv2D(projectionDim, 7, padding: "same", groups: projectionDim, name: $"{name}_depthwise_conv").Apply(inputs);
        x = new LayerNormalization(epsilon: 1e-6, name: $"{name}_layernorm").Apply(x);
        x = new Dense(4 * projectionDim, name: $"{name}_pointwise_conv_1").Apply(x);
        x = new Activation("gelu", name: $"{name}_gelu").Apply(x);
        x = new Dense(projectionDim, name: $"{name}_pointwise_conv_2").Apply(x);
        x = new LayerScale(layerScaleInitValue, projectionDim, name: $"{name}_layer_scale").Apply(x);
        x = new Activation("linear", name: $"{name}_identity").Apply(x);
        return new Add().Apply([inputs, x]);
    }
}
