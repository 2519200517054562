using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>
/// Creates a layer's initial weight values (Keras's <c>keras.initializers</c>). Strings convert:
/// <c>kernelInitializer: "he_normal"</c>.
/// </summary>
public abstract class Initializer
{
    /// <summary>The Keras class name, e.g. <c>GlorotUniform</c>.</summary>
    public abstract string ClassName { get; }

    /// <summary>Returns a new tensor of the given shape and dtype on the engine's current device.</summary>
    public abstract Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32);

    /// <summary>The constructor arguments with Keras's keys.</summary>
    public virtual JsonObject GetConfig() => new();

    /// <summary><c>{"class_name": …, "config": …}</c> as Keras writes it.</summary>
    public JsonObject ToConfig() => new() { ["class_name"] = ClassName, ["config"] = GetConfig() };

    /// <summary>Looks up a Keras initializer by name.</summary>
    public static implicit operator Initializer(string name) => Initializers.Get(name);

    /// <summary>
    /// Keras's fan computation: the last two axes are (input, output) and the leading axes form the
    /// receptive field (convolution kernels are laid out as <c>(k…, in, out)</c>).
    /// </summary>
    public static (double FanIn, double FanOut) ComputeFans(long[] shape)
    {
        if (shape.Length == 0) return (1, 1);
        if (shape.Length == 1) return (shape[0], shape[0]);
        if (shape.Length == 2) return (shape[0], shape[1]);
        double receptive = 1;
        for (int i = 0; i < shape.Length - 2; i++) receptive *= shape[i];
        return (shape[^2] * receptive, shape[^1] * receptive);
    }
}
