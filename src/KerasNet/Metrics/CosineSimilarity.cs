using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// The running mean of the cosine similarity along <see cref="Axis"/> (Keras metric
/// <c>CosineSimilarity</c>). Unlike the loss of the same name it is positive: 1 for identical directions.
/// </summary>
public sealed class CosineSimilarity(string name = "cosine_similarity", int axis = -1) : MeanMetricWrapper(name)
{
    private readonly Losses.CosineSimilarity _negated = new(axis);

    /// <summary>The feature axis.</summary>
    public int Axis { get; } = axis;

    /// <inheritdoc />
    public override string ClassName => "CosineSimilarity";

    /// <inheritdoc />
    protected override Tensor Values(Tensor yTrue, Tensor yPred) => -_negated.Call(yTrue, yPred);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = Axis;
        return c;
    }
}
