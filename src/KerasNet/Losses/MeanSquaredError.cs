using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>Mean of squared errors over the last axis: <c>mean((y − ŷ)², −1)</c>.</summary>
public sealed class MeanSquaredError(string reduction = "sum_over_batch_size", string name = "mean_squared_error")
    : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "MeanSquaredError";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        return (yTrue.to(yPred.dtype) - yPred).square().mean([-1]);
    }
}
