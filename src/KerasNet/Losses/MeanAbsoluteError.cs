using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>Mean of absolute errors over the last axis: <c>mean(|y − ŷ|, −1)</c>.</summary>
public sealed class MeanAbsoluteError(string reduction = "sum_over_batch_size", string name = "mean_absolute_error")
    : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "MeanAbsoluteError";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        return (yTrue.to(yPred.dtype) - yPred).abs().mean([-1]);
    }
}
