using System.Text.Json.Nodes;
using KerasNet.Backend;
using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// Area under the ROC or precision–recall curve (Keras <c>AUC</c>), from true/false positive and
/// negative counts accumulated at fixed thresholds: <c>numThresholds − 2</c> evenly spaced ones in
/// (0, 1) plus <c>−1e-7</c> and <c>1 + 1e-7</c>, or the given ones plus those two end points. The
/// Riemann sum is Keras's: <c>interpolation</c> (trapezoids for ROC; for PR, Davis &amp; Goadrich's
/// interpolation of positives, not of precision), <c>minoring</c> or <c>majoring</c>.
/// </summary>
public sealed class AUC : Metric
{
    private readonly ThresholdSet _thresholds;
    private readonly double[]? _initThresholds;
    private Tensor? _truePositives, _falsePositives, _trueNegatives, _falseNegatives;
    private readonly Tensor? _labelWeights;

    /// <summary>Creates the metric.</summary>
    /// <param name="numThresholds">How many thresholds discretise the curve (&gt; 1); ignored when <paramref name="thresholds"/> is given.</param>
    /// <param name="curve"><c>ROC</c> or <c>PR</c>.</param>
    /// <param name="summationMethod"><c>interpolation</c>, <c>minoring</c> or <c>majoring</c>.</param>
    /// <param name="name">The metric name.</param>
    /// <param name="thresholds">Explicit thresholds in [0, 1].</param>
    /// <param name="multiLabel">Compute one AUC per label (last axis) and average them, instead of flattening.</param>
    /// <param name="numLabels">Number of labels for <paramref name="multiLabel"/>; otherwise taken from the first batch.</param>
    /// <param name="labelWeights">Per-label weights: of the averaged AUCs (multi-label) or of the flattened entries.</param>
    /// <param name="fromLogits">Whether predictions are logits (a sigmoid is applied first).</param>
    public AUC(int numThresholds = 200, string curve = "ROC", string summationMethod = "interpolation", string name = "auc",
        double[]? thresholds = null, bool multiLabel = false, int? numLabels = null, double[]? labelWeights = null,
        bool fromLogits = false) : base(name)
    {
        if (!multiLabel && numLabels is not null)
            throw new KerasNetException($"AUC '{name}': numLabels is needed only when multiLabel is true.");
        Curve = curve switch
        {
            "ROC" or "roc" => "ROC",
            "PR" or "pr" => "PR",
            _ => throw new KerasNetException($"AUC '{name}': invalid curve '{curve}'. Expected 'ROC' or 'PR'."),
        };
        SummationMethod = summationMethod switch
        {
            "interpolation" or "Interpolation" => "interpolation",
            "minoring" or "Minoring" => "minoring",
            "majoring" or "Majoring" => "majoring",
            _ => throw new KerasNetException($"AUC '{name}': invalid summation method '{summationMethod}'. Expected 'interpolation', 'majoring' or 'minoring'."),
        };
        double[] inner;
        bool evenlyDistributed;
        if (thresholds is not null)
        {
            ConfusionMatrix.CheckRange(name, thresholds);
            _initThresholds = [.. thresholds.Order()];
            inner = _initThresholds;
            NumThresholds = inner.Length + 2;
            evenlyDistributed = ThresholdSet.IsEvenlyDistributed([0.0, .. inner, 1.0]);
        }
        else
        {
            if (numThresholds <= 1)
                throw new KerasNetException($"AUC '{name}': numThresholds must be an integer > 1, got {numThresholds}.");
            NumThresholds = numThresholds;
            inner = [.. Enumerable.Range(0, numThresholds - 2).Select(i => (i + 1) * 1.0 / (numThresholds - 1))];
            evenlyDistributed = true;
        }
        _thresholds = new([0.0 - Loss.Epsilon, .. inner, 1.0 + Loss.Epsilon], evenlyDistributed);
        MultiLabel = multiLabel;
        NumLabels = numLabels;
        FromLogits = fromLogits;
        LabelWeights = labelWeights is null ? null : [.. labelWeights];
        if (labelWeights is not null)
        {
            _labelWeights = tensor(labelWeights.Select(w => (float)w).ToArray(), device: Engine.Device);
            _labelWeights.DetachFromDisposeScope();
        }
        if (!multiLabel) Build(null);
        else if (numLabels is int labels) Build(labels);
    }

    /// <summary>Number of thresholds, the two end points included.</summary>
    public int NumThresholds { get; }

    /// <summary><c>ROC</c> or <c>PR</c>.</summary>
    public string Curve { get; }

    /// <summary><c>interpolation</c>, <c>minoring</c> or <c>majoring</c>.</summary>
    public string SummationMethod { get; }

    /// <summary>Whether one AUC per label is computed and averaged.</summary>
    public bool MultiLabel { get; }

    /// <summary>The number of labels given at construction, if any.</summary>
    public int? NumLabels { get; }

    /// <summary>Per-label weights, if any.</summary>
    public IReadOnlyList<double>? LabelWeights { get; }

    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; }

    /// <summary>All thresholds used, the end points −1e-7 and 1 + 1e-7 included.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds.Values;

    /// <inheritdoc />
    public override string ClassName => "AUC";

    private void Build(int? labels)
    {
        long[] shape = labels is int l ? [NumThresholds, l] : [NumThresholds];
        _truePositives = AddState(shape);
        _falsePositives = AddState(shape);
        _trueNegatives = AddState(shape);
        _falseNegatives = AddState(shape);
    }

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        if (_truePositives is null)
        {
            if (yPred.dim() != 2)
                throw new KerasNetException($"AUC '{Name}': predictions must have rank 2 when multiLabel is true; got shape {Shape.Of(yPred.shape)}.");
            Build((int)yPred.shape[1]);
        }
        if (LabelWeights is not null && (yPred.dim() == 0 || yPred.shape[^1] != LabelWeights.Count))
            throw new KerasNetException($"AUC '{Name}': {LabelWeights.Count} label weights for predictions of shape {Shape.Of(yPred.shape)}.");
        using var scope = NewDisposeScope();
        var pred = FromLogits ? yPred.detach().sigmoid() : yPred;
        ConfusionMatrix.Update(Name, new(_truePositives, _falsePositives, _trueNegatives, _falseNegatives),
            yTrue, pred, _thresholds, sampleWeight,
            multiLabel: MultiLabel, labelWeights: MultiLabel ? null : _labelWeights);
    }

    /// <inheritdoc />
    public override Tensor Result()
    {
        if (_truePositives is null || _falsePositives is null || _trueNegatives is null || _falseNegatives is null)
            throw new KerasNetException($"AUC '{Name}': no data yet; with multiLabel and no numLabels the state is built by the first UpdateState.");
        using var scope = NewDisposeScope();
        var (tp, fp, tn, fn) = (_truePositives, _falsePositives, _trueNegatives, _falseNegatives);
        var terms = Curve == "PR" && SummationMethod == "interpolation"
            ? InterpolatedPrTerms(tp, fp, fn)
            : RiemannTerms(tp, fp, tn, fn);
        return Average(terms).MoveToOuterDisposeScope();
    }

    private static Tensor Head(Tensor x) => x[TensorIndex.Slice(0, -1)];
    private static Tensor Tail(Tensor x) => x[TensorIndex.Slice(1)];

    private Tensor RiemannTerms(Tensor tp, Tensor fp, Tensor tn, Tensor fn)
    {
        var recall = SafeDivision.DivideNoNan(tp, tp + fn);
        var (x, y) = Curve == "ROC"
            ? (SafeDivision.DivideNoNan(fp, fp + tn), recall)
            : (recall, SafeDivision.DivideNoNan(tp, tp + fp));
        var heights = SummationMethod switch
        {
            "interpolation" => (Head(y) + Tail(y)) / 2.0,
            "minoring" => Head(y).minimum(Tail(y)),
            _ => Head(y).maximum(Tail(y)),
        };
        return (Head(x) - Tail(x)) * heights;
    }

    /// <summary>Keras's <c>interpolate_pr_auc</c> (Davis &amp; Goadrich 2006, closed form).</summary>
    private static Tensor InterpolatedPrTerms(Tensor tp, Tensor fp, Tensor fn)
    {
        var dtp = Head(tp) - Tail(tp);
        var p = tp + fp;
        var dp = Head(p) - Tail(p);
        var precisionSlope = SafeDivision.DivideNoNan(dtp, dp.clamp_min(0));
        var intercept = Tail(tp) - precisionSlope * Tail(p);
        var bothPositive = Head(p).gt(0).logical_and(Tail(p).gt(0));
        var safePRatio = where(bothPositive, SafeDivision.DivideNoNan(Head(p), Tail(p).clamp_min(0)), ones_like(Tail(p)));
        return SafeDivision.DivideNoNan(precisionSlope * (dtp + intercept * safePRatio.log()), (Tail(tp) + Tail(fn)).clamp_min(0));
    }

    private Tensor Average(Tensor terms)
    {
        if (!MultiLabel) return terms.sum();
        var byLabel = terms.sum(dim: 0);
        return _labelWeights is null
            ? byLabel.mean()
            : SafeDivision.DivideNoNan((byLabel * _labelWeights).sum(), _labelWeights.sum());
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _labelWeights?.Dispose();
        _thresholds.Dispose();
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["num_thresholds"] = NumThresholds;
        c["curve"] = Curve;
        c["summation_method"] = SummationMethod;
        c["multi_label"] = MultiLabel;
        c["num_labels"] = NumLabels;
        c["label_weights"] = LabelWeights is null ? null : new JsonArray([.. LabelWeights.Select(w => (JsonNode)w)]);
        c["from_logits"] = FromLogits;
        if (_initThresholds is not null) c["thresholds"] = new JsonArray([.. _initThresholds.Select(t => (JsonNode)t)]);
        return c;
    }
}
