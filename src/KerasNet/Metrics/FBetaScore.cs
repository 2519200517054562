using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// F-beta score <c>(1 + β²)·P·R / (β²·P + R)</c> per class (Keras <c>FBetaScore</c>), from true
/// positives, false positives and false negatives accumulated over batches of shape
/// <c>(batch, classes)</c>. Predictions become 1 where <c>ŷ &gt; threshold</c>, or, without a
/// threshold, at each row's maximum (ignoring zeros). <c>average</c>: <c>null</c> (one score per
/// class), <c>micro</c> (global counts), <c>macro</c> (mean of class scores) or <c>weighted</c>
/// (weighted by class support).
/// </summary>
public class FBetaScore : Metric
{
    private Tensor? _truePositives, _falsePositives, _falseNegatives, _intermediateWeights;

    /// <summary>Creates the metric.</summary>
    public FBetaScore(string? average = null, double beta = 1.0, double? threshold = null, string name = "fbeta_score") : base(name)
    {
        if (average is not (null or "micro" or "macro" or "weighted"))
            throw new KerasNetException($"{GetType().Name} '{name}': invalid average '{average}'. Expected null, 'micro', 'macro' or 'weighted'.");
        if (beta <= 0)
            throw new KerasNetException($"{GetType().Name} '{name}': beta must be > 0, got {beta}.");
        if (threshold is double t && (t > 1 || t <= 0))
            throw new KerasNetException($"{GetType().Name} '{name}': threshold must satisfy 0 < threshold <= 1, got {t}.");
        Average = average;
        Beta = beta;
        Threshold = threshold;
    }

    /// <summary>How class scores are combined: <c>null</c>, <c>micro</c>, <c>macro</c> or <c>weighted</c>.</summary>
    public string? Average { get; }

    /// <summary>The weight β of recall.</summary>
    public double Beta { get; }

    /// <summary>Predictions above it count as 1; <c>null</c> means each row's arg-max.</summary>
    public double? Threshold { get; }

    /// <inheritdoc />
    public override string ClassName => "FBetaScore";

    private void Build(long classes)
    {
        long[] shape = Average == "micro" ? [] : [classes];
        _truePositives = AddState(shape);
        _falsePositives = AddState(shape);
        _falseNegatives = AddState(shape);
        _intermediateWeights = AddState(shape);
    }

    /// <inheritdoc />
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        if (yTrue.dim() != 2 || yPred.dim() != 2)
            throw new KerasNetException(
                $"{ClassName} '{Name}' expects 2D inputs of shape (batch_size, output_dim); got y_true {Shape.Of(yTrue.shape)} and y_pred {Shape.Of(yPred.shape)}.");
        if (_truePositives is null) Build(yPred.shape[1]);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var p = yPred.detach().to(ScalarType.Float32);
        var predicted = Threshold is double t
            ? p.gt(t)
            : p.ge(p.amax([-1], keepdim: true)).logical_and(p.abs().gt(1e-9));
        var pred = predicted.to(ScalarType.Float32);
        var label = yTrue.to(ScalarType.Float32).to(p.device);
        var weight = sampleWeight?.to(ScalarType.Float32).to(p.device).reshape(-1, 1);
        Tensor WeightedSum(Tensor value)
        {
            if (weight is not null) value = value * weight;
            return Average == "micro" ? value.sum() : value.sum(dim: 0);
        }
        _truePositives!.add_(WeightedSum(pred * label));
        _falsePositives!.add_(WeightedSum(pred * (1 - label)));
        _falseNegatives!.add_(WeightedSum((1 - pred) * label));
        _intermediateWeights!.add_(WeightedSum(label));
    }

    /// <inheritdoc />
    public override Tensor Result()
    {
        if (_truePositives is null || _falsePositives is null || _falseNegatives is null || _intermediateWeights is null)
            throw new KerasNetException($"{ClassName} '{Name}': no data yet; the state is built by the first UpdateState.");
        using var scope = NewDisposeScope();
        const double eps = Losses.Loss.Epsilon;
        var precision = _truePositives / (_truePositives + _falsePositives + eps);
        var recall = _truePositives / (_truePositives + _falseNegatives + eps);
        var b2 = Beta * Beta;
        var score = precision * recall / (precision * b2 + recall + eps) * (1 + b2);
        if (Average == "weighted")
            score = (score * (_intermediateWeights / (_intermediateWeights.sum() + eps))).sum();
        else if (Average is not null)
            score = score.mean();
        return score.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["average"] = Average;
        c["beta"] = Beta;
        c["threshold"] = Threshold;
        return c;
    }
}
