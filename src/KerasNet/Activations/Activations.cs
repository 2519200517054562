using KerasNet.Saving;
using static TorchSharp.torch;

namespace KerasNet.Activations;

/// <summary>The Keras activation functions (<c>keras.activations</c>), by object and by name.</summary>
public static class Activations
{
    private static readonly KerasRegistry<ActivationFunction> Registry = new("activation");

    /// <summary><c>linear</c>: identity.</summary>
    public static readonly ActivationFunction Linear = Add(new("linear", x => x));
    /// <summary><c>relu</c>: max(x, 0).</summary>
    public static readonly ActivationFunction Relu = Add(new("relu", x => nn.functional.relu(x)));
    /// <summary><c>sigmoid</c>.</summary>
    public static readonly ActivationFunction Sigmoid = Add(new("sigmoid", x => x.sigmoid()));
    /// <summary><c>tanh</c>.</summary>
    public static readonly ActivationFunction Tanh = Add(new("tanh", x => x.tanh()));
    /// <summary><c>softmax</c> over the last axis.</summary>
    public static readonly ActivationFunction Softmax = Add(new("softmax", x => x.softmax(-1)));

    private static ActivationFunction Add(ActivationFunction f, params string[] aliases)
    {
        Registry.Register(() => f, [f.Name, .. aliases]);
        return f;
    }

    /// <summary>The activation called <paramref name="name"/> (Keras names); <c>null</c> means linear.</summary>
    public static ActivationFunction Get(string? name) => name is null ? Linear : Registry.Get(name);
}
