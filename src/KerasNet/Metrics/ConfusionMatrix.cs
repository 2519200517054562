using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// Keras's <c>update_confusion_matrix_variables</c>: adds the (weighted) true/false positives and
/// negatives of <c>ŷ &gt; t</c> for every threshold t to the given accumulators, on the engine. With
/// evenly spaced thresholds it uses Keras's bucketed O(T + N) form (<c>ceil(ŷ·(T−1)) − 1</c> and a
/// reversed cumulative sum), which is what makes results equal to Keras's at the bucket edges.
/// </summary>
internal static class ConfusionMatrix
{
    /// <summary>Keras's <c>NEG_INF</c>: the threshold used with <c>top_k</c>, and the score of entries outside it.</summary>
    public const double NegInf = -1e10;

    /// <summary>The accumulators to update; each is <c>(T,)</c>, or <c>(T, L)</c> for multi-label data.</summary>
    public sealed record Accumulators(Tensor? TruePositives = null, Tensor? FalsePositives = null,
        Tensor? TrueNegatives = null, Tensor? FalseNegatives = null);

    /// <summary>Checks Keras's rule that thresholds lie in [0, 1].</summary>
    public static void CheckRange(string metric, IEnumerable<double> thresholds)
    {
        var bad = thresholds.Where(t => double.IsNaN(t) || t < 0 || t > 1).ToArray();
        if (bad.Length > 0)
            throw new KerasNetException($"Metric '{metric}': threshold values must be in [0, 1], got {string.Join(", ", bad)}.");
    }

    /// <summary>
    /// Keras's Precision/Recall thresholds: the given ones (checked), else 0.5, or <see cref="NegInf"/>
    /// when <paramref name="topK"/> is set (then only the top-k entries count as predicted positive).
    /// </summary>
    public static double[] ParseThresholds(string metric, double[]? thresholds, int? topK)
    {
        if (topK is <= 0) throw new KerasNetException($"Metric '{metric}': topK must be positive, got {topK}.");
        if (thresholds is null) return [topK is null ? 0.5 : NegInf];
        if (thresholds.Length == 0) throw new KerasNetException($"Metric '{metric}': thresholds must not be empty.");
        CheckRange(metric, thresholds);
        return [.. thresholds];
    }

    /// <summary>Accumulates one batch into <paramref name="into"/>.</summary>
    public static void Update(string metric, Accumulators into, Tensor yTrue, Tensor yPred, ThresholdSet thresholds,
        Tensor? sampleWeight = null, int? topK = null, int? classId = null,
        bool multiLabel = false, Tensor? labelWeights = null)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (pred, label) = RankAlignment.Align(yPred.detach().to(ScalarType.Float32), yTrue.to(ScalarType.Float32).to(yPred.device));
        Tensor? weight = null;
        if (sampleWeight is not null)
            (_, weight) = RankAlignment.Align(label, sampleWeight.to(ScalarType.Float32).to(pred.device).unsqueeze(-1), expandRank1: false);
        if (topK is int k) pred = FilterTopK(pred, k);
        if (classId is int id)
        {
            if (pred.dim() < 2)
                throw new KerasNetException($"Metric '{metric}': with classId, predictions must have shape (num_samples, num_classes); got {Shape.Of(pred.shape)}.");
            if (id < 0 || id >= pred.shape[^1])
                throw new KerasNetException($"Metric '{metric}': classId {id} is outside [0, {pred.shape[^1]}).");
            label = label[TensorIndex.Ellipsis, TensorIndex.Slice(id, id + 1)];
            pred = pred[TensorIndex.Ellipsis, TensorIndex.Slice(id, id + 1)];
        }
        weight = weight?.broadcast_to(pred.shape);
        if (labelWeights is not null && !multiLabel)
        {
            var lw = labelWeights.to(ScalarType.Float32).to(pred.device).unsqueeze(0).broadcast_to(pred.shape);
            weight = weight is null ? lw : weight * lw;
        }
        if (thresholds.EvenlyDistributed) Bucketed(into, label, pred, thresholds, weight, multiLabel);
        else Compared(into, label, pred, thresholds, weight, multiLabel);
    }

    private static void Bucketed(Accumulators into, Tensor label, Tensor pred, ThresholdSet thresholds, Tensor? weight, bool multiLabel)
    {
        var n = thresholds.Count;
        pred = pred.clamp(0.0, 1.0);
        var isTrue = label.ne(0).to(ScalarType.Float32);
        if (!multiLabel)
        {
            isTrue = isTrue.reshape(-1);
            pred = pred.reshape(-1);
            weight = weight?.reshape(-1);
        }
        var trueLabels = weight is null ? isTrue : isTrue * weight;
        var falseLabels = weight is null ? 1 - isTrue : (1 - isTrue) * weight;
        var bucket = (pred * (float)(n - 1)).ceil() - 1;
        if (thresholds.WithEpsilon) bucket = bucket.relu();
        // Keras drops bucket −1 (a prediction of exactly 0 without the epsilon thresholds): shift by one and cut it off.
        var index = bucket.to(ScalarType.Int64) + 1;
        Tensor CountsAbove(Tensor data)
        {
            var buckets = zeros(multiLabel ? [n + 1, data.shape[1]] : [n + 1], dtype: ScalarType.Float32, device: data.device)
                .scatter_add_(0, index, data)[TensorIndex.Slice(1)];
            return buckets.flip(0).cumsum(dim: 0).flip(0);
        }
        var tp = CountsAbove(trueLabels);
        var fp = CountsAbove(falseLabels);
        into.TruePositives?.add_(tp);
        into.FalsePositives?.add_(fp);
        into.TrueNegatives?.add_(falseLabels.sum(dim: 0) - fp);
        into.FalseNegatives?.add_(trueLabels.sum(dim: 0) - tp);
    }

    private static void Compared(Accumulators into, Tensor label, Tensor pred, ThresholdSet thresholds, Tensor? weight, bool multiLabel)
    {
        var t = thresholds.Tensor.to(pred.device);
        if (multiLabel)
        {
            t = t.reshape(-1, 1, 1);
            pred = pred.unsqueeze(0);
            label = label.unsqueeze(0);
            weight = weight?.unsqueeze(0);
        }
        else
        {
            t = t.reshape(-1, 1);
            pred = pred.reshape(1, -1);
            label = label.reshape(1, -1);
            weight = weight?.reshape(1, -1);
        }
        var predPos = pred.gt(t);
        var labelPos = label.ne(0);
        void Add(Tensor? accumulator, Tensor labelCondition, Tensor predCondition)
        {
            if (accumulator is null) return;
            var hits = labelCondition.logical_and(predCondition).to(ScalarType.Float32);
            if (weight is not null) hits = hits * weight;
            accumulator.add_(hits.sum(dim: 1));
        }
        Add(into.TruePositives, labelPos, predPos);
        Add(into.FalsePositives, labelPos.logical_not(), predPos);
        Add(into.TrueNegatives, labelPos.logical_not(), predPos.logical_not());
        Add(into.FalseNegatives, labelPos, predPos.logical_not());
    }

    /// <summary>Keras's <c>_filter_top_k</c>: keeps the k largest scores of the last axis, sets the rest to <see cref="NegInf"/>.</summary>
    private static Tensor FilterTopK(Tensor x, int k)
    {
        var indices = x.topk(Math.Min(k, (int)x.shape[^1]), dim: -1).indexes;
        var keep = zeros_like(x).scatter_(-1, indices, ones_like(x));
        return x * keep + NegInf * (1 - keep);
    }
}
