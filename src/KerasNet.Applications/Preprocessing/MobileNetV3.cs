using static TorchSharp.torch;

namespace KerasNet.Applications;

/// <summary>Input preprocessing for MobileNetV3Small and MobileNetV3Large (Keras <c>keras.applications.mobilenet_v3</c>); decode predictions with <see cref="ImageNetUtils.DecodePredictions"/>.</summary>
public static class MobileNetV3
{
    /// <summary>
    /// Returns the images as they are (Keras <c>mobilenet_v3.preprocess_input</c> is the identity): MobileNetV3Small and MobileNetV3Large take pixels in
    /// [0, 255] and preprocess them inside the model.
    /// </summary>
    /// <param name="x">The images.</param>
    public static Tensor PreprocessInput(Tensor x) => x.alias();
}
