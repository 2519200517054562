using KerasNet.Layers;
using KerasNet.Utils;
using static KerasNet.Keras;

namespace KerasNet.Applications.Building;

/// <summary>
/// The image input of an application (Keras <c>imagenet_utils.obtain_input_shape</c> and the
/// <c>input_tensor</c>/<c>input_shape</c> handling every application shares). Channels-last throughout.
/// </summary>
internal static class ImageInput
{
    /// <summary>
    /// The per-sample input shape: the default square <paramref name="defaultSize"/> RGB shape when none is given and a
    /// flattening top needs it, <c>(None, None, 3)</c> otherwise; a given shape is checked (three dimensions, sides of at
    /// least <paramref name="minSize"/>, three channels for ImageNet weights, exactly the default with an ImageNet top).
    /// </summary>
    public static Shape ObtainShape(string model, Shape? inputShape, int defaultSize, int minSize, bool requireFlatten, string? weights)
    {
        bool imagenet = weights == PretrainedWeights.ImageNet;
        long channels = !imagenet && inputShape is { Rank: 3 } && inputShape[2] is long c ? c : 3;
        var defaultShape = Shape.Of(defaultSize, defaultSize, channels);
        if (imagenet && requireFlatten)
        {
            if (inputShape is not null && !inputShape.Equals(defaultShape))
                throw new KerasNetException($"{model}: with includeTop: true and ImageNet weights, inputShape must be {defaultShape}; got {inputShape}.");
            return defaultShape;
        }
        if (inputShape is not null)
        {
            if (inputShape.Rank != 3)
                throw new KerasNetException($"{model}: inputShape must have three dimensions (height, width, channels); got {inputShape}.");
            if (imagenet && inputShape[2] != 3)
                throw new KerasNetException($"{model}: ImageNet weights need 3 input channels; got inputShape {inputShape}.");
            if (inputShape[0] < minSize || inputShape[1] < minSize)
                throw new KerasNetException($"{model}: the input must be at least {minSize}x{minSize}; got inputShape {inputShape}.");
        }
        else inputShape = requireFlatten ? defaultShape : new Shape([null, null, 3]);
        if (requireFlatten && !inputShape.IsFullyDefined)
            throw new KerasNetException($"{model}: with includeTop: true the input shape must be fully known; got {inputShape}.");
        return inputShape;
    }

    /// <summary>
    /// The image tensor the network starts from: <paramref name="inputTensor"/> when given (a 4-D channels-last
    /// symbolic tensor), otherwise a new <c>Input</c> of <paramref name="shape"/>.
    /// </summary>
    public static KerasTensor Tensor(string model, Shape shape, KerasTensor? inputTensor)
    {
        if (inputTensor is null) return Input(shape: shape);
        if (inputTensor.Shape.Rank != 4)
            throw new KerasNetException($"{model}: inputTensor must be a batch of images (rank 4, channels last); got shape {inputTensor.Shape}.");
        return inputTensor;
    }

    /// <summary>The model's inputs: the <c>Input()</c> tensors <paramref name="inputTensor"/> derives from, or <paramref name="image"/>.</summary>
    public static IReadOnlyList<KerasTensor> ModelInputs(KerasTensor image, KerasTensor? inputTensor) =>
        inputTensor is null ? [image] : OperationUtils.GetSourceInputs(inputTensor);

    /// <summary>
    /// Keras's <c>correct_pad</c>: the zero padding before a strided "valid" convolution that makes it match
    /// TensorFlow's "same" padding, from the input's spatial size (odd sizes pad symmetrically).
    /// </summary>
    public static IntPairs CorrectPad(KerasTensor x, int kernelSize)
    {
        int correct = kernelSize / 2;
        int adjustRows = x.Shape[1] is long rows ? (int)(1 - rows % 2) : 1;
        int adjustCols = x.Shape[2] is long cols ? (int)(1 - cols % 2) : 1;
        return ((correct - adjustRows, correct), (correct - adjustCols, correct));
    }
}
