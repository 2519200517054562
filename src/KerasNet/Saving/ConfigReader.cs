using System.Text.Json;
using System.Text.Json.Nodes;

namespace KerasNet.Saving;

/// <summary>
/// Reads the arguments of one Keras object from its <c>config</c> dictionary with type checks, and
/// rejects keys nobody read (an argument KerasNet does not know must not be dropped silently).
/// </summary>
internal sealed class ConfigReader
{
    private readonly JsonObject _config;
    private readonly string _owner;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="config"/> (null = empty) of the object described as <paramref name="owner"/>.</summary>
    public ConfigReader(JsonObject? config, string owner)
    {
        _config = config ?? new JsonObject();
        _owner = owner;
    }

    /// <summary>
    /// Splits a serialized Keras object — a bare name, or <c>{"class_name", "config"}</c> with the optional
    /// Keras 3 keys <c>module</c> and <c>registered_name</c> — into its class name and config.
    /// </summary>
    public static (string ClassName, JsonObject? Config) SplitObject(JsonNode node, string kind)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var name)) return (name, null);
        if (node is not JsonObject o || o["class_name"] is not JsonValue cv || !cv.TryGetValue<string>(out var className))
            throw new KerasNetException($"A serialized {kind} must be a name or an object with a string 'class_name'; got {node.ToJsonString()}.");
        foreach (var key in o.Select(p => p.Key))
            if (key is not ("class_name" or "config" or "module" or "registered_name"))
                throw new NotSupportedException($"Serialized {kind} '{className}': key '{key}' is not supported.");
        return o["config"] switch
        {
            null => (className, null),
            JsonObject c => (className, c),
            var other => throw new KerasNetException($"Serialized {kind} '{className}': 'config' must be an object, got {other.ToJsonString()}."),
        };
    }

    /// <summary>A number argument, or <paramref name="default"/> when absent or null.</summary>
    public double Double(string key, double @default) => NullableDouble(key) ?? @default;

    /// <summary>A number argument that may be null.</summary>
    public double? NullableDouble(string key)
    {
        var node = Take(key);
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue<double>(out var d)) return d;
            if (v.TryGetValue<long>(out var l)) return l;
            if (v.TryGetValue<int>(out var i)) return i;
            if (v.TryGetValue<float>(out var f)) return f;
        }
        throw Invalid(key, "a number", node);
    }

    /// <summary>An integer argument that may be null (e.g. <c>seed</c>).</summary>
    public int? NullableInt(string key)
    {
        var node = Take(key);
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i)) return i;
        if (node is JsonObject)
            throw new NotSupportedException($"{_owner}: '{key}' given as an object ({node.ToJsonString()}) is not supported; use an integer.");
        throw Invalid(key, "an integer", node);
    }

    /// <summary>A string argument, or <paramref name="default"/> when absent or null.</summary>
    public string String(string key, string @default)
    {
        var node = Take(key);
        if (node is null) return @default;
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        throw Invalid(key, "a string", node);
    }

    /// <summary>An axis argument: one integer or a list of integers.</summary>
    public int[] Axes(string key, int[] @default)
    {
        var node = Take(key);
        switch (node)
        {
            case null: return @default;
            case JsonValue v when v.TryGetValue<int>(out var axis): return [axis];
            case JsonArray a when a.All(e => e is JsonValue ev && ev.TryGetValue<int>(out _)):
                return a.Select(e => e!.GetValue<int>()).ToArray();
            default: throw Invalid(key, "an integer or a list of integers", node);
        }
    }

    /// <summary>Throws <see cref="NotSupportedException"/> naming every key that was not read.</summary>
    public void EnsureAllRead()
    {
        var unknown = _config.Select(p => p.Key).Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new NotSupportedException($"{_owner}: config argument(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))} are not supported.");
    }

    private JsonNode? Take(string key)
    {
        _read.Add(key);
        return _config[key];
    }

    private KerasNetException Invalid(string key, string expected, JsonNode node) =>
        new($"{_owner}: config argument '{key}' must be {expected}, got {node.ToJsonString()}.");
}
