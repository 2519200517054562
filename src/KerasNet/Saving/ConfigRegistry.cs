using System.Text.Json.Nodes;

namespace KerasNet.Saving;

/// <summary>
/// A <see cref="KerasRegistry{T}"/> of objects rebuilt from their Keras config: each name maps to a reader
/// of the constructor arguments, so <see cref="Get"/> (defaults) and <see cref="Deserialize"/> (a saved
/// config) share one table.
/// </summary>
internal sealed class ConfigRegistry<T>(string kind)
{
    private readonly KerasRegistry<Func<JsonObject?, T>> _registry = new(kind);

    /// <summary>Registers <paramref name="read"/> (arguments → object) under <paramref name="names"/>.</summary>
    public void Register(Func<ConfigReader, T> read, params string[] names) =>
        _registry.Register(() => config =>
        {
            var reader = new ConfigReader(config, $"{kind} {names[0]}");
            var obj = read(reader);
            reader.EnsureAllRead();
            return obj;
        }, names);

    /// <summary>The registered names, sorted.</summary>
    public IEnumerable<string> Names => _registry.Names;

    /// <summary>A new object called <paramref name="name"/> with default arguments.</summary>
    public T Get(string name) => _registry.Get(name)(null);

    /// <summary>A new object from a name or <c>{"class_name": …, "config": {…}}</c>.</summary>
    public T Deserialize(JsonNode node)
    {
        var (className, config) = ConfigReader.SplitObject(node, kind);
        return _registry.Get(className)(config);
    }
}
