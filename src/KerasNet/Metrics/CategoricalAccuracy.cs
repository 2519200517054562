using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>How often the arg-max of the prediction equals the arg-max of the one-hot label.</summary>
public sealed class CategoricalAccuracy(string name = "categorical_accuracy") : MeanMetricWrapper(name)
{
    /// <inheritdoc />
    public override string ClassName => "CategoricalAccuracy";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred) =>
        yTrue.argmax(-1).eq(yPred.argmax(-1)).to(ScalarType.Float32);
}
