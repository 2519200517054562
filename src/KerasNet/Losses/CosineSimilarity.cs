using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// The <em>negative</em> cosine similarity along <see cref="Axis"/> (−1 for identical directions, so
/// minimising it aligns the vectors). Vectors are L2-normalised as Keras does,
/// <c>x · min(rsqrt(Σx²), 1/1e-7)</c>, so a zero vector gives 0.
/// </summary>
public sealed class CosineSimilarity(int axis = -1, string reduction = "sum_over_batch_size", string name = "cosine_similarity")
    : Loss(name, reduction)
{
    /// <summary>The feature axis the similarity is taken over.</summary>
    public int Axis { get; } = axis;

    /// <inheritdoc />
    public override string ClassName => "CosineSimilarity";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        return -(Normalize(yTrue.to(yPred.dtype), Axis) * Normalize(yPred, Axis)).sum(Axis);
    }

    /// <summary>Keras's <c>ops.normalize</c> for order 2.</summary>
    internal static Tensor Normalize(Tensor x, int axis) =>
        x * x.square().sum(axis, keepdim: true).rsqrt().clamp_max(1.0 / Epsilon);

    /// <summary>Keras's config has only name and reduction; <c>axis</c> is added so it round-trips.</summary>
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = Axis;
        return c;
    }
}
