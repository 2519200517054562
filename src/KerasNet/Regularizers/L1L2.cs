using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Regularizers;

/// <summary>
/// <c>l1 · Σ|w| + l2 · Σw²</c> (Keras <c>L1L2</c>). The class defaults are 0 for both factors, as in Keras;
/// the name <c>"l1_l2"</c> gives 0.01 for both, as Keras's <c>l1_l2</c> shortcut does.
/// </summary>
public sealed class L1L2 : Regularizer
{
    /// <summary>Creates the penalty with factors <paramref name="l1"/> and <paramref name="l2"/>.</summary>
    public L1L2(double l1 = 0.0, double l2 = 0.0)
    {
        L1 = CheckFactor(l1, "L1L2", "l1");
        L2 = CheckFactor(l2, "L1L2", "l2");
    }

    /// <summary>The L1 factor.</summary>
    public double L1 { get; }

    /// <summary>The L2 factor.</summary>
    public double L2 { get; }

    /// <inheritdoc />
    public override string ClassName => "L1L2";

    /// <inheritdoc />
    public override Tensor Call(Tensor weight)
    {
        using var scope = NewDisposeScope();
        var penalty = zeros([], dtype: weight.dtype, device: weight.device);
        if (L1 != 0.0) penalty.add_(weight.abs().sum(), alpha: L1);
        if (L2 != 0.0) penalty.add_(weight.square().sum(), alpha: L2);
        return penalty.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["l1"] = L1, ["l2"] = L2 };
}
