using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// The (weighted) mean of the values given (Keras <c>Mean</c>): values are first reduced to one per
/// sample, then <c>total += Σ w·v</c> and <c>count += Σ w</c> (the number of samples when unweighted).
/// </summary>
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

    /// <summary>Adds values (any shape), each sample weighted by <paramref name="sampleWeight"/> if given.</summary>
    public void UpdateState(Tensor values, Tensor? sampleWeight = null)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (v, w) = SamplewiseReduction.Reduce(values, sampleWeight, useSum: false);
        _total.add_(v.sum());
        if (w is not null) _count.add_(w.sum());
        else _count.add_(v.dim() >= 1 ? v.shape[0] : 1);
    }

    /// <summary>Metrics computed from labels and predictions accumulate the per-sample values.</summary>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) =>
        throw new KerasNetException($"Metric '{Name}' (Mean) takes values, not labels and predictions: call UpdateState(values, sampleWeight).");

    /// <inheritdoc />
    public override Tensor Result()
    {
        using var scope = NewDisposeScope();
        return SafeDivision.DivideNoNan(_total, _count).MoveToOuterDisposeScope();
    }
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
        using var noGrad = no_grad();
        UpdateState(Values(yTrue, yPred.detach()), sampleWeight);
    }
}
