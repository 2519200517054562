using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>Squared hinge loss <c>mean(max(1 − y·ŷ, 0)², −1)</c>; labels in {0, 1} are first mapped to {−1, 1}.</summary>
public sealed class SquaredHinge(string reduction = "sum_over_batch_size", string name = "squared_hinge") : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "SquaredHinge";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var y = HingeLabels.Convert(yTrue.to(yPred.dtype));
        return (1.0 - y * yPred).clamp_min(0).square().mean([-1]);
    }
}
