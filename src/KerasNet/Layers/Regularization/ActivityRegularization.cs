using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Passes its input through unchanged and adds <c>(l1·Σ|x| + l2·Σx²) / batch_size</c> to the model's loss with
/// <see cref="Layer.AddLoss"/> (Keras <c>ActivityRegularization</c>: an <c>L1L2</c> activity regularizer, normalised by
/// the batch size as Keras's layer call does).
/// </summary>
public sealed class ActivityRegularization : Layer
{
    /// <summary>Creates the layer.</summary>
    public ActivityRegularization(double l1 = 0.0, double l2 = 0.0, string? name = null, Shape? inputShape = null)
        : base(name, inputShape: inputShape)
    {
        if (!(l1 >= 0) || !(l2 >= 0) || double.IsInfinity(l1) || double.IsInfinity(l2))
            throw new KerasNetException($"ActivityRegularization '{Name}': l1 and l2 must be non-negative numbers, got l1={l1}, l2={l2}.");
        L1 = l1;
        L2 = l2;
    }

    /// <summary>Factor of the sum of absolute values.</summary>
    public double L1 { get; }

    /// <summary>Factor of the sum of squares.</summary>
    public double L2 { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        var penalty = zeros([], dtype: inputs.dtype, device: inputs.device);
        if (L1 != 0) penalty = penalty.add(inputs.abs().sum(), alpha: L1);
        if (L2 != 0) penalty = penalty.add(inputs.square().sum(), alpha: L2);
        if (inputs.dim() > 0 && inputs.shape[0] > 0) penalty = penalty.div(inputs.shape[0]);
        AddLoss(penalty);
        return inputs;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["l1"] = L1;
        c["l2"] = L2;
        return c;
    }
}
