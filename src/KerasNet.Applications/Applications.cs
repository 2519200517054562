namespace KerasNet.Applications;

/// <summary>
/// Keras Applications (<c>keras.applications</c>): the classic image-classification architectures as Functional
/// models with exactly Keras's layer names, layer order and parameter counts, so that Keras's weight files fit them.
/// Every application takes Keras's arguments — <c>includeTop</c>, <c>weights</c> (<c>"imagenet"</c>, <c>null</c> or a
/// file path), <c>inputTensor</c>, <c>inputShape</c>, <c>pooling</c>, <c>classes</c>, <c>classifierActivation</c>,
/// <c>name</c> — plus its family's own (<c>alpha</c>, <c>depthMultiplier</c>, <c>minimalistic</c>,
/// <c>includePreprocessing</c>…). Images are channels-last. Each family's class (<see cref="ResNet"/>,
/// <see cref="KerasNet.Applications.MobileNetV2"/>…) has the matching <c>PreprocessInput</c>.
/// </summary>
/// <remarks>
/// <c>weights: "imagenet"</c> (Keras's default) reads the official file from the Keras cache folder
/// (<c>$KERAS_HOME/models</c> or <c>~/.keras/models</c>) and fails with the download address when it is not there:
/// KerasNet never downloads. Pass <c>weights: null</c> for random initialization.
/// Where Keras applies a backend operation to symbolic tensors instead of a layer (MobileNetV3's hard sigmoid
/// <c>relu6(x + 3) / 6</c>, ConvNeXt's residual <c>inputs + x</c>), KerasNet uses the equivalent weightless layer
/// (<c>Rescaling</c>, <c>Add</c>), since its Functional graphs are made of layers; the layers that hold weights, their
/// names, order and counts are Keras's.
/// </remarks>
public static partial class Applications;
