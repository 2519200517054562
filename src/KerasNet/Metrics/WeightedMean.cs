using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// The state of Keras's <c>Mean</c>: values are reduced to one per sample, then
/// <c>total += Σ w·v</c> and <c>count += Σ w</c> (the number of samples when unweighted), on the engine.
/// </summary>
internal sealed class WeightedMean(Tensor total, Tensor count)
{
    /// <summary>Accumulates values of any shape, weighted per sample when <paramref name="sampleWeight"/> is given.</summary>
    public void Add(Tensor values, Tensor? sampleWeight)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (v, w) = SamplewiseReduction.Reduce(values, sampleWeight, useSum: false);
        total.add_(v.sum());
        if (w is not null) count.add_(w.sum());
        else count.add_(v.dim() >= 1 ? v.shape[0] : 1);
    }

    /// <summary><c>total / count</c>, 0 while nothing has been counted.</summary>
    public Tensor Result()
    {
        using var scope = NewDisposeScope();
        return SafeDivision.DivideNoNan(total, count).MoveToOuterDisposeScope();
    }
}
