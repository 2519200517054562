using System.Text.Json;
using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>
/// Reads a layer's Keras config inside a <c>FromConfig</c> method: the common layer keys (name, trainable, dtype,
/// input shape) and the layer's own keys with type checks. Keys nobody read are rejected, so an argument KerasNet
/// does not know is never dropped silently.
/// </summary>
internal sealed class LayerConfig
{
    private readonly JsonObject _config;
    private readonly string _owner;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public LayerConfig(JsonObject config, string className)
    {
        _config = config;
        _owner = $"{className} config '{config["name"]?.ToString() ?? "?"}'";
        var dtype = Take("dtype");
        var dtypeName = dtype is JsonObject policy ? policy["config"]?["name"]?.ToString() : dtype?.ToString();
        if (dtypeName is not (null or "float32"))
            throw new NotSupportedException($"{_owner}: dtype '{dtypeName}' is not supported (float32 only).");
    }

    /// <summary>The layer name, if given.</summary>
    public string? Name => String("name", null);

    /// <summary>The <c>trainable</c> flag (default true).</summary>
    public bool Trainable => Bool("trainable", true);

    /// <summary>The per-sample input shape from <c>batch_input_shape</c> / <c>batch_shape</c>, if given.</summary>
    public Shape? InputShape
    {
        get
        {
            var node = Take("batch_input_shape") ?? Take("batch_shape");
            if (node is null) return null;
            if (node is not JsonArray dims || dims.Count == 0)
                throw Invalid("batch_input_shape", "a list of dimensions", node);
            return new Shape(dims.Skip(1).Select(d => d is null ? null : (long?)d.GetValue<long>()));
        }
    }

    /// <summary>The raw value of <paramref name="key"/> (null when absent), marked as read.</summary>
    public JsonNode? Take(string key)
    {
        _read.Add(key);
        return _config[key];
    }

    /// <summary>A number, or <paramref name="default"/> when absent or null.</summary>
    public double Double(string key, double @default) => NullableDouble(key) ?? @default;

    /// <summary>A number that may be null.</summary>
    public double? NullableDouble(string key) => Take(key) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        var other => throw Invalid(key, "a number", other),
    };

    /// <summary>A boolean, or <paramref name="default"/> when absent or null.</summary>
    public bool Bool(string key, bool @default) => Take(key) switch
    {
        null => @default,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw Invalid(key, "true or false", other),
    };

    /// <summary>A string, or <paramref name="default"/> when absent or null.</summary>
    public string? String(string key, string? @default) => Take(key) switch
    {
        null => @default,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw Invalid(key, "a string", other),
    };

    /// <summary>A padding or cropping argument, or <paramref name="default"/> when absent.</summary>
    public IntPairs Pairs(string key, IntPairs @default) =>
        Take(key) is { } node ? IntPairs.FromJson(node, _owner, key) : @default;

    /// <summary>Throws <see cref="NotSupportedException"/> naming every key that was not read.</summary>
    public void EnsureAllRead()
    {
        var unknown = _config.Select(p => p.Key).Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new NotSupportedException($"{_owner}: argument(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))} are not supported.");
    }

    private KerasNetException Invalid(string key, string expected, JsonNode node) =>
        new($"{_owner}: '{key}' must be {expected}, got {node.ToJsonString()}.");
}
