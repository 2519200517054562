using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// How often the integer label is among the <see cref="K"/> highest predictions (ties with the k-th
/// value count as in, as Keras's <c>in_top_k</c>).
/// </summary>
public sealed class SparseTopKCategoricalAccuracy(int k = 5, string name = "sparse_top_k_categorical_accuracy")
    : MeanMetricWrapper(name)
{
    /// <summary>How many top predictions are looked at.</summary>
    public int K { get; } = k > 0 ? k : throw new KerasNetException($"SparseTopKCategoricalAccuracy '{name}': k must be positive, got {k}.");

    /// <inheritdoc />
    public override string ClassName => "SparseTopKCategoricalAccuracy";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred) => InTopK.Matches(SparseLabels.Squeeze(yTrue, yPred), yPred, K);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["k"] = K;
        return c;
    }
}
