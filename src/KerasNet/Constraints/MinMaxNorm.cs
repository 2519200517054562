using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Constraints;

/// <summary>
/// Moves the L2 norm n of the weights along <c>axis</c> towards [min_value, max_value] (Keras
/// <c>MinMaxNorm</c>): <c>w · (rate · clip(n, min, max) + (1 − rate) · n) / (ε + n)</c>.
/// </summary>
public sealed class MinMaxNorm : Constraint
{
    /// <summary>Creates the constraint over one axis (Keras defaults: 0, 1, rate 1, axis 0).</summary>
    public MinMaxNorm(double minValue = 0.0, double maxValue = 1.0, double rate = 1.0, int axis = 0)
        : this(minValue, maxValue, rate, [axis]) { }

    /// <summary>Creates the constraint over several axes.</summary>
    public MinMaxNorm(double minValue, double maxValue, double rate, int[] axis)
    {
        MinValue = minValue;
        MaxValue = maxValue;
        Rate = rate;
        Axis = axis;
    }

    /// <summary>The smallest norm.</summary>
    public double MinValue { get; }

    /// <summary>The largest norm.</summary>
    public double MaxValue { get; }

    /// <summary>How strictly the bounds are enforced (1 = exactly).</summary>
    public double Rate { get; }

    /// <summary>The axes the norm is taken over.</summary>
    public int[] Axis { get; }

    /// <inheritdoc />
    public override string ClassName => "MinMaxNorm";

    /// <inheritdoc />
    public override Tensor Call(Tensor w)
    {
        using var scope = NewDisposeScope();
        var norms = Norms(w, Axis);
        var desired = norms.clamp(MinValue, MaxValue).mul_(Rate).add_(norms, alpha: 1.0 - Rate);
        return (w * desired.div_(norms.add_(Epsilon))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new()
    {
        ["min_value"] = MinValue, ["max_value"] = MaxValue, ["rate"] = Rate, ["axis"] = AxisConfig(Axis),
    };
}
