using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Categorical hinge <c>max(neg − pos + 1, 0)</c> with <c>pos = Σ y·ŷ</c> and
/// <c>neg = max((1 − y)·ŷ)</c> over the last axis. As in Keras, labels are used as given (one-hot);
/// only <see cref="Hinge"/> and <see cref="SquaredHinge"/> map {0, 1} to {−1, 1}.
/// </summary>
public sealed class CategoricalHinge(string reduction = "sum_over_batch_size", string name = "categorical_hinge")
    : Loss(name, reduction)
{
    /// <inheritdoc />
    public override string ClassName => "CategoricalHinge";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var y = yTrue.to(yPred.dtype);
        var pos = (y * yPred).sum(-1);
        var neg = ((1.0 - y) * yPred).amax(-1);
        return (neg - pos + 1.0).clamp_min(0);
    }
}
