using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Log of the hyperbolic cosine of the error, averaged over the last axis, computed stably as
/// <c>x + softplus(−2x) − log 2</c> with <c>x = ŷ − y</c>.
/// </summary>
public sealed class LogCosh(string reduction = "sum_over_batch_size", string name = "log_cosh") : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "LogCosh";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var x = yPred - yTrue.to(yPred.dtype);
        return (x + nn.functional.softplus(x * -2.0) - Math.Log(2.0)).mean([-1]);
    }
}
