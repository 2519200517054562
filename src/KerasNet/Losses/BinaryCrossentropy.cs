using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Binary crossentropy, averaged over <see cref="Axis"/>. From probabilities the predictions are
/// clipped to [1e-7, 1 − 1e-7] (Keras's torch/JAX behaviour); from logits the stable
/// sigmoid-crossentropy is used. Label smoothing squeezes labels towards ½: <c>y(1 − ε) + ε/2</c>.
/// </summary>
public sealed class BinaryCrossentropy(
    bool fromLogits = false, double labelSmoothing = 0.0, int axis = -1,
    string reduction = "sum_over_batch_size", string name = "binary_crossentropy") : Loss(name, reduction)
{
    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; } = fromLogits;

    /// <summary>Label smoothing ε.</summary>
    public double LabelSmoothing { get; } = labelSmoothing;

    /// <summary>The axis the elementwise crossentropy is averaged over.</summary>
    public int Axis { get; } = axis;

    /// <inheritdoc />
    public override string ClassName => "BinaryCrossentropy";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var y = yTrue.to(yPred.dtype);
        if (LabelSmoothing > 0) y = y * (1 - LabelSmoothing) + 0.5 * LabelSmoothing;
        return Elementwise(y, yPred, FromLogits).mean([Axis]);
    }

    /// <summary>Keras's <c>ops.binary_crossentropy</c>: the unreduced crossentropy of each entry.</summary>
    internal static Tensor Elementwise(Tensor y, Tensor yPred, bool fromLogits) =>
        fromLogits
            ? nn.functional.binary_cross_entropy_with_logits(yPred, y, reduction: nn.Reduction.None)
            : nn.functional.binary_cross_entropy(yPred.clamp(Epsilon, 1 - Epsilon), y, reduction: nn.Reduction.None);

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["from_logits"] = FromLogits;
        c["label_smoothing"] = LabelSmoothing;
        c["axis"] = Axis;
        return c;
    }
}
