using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Constraints;

/// <summary>Divides the weights by their L2 norm along <c>axis</c> (Keras <c>UnitNorm</c>): <c>w / (ε + n)</c>.</summary>
public sealed class UnitNorm : Constraint
{
    /// <summary>Creates the constraint over one axis (Keras default 0).</summary>
    public UnitNorm(int axis = 0) : this([axis]) { }

    /// <summary>Creates the constraint over several axes.</summary>
    public UnitNorm(int[] axis) => Axis = axis;

    /// <summary>The axes the norm is taken over.</summary>
    public int[] Axis { get; }

    /// <inheritdoc />
    public override string ClassName => "UnitNorm";

    /// <inheritdoc />
    public override Tensor Call(Tensor w)
    {
        using var scope = NewDisposeScope();
        return (w / Norms(w, Axis).add_(Epsilon)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["axis"] = AxisConfig(Axis) };
}
