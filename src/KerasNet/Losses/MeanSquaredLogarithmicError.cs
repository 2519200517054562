using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Mean squared logarithmic error: <c>mean((log(max(ŷ, 1e-7) + 1) − log(max(y, 1e-7) + 1))², −1)</c>.
/// </summary>
public sealed class MeanSquaredLogarithmicError(
    string reduction = "sum_over_batch_size", string name = "mean_squared_logarithmic_error") : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "MeanSquaredLogarithmicError";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var first = (yPred.clamp_min(Epsilon) + 1).log();
        var second = (yTrue.to(yPred.dtype).clamp_min(Epsilon) + 1).log();
        return (first - second).square().mean([-1]);
    }
}
