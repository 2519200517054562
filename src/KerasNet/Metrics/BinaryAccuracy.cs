using System.Text.Json.Nodes;
using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// How often <c>ŷ &gt; threshold</c> equals the binary label, averaged over the last axis
/// (Keras <c>BinaryAccuracy</c>).
/// </summary>
public sealed class BinaryAccuracy(string name = "binary_accuracy", double threshold = 0.5) : MeanMetricWrapper(name)
{
    /// <summary>The decision threshold, in (0, 1).</summary>
    public double Threshold { get; } = threshold > 0 && threshold < 1 ? threshold
        : throw new KerasNetException($"BinaryAccuracy '{name}': threshold must be in (0, 1), got {threshold}.");

    /// <inheritdoc />
    public override string ClassName => "BinaryAccuracy";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred)
    {
        var (t, p) = RankAlignment.Align(yTrue, yPred);
        return t.eq(p.gt(Threshold).to(t.dtype)).to(ScalarType.Float32).mean([-1]);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["threshold"] = Threshold;
        return c;
    }
}
