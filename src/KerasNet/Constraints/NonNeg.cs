using static TorchSharp.torch;

namespace KerasNet.Constraints;

/// <summary>Sets negative weights to zero (Keras <c>NonNeg</c>): <c>max(w, 0)</c>.</summary>
public sealed class NonNeg : Constraint
{
    /// <inheritdoc />
    public override string ClassName => "NonNeg";

    /// <inheritdoc />
    public override Tensor Call(Tensor w) => w.clamp_min(0.0);
}
