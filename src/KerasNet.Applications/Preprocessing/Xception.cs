using static TorchSharp.torch;

namespace KerasNet.Applications;

/// <summary>Input preprocessing for Xception (Keras <c>keras.applications.xception</c>); decode predictions with <see cref="ImageNetUtils.DecodePredictions"/>.</summary>
public static class Xception
{
    /// <summary>
    /// Keras <c>xception.preprocess_input</c>: scales pixels from [0, 255] to [−1, 1] (mode "tf"); see <see cref="ImageNetUtils.PreprocessInput"/>.
    /// </summary>
    /// <param name="x">Images with values in [0, 255], 3-D or 4-D; not modified.</param>
    /// <param name="dataFormat"><c>"channels_last"</c> (default) or <c>"channels_first"</c>.</param>
    public static Tensor PreprocessInput(Tensor x, string dataFormat = "channels_last") => ImageNetUtils.PreprocessInput(x, "tf", dataFormat);
}
