using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Mean absolute percentage error: <c>100 · mean(|(y − ŷ) / max(|y|, 1e-7)|, −1)</c>.
/// </summary>
public sealed class MeanAbsolutePercentageError(
    string reduction = "sum_over_batch_size", string name = "mean_absolute_percentage_error") : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "MeanAbsolutePercentageError";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var y = yTrue.to(yPred.dtype);
        return ((y - yPred) / y.abs().clamp_min(Epsilon)).abs().mean([-1]) * 100.0;
    }
}
