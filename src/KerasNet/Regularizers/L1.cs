using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Regularizers;

/// <summary><c>l1 · Σ|w|</c> (Keras <c>L1</c>, default factor 0.01).</summary>
public sealed class L1 : Regularizer
{
    /// <summary>Creates the penalty with factor <paramref name="l1"/>.</summary>
    public L1(double l1 = 0.01) => Factor = CheckFactor(l1, "L1", "l1");

    /// <summary>The factor (Keras <c>l1</c>).</summary>
    public double Factor { get; }

    /// <inheritdoc />
    public override string ClassName => "L1";

    /// <inheritdoc />
    public override Tensor Call(Tensor weight)
    {
        using var scope = NewDisposeScope();
        return weight.abs().sum().mul_(Factor).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new() { ["l1"] = Factor };
}
