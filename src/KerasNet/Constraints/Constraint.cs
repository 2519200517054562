using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Constraints;

/// <summary>A projection applied to a weight after each optimizer step (Keras <c>keras.constraints</c>).</summary>
public abstract class Constraint
{
    /// <summary>The Keras class name.</summary>
    public abstract string ClassName { get; }

    /// <summary>The projected weight (a new tensor).</summary>
    public abstract Tensor Call(Tensor weight);

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new();

    /// <summary><c>{"class_name": …, "config": …}</c> as Keras writes it.</summary>
    public JsonObject ToConfig() => new() { ["class_name"] = ClassName, ["config"] = GetConfig() };
}
