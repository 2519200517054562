using System.Text.Json.Nodes;
using KerasNet.Saving;

namespace KerasNet.Layers;

/// <summary>
/// Reads a layer's Keras config inside a <c>FromConfig</c> method: the keys every layer has (name, trainable, dtype,
/// input shape) and, through <see cref="ConfigReader"/>, the layer's own keys with type checks. Keys nobody read are
/// rejected by <see cref="EnsureAllRead"/>, so an argument KerasNet does not know is never dropped silently.
/// </summary>
internal sealed class LayerConfig
{
    private readonly ConfigReader _reader;
    private readonly string _owner;

    public LayerConfig(JsonObject config, string className)
    {
        _owner = $"{className} config '{config["name"]?.ToString() ?? "?"}'";
        _reader = new ConfigReader(config, _owner);
        var dtype = _reader.Take("dtype");
        var dtypeName = dtype is JsonObject policy ? policy["config"]?["name"]?.ToString() : dtype?.ToString();
        if (dtypeName is not (null or "float32"))
            throw new NotSupportedException($"{_owner}: dtype '{dtypeName}' is not supported (float32 only).");
    }

    /// <summary>The layer name, if given.</summary>
    public string? Name => _reader.NullableString("name");

    /// <summary>The <c>trainable</c> flag (default true).</summary>
    public bool Trainable => _reader.Bool("trainable", true);

    /// <summary>The per-sample input shape from <c>batch_input_shape</c> / <c>batch_shape</c>, if given.</summary>
    public Shape? InputShape
    {
        get
        {
            var node = _reader.Take("batch_input_shape") ?? _reader.Take("batch_shape");
            if (node is null) return null;
            if (node is not JsonArray { Count: > 0 } dims)
                throw new KerasNetException($"{_owner}: 'batch_input_shape' must be a list of dimensions, got {node.ToJsonString()}.");
            return new Shape(dims.Skip(1).Select(d => d is null ? null : (long?)d.GetValue<long>()));
        }
    }

    /// <summary>The raw value of <paramref name="key"/> (null when absent), marked as read.</summary>
    public JsonNode? Take(string key) => _reader.Take(key);

    /// <summary>A number, or <paramref name="default"/> when absent or null.</summary>
    public double Double(string key, double @default) => _reader.Double(key, @default);

    /// <summary>A number that may be null.</summary>
    public double? NullableDouble(string key) => _reader.NullableDouble(key);

    /// <summary>A boolean, or <paramref name="default"/> when absent or null.</summary>
    public bool Bool(string key, bool @default) => _reader.Bool(key, @default);

    /// <summary>A string that may be null.</summary>
    public string? NullableString(string key) => _reader.NullableString(key);

    /// <summary>A padding or cropping argument, or <paramref name="default"/> when absent.</summary>
    public IntPairs Pairs(string key, IntPairs @default) =>
        Take(key) is { } node ? IntPairs.FromJson(node, _owner, key) : @default;

    /// <summary>Throws <see cref="NotSupportedException"/> naming every key that was not read.</summary>
    public void EnsureAllRead() => _reader.EnsureAllRead();
}
