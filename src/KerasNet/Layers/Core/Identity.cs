using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Returns its input unchanged, mask included (Keras <c>Identity</c>).</summary>
public sealed class Identity(string? name = null, bool trainable = true, Shape? inputShape = null) : Layer(name, trainable, inputShape)
{
    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => inputs;

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;
}
