using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Masks timesteps whose features all equal <see cref="MaskValue"/> (Keras <c>Masking</c>): the output mask is
/// "any feature on the last axis differs from the value", and masked timesteps are set to 0.
/// </summary>
public sealed class Masking : Layer
{
    /// <summary>Creates the layer (Keras default mask value 0).</summary>
    public Masking(double maskValue = 0.0, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape) => MaskValue = maskValue;

    /// <summary>The padding value.</summary>
    public double MaskValue { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        var keep = inputs.ne(MaskValue).any(-1, keepdim: true);
        return inputs.mul(keep.to(inputs.dtype)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks) =>
        [inputs[0].ne(MaskValue).any(-1)];

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["mask_value"] = MaskValue;
        return c;
    }
}
