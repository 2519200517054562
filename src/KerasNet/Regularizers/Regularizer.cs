using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Regularizers;

/// <summary>A penalty on a weight, added to the training loss (Keras <c>keras.regularizers</c>).</summary>
public abstract class Regularizer
{
    /// <summary>The Keras class name.</summary>
    public abstract string ClassName { get; }

    /// <summary>The penalty for <paramref name="weight"/> (a scalar tensor).</summary>
    public abstract Tensor Call(Tensor weight);

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public abstract JsonObject GetConfig();

    /// <summary><c>{"class_name": …, "config": …}</c> as Keras writes it.</summary>
    public JsonObject ToConfig() => new() { ["class_name"] = ClassName, ["config"] = GetConfig() };
}
