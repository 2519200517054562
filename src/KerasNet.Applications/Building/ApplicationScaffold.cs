using KerasNet.Activations;
using KerasNet.Models;

namespace KerasNet.Applications.Building;

/// <summary>The steps every application takes around its own layers: check the arguments, make the input, make the model, load weights.</summary>
internal static class ApplicationScaffold
{
    /// <summary>
    /// Checks the common arguments (in Keras's order: weights, classes, input shape; then the classifier's activation,
    /// before anything is built) and returns the image tensor the network starts from, the per-sample input shape Keras
    /// derives from the arguments (which the image tensor need not have when <paramref name="inputTensor"/> is given),
    /// and the classifier's activation (null for logits, or without the top).
    /// </summary>
    public static (KerasTensor Image, Shape Shape, ActivationFunction? ClassifierActivation) Begin(string model, bool includeTop, string? weights,
        KerasTensor? inputTensor, Shape? inputShape, string? pooling, int classes, string? classifierActivation, int defaultSize, int minSize = 32)
    {
        PretrainedWeights.Validate(model, weights, includeTop, classes);
        Pooling.Validate(model, pooling);
        var shape = ImageInput.ObtainShape(model, inputShape, defaultSize, minSize, includeTop, weights);
        var activation = includeTop ? PretrainedWeights.ClassifierActivation(model, classifierActivation, weights) : null;
        return (ImageInput.Tensor(model, shape, inputTensor), shape, activation);
    }

    /// <summary>The Functional model from the image (or the inputs <paramref name="inputTensor"/> derives from) to <paramref name="output"/>, with its weights loaded.</summary>
    public static Model End(KerasTensor image, KerasTensor? inputTensor, KerasTensor output, string name, string? weights, Func<WeightsFile> imagenetFile) =>
        PretrainedWeights.Load(new Model(ImageInput.ModelInputs(image, inputTensor), [output], name), weights, imagenetFile);
}
