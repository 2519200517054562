using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>The (weighted) mean of the values given (Keras <c>Mean</c>).</summary>
public class Mean : Metric
{
    private readonly Tensor _total;
    private readonly Tensor _count;

    /// <summary>Creates the metric.</summary>
    public Mean(string name = "mean") : base(name)
    {
        _total = AddState();
        _count = AddState();
    }

    /// <inheritdoc />
    public override string ClassName => "Mean";

    /// <summary>Adds values (any shape), each weighted by <paramref name="sampleWeight"/> if given.</summary>
    public void UpdateState(Tensor values, Tensor? sampleWeight = null)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var v = values.detach().to(ScalarType.Float32);
        if (sampleWeight is null)
        {
            _total.add_(v.sum());
            _count.add_(v.numel());
            return;
        }
        var w = sampleWeight.to(ScalarType.Float32);
        while (w.dim() < v.dim()) w = w.unsqueeze(-1);
        w = w.expand_as(v);
        _total.add_((v * w).sum());
        _count.add_(w.sum());
    }

    /// <summary>Metrics computed from labels and predictions accumulate the per-sample values.</summary>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) =>
        throw new KerasNetException($"Metric '{Name}' (Mean) takes values, not labels and predictions: call UpdateState(values, sampleWeight).");

    /// <inheritdoc />
    public override Tensor Result() => _total / _count.clamp_min(1e-12);
}

/// <summary>
/// A metric defined by a per-sample function of labels and predictions, averaged (Keras's
/// <c>MeanMetricWrapper</c>).
/// </summary>
public abstract class MeanMetricWrapper(string name) : Mean(name)
{
    /// <summary>Per-sample values for one batch.</summary>
    protected abstract Tensor Values(Tensor yTrue, Tensor yPred);

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        UpdateState(Values(yTrue, yPred.detach()), sampleWeight);
    }
}
