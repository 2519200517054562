namespace KerasNet.Saving;

/// <summary>
/// A name → factory table for one kind of Keras object (activations, initializers, losses…), keyed by
/// the Keras identifier (<c>"glorot_uniform"</c>) and, where different, the class name
/// (<c>"GlorotUniform"</c>). Unknown names fail with the list of valid ones.
/// </summary>
public sealed class KerasRegistry<T>
{
    private readonly string _kind;
    private readonly Dictionary<string, Func<T>> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates an empty table for objects described as <paramref name="kind"/> in errors.</summary>
    public KerasRegistry(string kind) => _kind = kind;

    /// <summary>Registers a factory under one or more names.</summary>
    public void Register(Func<T> factory, params string[] names)
    {
        foreach (var n in names) _byName[n] = factory;
    }

    /// <summary>True when <paramref name="name"/> is known.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The registered names, sorted.</summary>
    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    /// <summary>Creates the object registered as <paramref name="name"/>.</summary>
    public T Get(string name) =>
        _byName.TryGetValue(name, out var f)
            ? f()
            : throw new KerasNetException($"Unknown {_kind} '{name}'. Valid names: {string.Join(", ", Names.Where(n => char.IsLower(n[0])))}.");
}
