using System.Text.Json.Nodes;
using KerasNet.Layers;

namespace KerasNet.Models;

/// <summary>
/// A plain stack of layers, each with one input and one output (Keras <c>Sequential</c>). Once the input
/// shape is known (an <see cref="InputLayer"/>, <c>inputShape</c>/<c>inputDim</c> on the first layer, or the
/// first data seen), it is built as a Functional graph, so summaries and masks work as in Keras.
/// </summary>
public sealed class Sequential : Model
{
    private readonly List<Layer> _layers = [];
    private InputLayer? _input;

    /// <summary>Creates a model from <paramref name="layers"/> (may be empty; add more with <see cref="Add(Layer)"/>).</summary>
    public Sequential(IEnumerable<Layer>? layers = null, string? name = null, bool trainable = true)
        : base(name ?? LayerNames.Unique("sequential"), trainable)
    {
        foreach (var l in layers ?? []) Append(l);
        Rebuild(); // once: rebuilding after every layer would make a long stack quadratic to construct
    }

    /// <summary>The layers, without the input layer (as Keras).</summary>
    public override IReadOnlyList<Layer> Layers => _layers;

    /// <inheritdoc />
    public override IReadOnlyList<Layer> Sublayers => _layers;

    /// <summary>Appends a layer (an <see cref="InputLayer"/> sets the input shape instead).</summary>
    public void Add(Layer layer)
    {
        Append(layer);
        Rebuild();
    }

    private void Append(Layer layer)
    {
        if (layer is InputLayer input)
        {
            if (_input is not null || _layers.Count > 0)
                throw new KerasNetException($"Sequential '{Name}': an input layer can only be added first.");
            _input = input;
            return;
        }
        if (ReferenceEquals(layer, this)) throw new KerasNetException($"Sequential '{Name}' cannot contain itself.");
        if (_layers.Any(l => l.Name == layer.Name))
            throw new KerasNetException($"Sequential '{Name}': all layers must have unique names; '{layer.Name}' is already in the model.");
        _layers.Add(layer);
        if (_input is null && _layers.Count == 1 && layer.BatchInputShape is { } shape)
            _input = new InputLayer(batchShape: shape);
    }

    /// <summary>Appends the input given by <c>Keras.Input(shape: …)</c>.</summary>
    public void Add(KerasTensor input) => Add(input.Layer);

    /// <summary>Removes and returns the last layer.</summary>
    public Layer Pop()
    {
        if (_layers.Count == 0) throw new KerasNetException($"Sequential '{Name}' has no layers to pop.");
        var last = _layers[^1];
        _layers.RemoveAt(_layers.Count - 1);
        Rebuild();
        return last;
    }

    /// <summary>Builds the model for inputs of <paramref name="inputShape"/> (batch first).</summary>
    public override void Build(Shape inputShape)
    {
        _input ??= new InputLayer(batchShape: new Shape([null, .. inputShape.Skip(1)]));
        Rebuild();
        if (!IsFunctional) throw new KerasNetException($"Sequential '{Name}' has no layers to build.");
    }

    /// <summary>
    /// The architecture (Keras <c>get_config</c>): <c>name</c>, <c>trainable</c> and <c>layers</c>, each as
    /// <c>{"class_name", "config"}</c>, led by the <see cref="InputLayer"/> once the input shape is known.
    /// </summary>
    public override JsonObject GetConfig()
    {
        IEnumerable<Layer> layers = _input is null ? _layers : [_input, .. _layers];
        return new JsonObject
        {
            ["name"] = Name,
            ["trainable"] = Trainable,
            ["layers"] = new JsonArray([.. layers.Select(l => (JsonNode)new JsonObject { ["class_name"] = l.ClassName, ["config"] = l.GetConfig() })]),
        };
    }

    private void Rebuild()
    {
        if (_input is null || _layers.Count == 0) return;
        var x = _input.Output;
        foreach (var layer in _layers) x = layer.Apply(x);
        SetGraph([_input.Output], [x]);
    }
}
