using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// How often the one-hot label's class is among the <see cref="K"/> highest predictions (ties with
/// the k-th value count as in, as Keras's <c>in_top_k</c>).
/// </summary>
public sealed class TopKCategoricalAccuracy(int k = 5, string name = "top_k_categorical_accuracy") : MeanMetricWrapper(name)
{
    /// <summary>How many top predictions are looked at.</summary>
    public int K { get; } = k > 0 ? k : throw new KerasNetException($"TopKCategoricalAccuracy '{name}': k must be positive, got {k}.");

    /// <inheritdoc />
    public override string ClassName => "TopKCategoricalAccuracy";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred) => InTopK.Matches(yTrue.argmax(-1), yPred, K);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["k"] = K;
        return c;
    }
}
