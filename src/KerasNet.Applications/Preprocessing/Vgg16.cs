using static TorchSharp.torch;

namespace KerasNet.Applications;

/// <summary>Input preprocessing for VGG16 (Keras <c>keras.applications.vgg16</c>); decode predictions with <see cref="ImageNetUtils.DecodePredictions"/>.</summary>
public static class Vgg16
{
    /// <summary>
    /// Keras <c>vgg16.preprocess_input</c>: converts RGB to BGR and subtracts the ImageNet channel means, without scaling (mode "caffe"); see <see cref="ImageNetUtils.PreprocessInput"/>.
    /// </summary>
    /// <param name="x">Images with values in [0, 255], 3-D or 4-D; not modified.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (default) or <c>"channels_first"</c>.</param>
    public static Tensor PreprocessInput(Tensor x, string dataFormat = "channels_last") => ImageNetUtils.PreprocessInput(x, "caffe", dataFormat);
}
