using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// How often the arg-max of the prediction equals the integer label; labels may carry a trailing
/// axis of 1 (Keras <c>SparseCategoricalAccuracy</c>).
/// </summary>
public sealed class SparseCategoricalAccuracy(string name = "sparse_categorical_accuracy") : MeanMetricWrapper(name)
{
    /// <inheritdoc />
    public override string ClassName => "SparseCategoricalAccuracy";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred)
    {
        var labels = SparseLabels.Squeeze(yTrue, yPred);
        return labels.eq(yPred.argmax(-1).to(labels.dtype)).to(ScalarType.Float32);
    }
}
