using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Regularizers;

/// <summary>
/// A weight penalty added to the loss (Keras <c>keras.regularizers.Regularizer</c>). Strings convert:
/// <c>kernelRegularizer: "l2"</c>.
/// </summary>
public abstract class Regularizer
{
    /// <summary>The Keras class name, e.g. <c>L2</c>.</summary>
    public abstract string ClassName { get; }

    /// <summary>The penalty for <paramref name="weight"/>: a scalar tensor of its dtype, on its device.</summary>
    public abstract Tensor Call(Tensor weight);

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new();

    /// <summary><c>{"class_name": …, "config": …}</c> as Keras writes it.</summary>
    public JsonObject ToConfig() => new() { ["class_name"] = ClassName, ["config"] = GetConfig() };

    /// <summary>Looks up a Keras regularizer by name.</summary>
    public static implicit operator Regularizer(string name) => Regularizers.Get(name);

    /// <summary>Keras's check on penalty factors: finite and non-negative.</summary>
    protected static double CheckFactor(double value, string owner, string name) =>
        double.IsFinite(value) && value >= 0.0
            ? value
            : throw new KerasNetException($"{owner}: '{name}' must be a non-negative finite float, got {value}.");
}
