using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Huber loss, averaged over the last axis: <c>½e²</c> where <c>|e| ≤ δ</c>, else <c>δ|e| − ½δ²</c>,
/// with <c>e = ŷ − y</c>.
/// </summary>
public sealed class Huber(double delta = 1.0, string reduction = "sum_over_batch_size", string name = "huber_loss")
    : Loss(name, reduction)
{
    /// <summary>Where the loss turns from quadratic to linear.</summary>
    public double Delta { get; } = delta;

    /// <inheritdoc />
    public override string ClassName => "Huber";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var error = yPred - yTrue.to(yPred.dtype);
        var absError = error.abs();
        var quadratic = error.square() * 0.5;
        var linear = absError * Delta - 0.5 * Delta * Delta;
        return where(absError.le(Delta), quadratic, linear).mean([-1]);
    }

    /// <summary>Keras's config has only name and reduction; <c>delta</c> is added so it round-trips.</summary>
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["delta"] = Delta;
        return c;
    }
}
