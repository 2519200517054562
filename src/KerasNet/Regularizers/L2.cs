using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Regularizers;

/// <summary><c>l2 · Σw²</c> (Keras <c>L2</c>, default factor 0.01; no ½ factor).</summary>
public sealed class L2 : Regularizer
{
    /// <summary>Creates the penalty with factor <paramref name="l2"/>.</summary>
    public L2(double l2 = 0.01) => Factor = CheckFactor(l2, "L2", "l2");

    /// <summary>The factor (Keras <c>l2</c>).</summary>
    public double Factor { get; }

    /// <inheritdoc />
    public override string ClassName => "L2";

    /// <inheritdoc />
    public override Tensor Call(Tensor weight)
    {
        using var scope = NewDisposeScope();
        return weight.square().sum().mul_(Factor).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["l2"] = Factor };
}
