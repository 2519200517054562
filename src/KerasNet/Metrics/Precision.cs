using System.Text.Json.Nodes;
using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// Precision <c>tp / (tp + fp)</c> of <c>ŷ &gt; threshold</c> (Keras <c>Precision</c>): one value per
/// threshold (a scalar for one), optionally restricted to the top-k predictions of each sample
/// and/or to one class.
/// </summary>
public sealed class Precision : Metric
{
    private readonly ThresholdSet _thresholds;
    private readonly Tensor _truePositives;
    private readonly Tensor _falsePositives;

    /// <summary>Creates the metric.</summary>
    /// <param name="thresholds">Thresholds in [0, 1]; default 0.5 (or none with <paramref name="topK"/>).</param>
    /// <param name="topK">Count only the k highest predictions of each sample as positive.</param>
    /// <param name="classId">Compute the metric for this class (last-axis index) only.</param>
    /// <param name="name">The metric name.</param>
    public Precision(double[]? thresholds = null, int? topK = null, int? classId = null, string name = "precision") : base(name)
    {
        InitThresholds = thresholds is null ? null : [.. thresholds];
        TopK = topK;
        ClassId = classId;
        var values = ConfusionMatrix.ParseThresholds(name, thresholds, topK);
        _thresholds = new(values, ThresholdSet.IsEvenlyDistributed(values));
        _truePositives = AddState(_thresholds.Count);
        _falsePositives = AddState(_thresholds.Count);
    }

    /// <summary>The thresholds as given (<c>null</c> = Keras's default).</summary>
    public IReadOnlyList<double>? InitThresholds { get; }

    /// <summary>Only the top-k predictions of a sample count as positive.</summary>
    public int? TopK { get; }

    /// <summary>The single class the metric is computed for.</summary>
    public int? ClassId { get; }

    /// <inheritdoc />
    public override string ClassName => "Precision";

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) =>
        ConfusionMatrix.Update(Name, new(TruePositives: _truePositives, FalsePositives: _falsePositives),
            yTrue, yPred, _thresholds, sampleWeight, TopK, ClassId);

    /// <inheritdoc />
    public override Tensor Result()
    {
        using var scope = NewDisposeScope();
        var r = SafeDivision.DivideNoNan(_truePositives, _truePositives + _falsePositives);
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
