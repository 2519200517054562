using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// Precision <c>tp / (tp + fp)</c> of <c>ŷ &gt; threshold</c> (Keras <c>Precision</c>): one value per
/// threshold (a scalar for one), optionally restricted to the top-k predictions of each sample
/// and/or to one class.
/// </summary>
public sealed class Precision : ConfusionRatioMetric
{
    /// <summary>Creates the metric.</summary>
    /// <param name="thresholds">Thresholds in [0, 1]; default 0.5 (or none with <paramref name="topK"/>).</param>
    /// <param name="topK">Count only the k highest predictions of each sample as positive.</param>
    /// <param name="classId">Compute the metric for this class (last-axis index) only.</param>
    /// <param name="name">The metric name.</param>
    public Precision(double[]? thresholds = null, int? topK = null, int? classId = null, string name = "precision")
        : base(thresholds, topK, classId, name)
    {
    }

    /// <inheritdoc />
    public override string ClassName => "Precision";

    private protected override ConfusionMatrix.Accumulators Accumulators(Tensor truePositives, Tensor falseCount) =>
        new(TruePositives: truePositives, FalsePositives: falseCount);
}
