using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Crossentropy for one-hot labels. From probabilities Keras rescales rows to sum to 1 and clips to
/// [1e-7, 1 − 1e-7]; from logits it uses log-softmax. Label smoothing: y(1 − ε) + ε/C.
/// </summary>
public sealed class CategoricalCrossentropy(
    bool fromLogits = false, double labelSmoothing = 0.0, int axis = -1,
    string reduction = "sum_over_batch_size", string name = "categorical_crossentropy") : Loss(name, reduction)
{
    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; } = fromLogits;

    /// <summary>Label smoothing ε.</summary>
    public double LabelSmoothing { get; } = labelSmoothing;

    /// <summary>The class axis.</summary>
    public int Axis { get; } = axis;

    /// <inheritdoc />
    public override string ClassName => "CategoricalCrossentropy";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var y = yTrue.to(yPred.dtype);
        if (LabelSmoothing > 0)
            y = y * (1 - LabelSmoothing) + LabelSmoothing / y.shape[^1];
        if (FromLogits)
            return -(y * yPred.log_softmax(Axis)).sum(Axis);
        var p = (yPred / yPred.sum(Axis, keepdim: true)).clamp(Epsilon, 1 - Epsilon);
        return -(y * p.log()).sum(Axis);
    }

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
