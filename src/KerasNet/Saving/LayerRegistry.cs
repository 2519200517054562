using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Saving;

/// <summary>
/// Keras layer class name → KerasNet layer, used to read model configs. Every public layer of KerasNet is known
/// under its Keras class name; register your own layers with <see cref="Register{T}"/> or
/// <see cref="Register(string, Func{JsonObject, Layer})"/> (Keras's <c>register_keras_serializable</c>).
/// </summary>
public static class LayerRegistry
{
    private static readonly Lazy<KerasClassIndex> BuiltIn = new(() =>
        new KerasClassIndex(typeof(Layer), t => !typeof(Model).IsAssignableFrom(t)));
    private static readonly Dictionary<string, Type> CustomTypes = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, Func<JsonObject, Layer>> CustomFactories = new(StringComparer.Ordinal);
    private static readonly object Gate = new();

    /// <summary>
    /// Registers a layer type under <paramref name="name"/> (by default its <c>ClassName</c>). It is built from a
    /// config by its <c>public static Layer FromConfig(JsonObject)</c> if it has one, else by matching config keys
    /// to its constructor's parameters.
    /// </summary>
    public static void Register<T>(string? name = null) where T : Layer
    {
        lock (Gate)
        {
            var key = name ?? KerasClassIndex.ClassNameOf(typeof(T));
            CustomFactories.Remove(key);
            CustomTypes[key] = typeof(T);
        }
    }

    /// <summary>Registers a factory that builds a layer from its Keras config under <paramref name="name"/>.</summary>
    public static void Register(string name, Func<JsonObject, Layer> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (Gate)
        {
            CustomTypes.Remove(name);
            CustomFactories[name] = factory;
        }
    }

    /// <summary>True when a layer is known under <paramref name="className"/>.</summary>
    public static bool Contains(string className)
    {
        lock (Gate)
            return CustomFactories.ContainsKey(className) || CustomTypes.ContainsKey(className) || BuiltIn.Value.Find(className) is not null;
    }

    /// <summary>Every known layer class name, sorted.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (Gate)
                return BuiltIn.Value.Names.Concat(CustomTypes.Keys).Concat(CustomFactories.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The registered factory or layer type for <paramref name="className"/> (custom registrations first).</summary>
    internal static (Func<JsonObject, Layer>? Factory, Type? Type) Find(string className)
    {
        lock (Gate)
        {
            if (CustomFactories.TryGetValue(className, out var factory)) return (factory, null);
            if (CustomTypes.TryGetValue(className, out var type)) return (null, type);
        }
        return (null, BuiltIn.Value.Find(className));
    }
}
