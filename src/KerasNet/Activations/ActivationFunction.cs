using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Activations;

/// <summary>
/// An element-wise activation with its Keras name (serialized as that name). Anywhere an activation is
/// accepted, a Keras string works too: <c>activation: "relu"</c>.
/// </summary>
public sealed class ActivationFunction
{
    private readonly Func<Tensor, Tensor> _fn;

    /// <summary>Wraps <paramref name="fn"/> under the Keras name <paramref name="name"/>.</summary>
    public ActivationFunction(string name, Func<Tensor, Tensor> fn)
    {
        Name = name;
        _fn = fn;
    }

    /// <summary>The Keras name, e.g. <c>relu</c>.</summary>
    public string Name { get; }

    /// <summary>Applies the activation.</summary>
    public Tensor Call(Tensor x) => _fn(x);

    /// <summary>The value Keras writes into a layer config.</summary>
    public JsonNode ToConfig() => JsonValue.Create(Name)!;

    /// <summary>Looks up a Keras activation by name.</summary>
    public static implicit operator ActivationFunction(string name) => Activations.Get(name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
