using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Kullback–Leibler divergence <c>Σ y·log(y / ŷ)</c> over the last axis, both clipped to [1e-7, 1].
/// </summary>
public sealed class KLDivergence(string reduction = "sum_over_batch_size", string name = "kl_divergence")
    : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "KLDivergence";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var y = yTrue.to(yPred.dtype).clamp(Epsilon, 1);
        var p = yPred.clamp(Epsilon, 1);
        return (y * (y / p).log()).sum(-1);
    }
}
