using static TorchSharp.torch;

namespace KerasNet.Applications;

/// <summary>Input preprocessing for EfficientNetB0 to EfficientNetB7 (Keras <c>keras.applications.efficientnet</c>); decode predictions with <see cref="ImageNetUtils.DecodePredictions"/>.</summary>
public static class EfficientNet
{
    /// <summary>
    /// Returns the images as they are (Keras <c>efficientnet.preprocess_input</c> is the identity): EfficientNetB0 to EfficientNetB7 take pixels in
    /// [0, 255] and preprocess them inside the model.
    /// </summary>
    /// <param name="x">The images.</param>
    public static Tensor PreprocessInput(Tensor x) => x.alias();
}
