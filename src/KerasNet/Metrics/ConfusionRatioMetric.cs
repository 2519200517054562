using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// Shared machinery of <see cref="Precision"/> and <see cref="Recall"/>: <c>tp / (tp + false)</c> of
/// <c>ŷ &gt; threshold</c>, where the false count is the one the subclass accumulates; one value per
/// threshold (a scalar for one), optionally restricted to the top-k predictions of each sample
/// and/or to one class.
/// </summary>
public abstract class ConfusionRatioMetric : Metric
{
    private readonly ThresholdSet _thresholds;
    private readonly Tensor _truePositives;
    private readonly Tensor _falseCount;

    private protected ConfusionRatioMetric(double[]? thresholds, int? topK, int? classId, string name) : base(name)
    {
        InitThresholds = thresholds is null ? null : [.. thresholds];
        TopK = topK;
        ClassId = classId;
        var values = ConfusionMatrix.ParseThresholds(name, thresholds, topK);
        _thresholds = new(values, ThresholdSet.IsEvenlyDistributed(values));
        _truePositives = AddState(_thresholds.Count);
        _falseCount = AddState(_thresholds.Count);
    }

    /// <summary>The thresholds as given (<c>null</c> = Keras's default).</summary>
    public IReadOnlyList<double>? InitThresholds { get; }

    /// <summary>Only the top-k predictions of a sample count as positive.</summary>
    public int? TopK { get; }

    /// <summary>The single class the metric is computed for.</summary>
    public int? ClassId { get; }

    /// <summary>Which confusion counts the two states accumulate: true positives and the false count.</summary>
    private protected abstract ConfusionMatrix.Accumulators Accumulators(Tensor truePositives, Tensor falseCount);

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) =>
        ConfusionMatrix.Update(Name, Accumulators(_truePositives, _falseCount),
            yTrue, yPred, _thresholds, sampleWeight, TopK, ClassId);

    /// <inheritdoc />
    public override Tensor Result()
    {
        using var scope = NewDisposeScope();
        var r = SafeDivision.DivideNoNan(_truePositives, _truePositives + _falseCount);
        return (_thresholds.Count == 1 ? r[0] : r).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _thresholds.Dispose();
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["thresholds"] = InitThresholds is null ? null : new JsonArray([.. InitThresholds.Select(t => (JsonNode)t)]);
        c["top_k"] = TopK;
        c["class_id"] = ClassId;
        return c;
    }
}
