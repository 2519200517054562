using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Constraints;

/// <summary>
/// Rescales the weights along <c>axis</c> so their L2 norm is at most <c>max_value</c>
/// (Keras <c>MaxNorm</c>): <c>w · clip(n, 0, max_value) / (ε + n)</c>.
/// </summary>
public sealed class MaxNorm : Constraint
{
    /// <summary>Creates the constraint over one axis (Keras defaults: max_value 2, axis 0).</summary>
    public MaxNorm(double maxValue = 2.0, int axis = 0) : this(maxValue, [axis]) { }

    /// <summary>Creates the constraint over several axes, e.g. <c>[0, 1, 2]</c> for a Conv2D kernel.</summary>
    public MaxNorm(double maxValue, int[] axis)
    {
        MaxValue = maxValue;
        Axis = axis;
    }

    /// <summary>The largest allowed norm.</summary>
    public double MaxValue { get; }

    /// <summary>The axes the norm is taken over.</summary>
    public int[] Axis { get; }

    /// <inheritdoc />
    public override string ClassName => "MaxNorm";

    /// <inheritdoc />
    public override Tensor Call(Tensor w)
    {
        using var scope = NewDisposeScope();
        var norms = Norms(w, Axis);
        var desired = norms.clamp(0.0, MaxValue);
        return (w * desired.div_(norms.add_(Epsilon))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["max_value"] = MaxValue, ["axis"] = AxisConfig(Axis) };
}
