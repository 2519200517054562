using static TorchSharp.torch;

namespace KerasNet.Applications;

/// <summary>Input preprocessing for DenseNet121, DenseNet169 and DenseNet201 (Keras <c>keras.applications.densenet</c>); decode predictions with <see cref="ImageNetUtils.DecodePredictions"/>.</summary>
public static class DenseNet
{
    /// <summary>
    /// Keras <c>densenet.preprocess_input</c>: scales pixels to [0, 1] and standardizes each channel with the ImageNet mean and standard deviation (mode "torch"); see <see cref="ImageNetUtils.PreprocessInput"/>.
    /// </summary>
    /// <param name="x">Images with values in [0, 255], 3-D or 4-D; not modified.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (default) or <c>"channels_first"</c>.</param>
    public static Tensor PreprocessInput(Tensor x, string dataFormat = "channels_last") => ImageNetUtils.PreprocessInput(x, "torch", dataFormat);
}
