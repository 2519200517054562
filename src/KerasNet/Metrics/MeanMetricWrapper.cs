using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// A metric defined by a per-sample function of labels and predictions, averaged like
/// <see cref="Mean"/> (Keras's <c>MeanMetricWrapper</c>). Unlike Keras it does not derive from
/// <see cref="Mean"/>, so <c>UpdateState(yTrue, yPred)</c> can never bind to Mean's
/// <c>UpdateState(values, sampleWeight)</c>.
/// </summary>
public abstract class MeanMetricWrapper : Metric
{
    private readonly WeightedMean _mean;

    /// <summary>Creates the metric.</summary>
    protected MeanMetricWrapper(string name) : base(name) => _mean = new(AddState(), AddState());

    /// <summary>Per-sample values for one batch.</summary>
    protected abstract Tensor Values(Tensor yTrue, Tensor yPred);

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _mean.Add(Values(yTrue, yPred.detach()), sampleWeight);
    }

    /// <inheritdoc />
    public override Tensor Result() => _mean.Result();
}
