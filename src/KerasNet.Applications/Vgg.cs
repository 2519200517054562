using KerasNet.Applications.Building;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Applications;

public static partial class Applications
{
    private const string VggWeights = "https://storage.googleapis.com/tensorflow/keras-applications/";

    /// <summary>
    /// VGG16 (Keras <c>keras.applications.VGG16</c>; Simonyan and Zisserman, 2015): 13 convolutions in five blocks
    /// and three fully-connected layers, 138,357,544 parameters with the top. Preprocess with <see cref="Vgg16.PreprocessInput"/>.
    /// </summary>
    /// <param name="includeTop">Whether to include the classifier at the top of the network (then the input has the default size with ImageNet weights).</param>
    /// <param name="weights"><c>"imagenet"</c> (the official file from the Keras cache folder), <c>null</c> (random initialization) or the path of a weights file.</param>
    /// <param name="inputTensor">A symbolic image tensor (from <c>Input()</c>, possibly through other layers) to build on instead of a new input.</param>
    /// <param name="inputShape">Height, width and channels of an image; by default the network's default size with the top, any size (of at least the minimum the network allows) without it.</param>
    /// <param name="pooling">Without the top: <c>null</c> for the last block's 4-D feature maps, <c>"avg"</c> or <c>"max"</c> for global pooling to a vector.</param>
    /// <param name="classes">Number of classes of the top classifier.</param>
    /// <param name="classifierActivation">Activation of the classifier (<c>null</c> for logits; only <c>softmax</c> or <c>null</c> with pretrained weights).</param>
    /// <param name="name">The model's name.</param>
    public static Model VGG16(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "vgg16") =>
        Vgg("VGG16", [2, 2, 3, 3, 3], includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name,
            () => new("vgg16_weights_tf_dim_ordering_tf_kernels.h5", VggWeights + "vgg16/vgg16_weights_tf_dim_ordering_tf_kernels.h5", "64373286793e3c8b2b4e3219cbf3544b"),
            () => new("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", VggWeights + "vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", "6d6bbae143d832006294945121d1f1fc"));

    /// <summary>
    /// VGG19 (Keras <c>keras.applications.VGG19</c>): VGG16 with four convolutions in each of the last three blocks,
    /// 143,667,240 parameters with the top. Preprocess with <see cref="Vgg19.PreprocessInput"/>.
    /// </summary>
    /// <inheritdoc cref="VGG16" path="/param"/>
    public static Model VGG19(bool includeTop = true, string? weights = "imagenet", KerasTensor? inputTensor = null, Shape? inputShape = null,
        string? pooling = null, int classes = 1000, string? classifierActivation = "softmax", string name = "vgg19") =>
        Vgg("VGG19", [2, 2, 4, 4, 4], includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, name,
            () => new("vgg19_weights_tf_dim_ordering_tf_kernels.h5", VggWeights + "vgg19/vgg19_weights_tf_dim_ordering_tf_kernels.h5", "cbe5617147190e668d6c5d5026f83318"),
            () => new("vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", VggWeights + "vgg19/vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", "253f8cb515780f3b799900260a226db6"));

    private static Model Vgg(string model, int[] convsPerBlock, bool includeTop, string? weights, KerasTensor? inputTensor, Shape? inputShape,
        string? pooling, int classes, string? classifierActivation, string name, Func<WeightsFile> topFile, Func<WeightsFile> noTopFile)
    {
        var (image, _, activation) = ApplicationScaffold.Begin(model, includeTop, weights, inputTensor, inputShape, pooling, classes, classifierActivation, defaultSize: 224);
        var x = image;
        int[] filters = [64, 128, 256, 512, 512];
        for (int block = 1; block <= 5; block++)
        {
            for (int conv = 1; conv <= convsPerBlock[block - 1]; conv++)
                x = new Conv2D(filters[block - 1], 3, activation: "relu", padding: "same", name: $"block{block}_conv{conv}").Apply(x);
            x = new MaxPooling2D(2, strides: 2, name: $"block{block}_pool").Apply(x);
        }
        if (includeTop)
        {
            x = new Flatten(name: "flatten").Apply(x);
            x = new Dense(4096, activation: "relu", name: "fc1").Apply(x);
            x = new Dense(4096, activation: "relu", name: "fc2").Apply(x);
            x = new Dense(classes, activation: activation, name: "predictions").Apply(x);
        }
        else x = Building.Pooling.Apply(x, pooling, named: false);
        return ApplicationScaffold.End(image, inputTensor, x, name, weights, includeTop ? topFile : noTopFile);
    }
}
