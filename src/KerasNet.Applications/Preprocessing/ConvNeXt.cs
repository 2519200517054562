using static TorchSharp.torch;

namespace KerasNet.Applications;

/// <summary>Input preprocessing for ConvNeXtTiny (Keras <c>keras.applications.convnext</c>); decode predictions with <see cref="ImageNetUtils.DecodePredictions"/>.</summary>
public static class ConvNeXt
{
    /// <summary>
    /// Returns the images as they are (Keras <c>convnext.preprocess_input</c> is the identity): ConvNeXtTiny take pixels in
    /// [0, 255] and preprocess them inside the model.
    /// </summary>
    /// <param name="x">The images.</param>
    public static Tensor PreprocessInput(Tensor x) => x.alias();
}
