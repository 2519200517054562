using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>Poisson loss <c>mean(ŷ − y·log(ŷ + 1e-7), −1)</c>.</summary>
public sealed class Poisson(string reduction = "sum_over_batch_size", string name = "poisson") : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "Poisson";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        return (yPred - yTrue.to(yPred.dtype) * (yPred + Epsilon).log()).mean([-1]);
    }
}
