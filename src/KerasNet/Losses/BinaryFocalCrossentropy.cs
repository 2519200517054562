using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Focal binary crossentropy (Lin et al.): the clipped binary crossentropy times
/// <c>(1 − p_t)^γ</c> with <c>p_t = y·p + (1 − y)(1 − p)</c>, optionally times the class balance
/// <c>α</c> for ones and <c>1 − α</c> for zeros, averaged over <see cref="Axis"/>.
/// </summary>
public sealed class BinaryFocalCrossentropy(
    bool applyClassBalancing = false, double alpha = 0.25, double gamma = 2.0, bool fromLogits = false,
    double labelSmoothing = 0.0, int axis = -1, string reduction = "sum_over_batch_size",
    string name = "binary_focal_crossentropy") : Loss(name, reduction)
{
    /// <summary>Whether to weight ones by α and zeros by 1 − α.</summary>
    public bool ApplyClassBalancing { get; } = applyClassBalancing;

    /// <summary>The class-balance weight α of class 1.</summary>
    public double Alpha { get; } = alpha;

    /// <summary>The focusing parameter γ.</summary>
    public double Gamma { get; } = gamma;

    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; } = fromLogits;

    /// <summary>Label smoothing ε (labels become <c>y(1 − ε) + ε/2</c>).</summary>
    public double LabelSmoothing { get; } = labelSmoothing;

    /// <summary>The axis the elementwise loss is averaged over.</summary>
    public int Axis { get; } = axis;

    /// <inheritdoc />
    public override string ClassName => "BinaryFocalCrossentropy";

    /// <inheritdoc />
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        (yTrue, yPred) = SameRank(yTrue, yPred);
        var y = yTrue.to(yPred.dtype);
        if (LabelSmoothing > 0) y = y * (1 - LabelSmoothing) + 0.5 * LabelSmoothing;
        var p = FromLogits ? yPred.sigmoid() : yPred;
        var bce = BinaryCrossentropy.Elementwise(y, p, fromLogits: false);
        var pT = y * p + (1 - y) * (1 - p);
        var focal = (1 - pT).pow(Gamma) * bce;
        if (ApplyClassBalancing) focal = (y * Alpha + (1 - y) * (1 - Alpha)) * focal;
        return focal.mean([Axis]);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["from_logits"] = FromLogits;
        c["label_smoothing"] = LabelSmoothing;
        c["axis"] = Axis;
        c["apply_class_balancing"] = ApplyClassBalancing;
        c["alpha"] = Alpha;
        c["gamma"] = Gamma;
        return c;
    }
}
