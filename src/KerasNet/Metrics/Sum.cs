using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>The (weighted) sum of the values given (Keras <c>Sum</c>).</summary>
public sealed class Sum : Metric
{
    private readonly Tensor _total;

    /// <summary>Creates the metric.</summary>
    public Sum(string name = "sum") : base(name) => _total = AddState();

    /// <inheritdoc />
    public override string ClassName => "Sum";

    /// <summary>Adds values (any shape), each sample weighted by <paramref name="sampleWeight"/> if given.</summary>
    public void UpdateState(Tensor values, Tensor? sampleWeight = null)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (v, _) = SamplewiseReduction.Reduce(values, sampleWeight, useSum: true);
        _total.add_(v.sum());
    }

    /// <summary>Sum takes values, not labels and predictions.</summary>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) =>
        throw new KerasNetException($"Metric '{Name}' (Sum) takes values, not labels and predictions: call UpdateState(values, sampleWeight).");

    /// <inheritdoc />
    public override Tensor Result() => _total.clone();
}
