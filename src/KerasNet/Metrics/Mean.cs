using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// The (weighted) mean of the values given (Keras <c>Mean</c>): values are first reduced to one per
/// sample, then <c>total += Σ w·v</c> and <c>count += Σ w</c> (the number of samples when unweighted).
/// </summary>
public class Mean : Metric
{
    private readonly WeightedMean _mean;

    /// <summary>Creates the metric.</summary>
    public Mean(string name = "mean") : base(name) => _mean = new(AddState(), AddState());

    /// <inheritdoc />
    public override string ClassName => "Mean";

    /// <summary>Adds values (any shape), each sample weighted by <paramref name="sampleWeight"/> if given.</summary>
    public void UpdateState(Tensor values, Tensor? sampleWeight = null) => _mean.Add(values, sampleWeight);

    /// <summary>Metrics computed from labels and predictions accumulate the per-sample values.</summary>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) =>
        throw new KerasNetException($"Metric '{Name}' (Mean) takes values, not labels and predictions: call UpdateState(values, sampleWeight).");

    /// <inheritdoc />
    public override Tensor Result() => _mean.Result();
}
