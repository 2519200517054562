using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace KerasNet.Layers;

public abstract partial class Layer
{
    // Per layer type: its instance fields that can hold a layer or a collection of layers, base classes first.
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> LayerFieldsByType = new();

    private readonly List<Layer> _addedSublayers = [];
    private IReadOnlyList<Layer>? _trackedOnceBuilt;

    /// <summary>
    /// Tracks <paramref name="layer"/> as a sublayer of this one. Layers held in fields are tracked without it (see
    /// <see cref="Sublayers"/>); use it for layers kept elsewhere. A frozen layer freezes what it tracks.
    /// </summary>
    protected T AddSublayer<T>(T layer) where T : Layer
    {
        if (!_addedSublayers.Contains(layer)) _addedSublayers.Add(layer);
        _trackedOnceBuilt = null;
        if (!_trainable) layer.Trainable = false;
        return layer;
    }

    /// <summary>
    /// The layers this one tracks directly, as Keras tracks layers assigned to attributes: those given to
    /// <see cref="AddSublayer{T}"/>, then those held in the layer's fields (of any visibility, auto-properties included) —
    /// a layer, or an array, list, set or dictionary (its values) of layers — base class fields first, each layer once.
    /// Their weights count as this layer's: they are trained, counted, saved, frozen and disposed with it. The list is fixed
    /// once the layer is built, so layers created in <c>Build</c> count; track a layer created later with
    /// <see cref="AddSublayer{T}"/>.
    /// </summary>
    /// <remarks>
    /// Every operation on a layer (weights, losses, <see cref="Trainable"/>, <see cref="Dispose"/>) walks the layers it
    /// reaches, each once: a layer shared by two others, or a field that refers to a sibling or back to an enclosing
    /// layer, is counted once and never makes a cycle. Asked directly, a layer that refers back to its parent reaches the
    /// parent's weights too, as a Keras layer tracking its parent would.
    /// </remarks>
    public virtual IReadOnlyList<Layer> Sublayers
    {
        get
        {
            if (_trackedOnceBuilt is not null) return _trackedOnceBuilt;
            var tracked = new List<Layer>(_addedSublayers);
            foreach (var layerField in LayerFieldsByType.GetOrAdd(GetType(), LayerFields))
                foreach (var layer in LayersIn(layerField.GetValue(this)))
                    if (!ReferenceEquals(layer, this) && !tracked.Contains(layer)) tracked.Add(layer);
            if (Built) _trackedOnceBuilt = tracked;
            return tracked;
        }
    }

    /// <summary>
    /// This layer and every layer it tracks, recursively (Keras <c>_flatten_layers</c>): depth-first, each layer once, so
    /// weights come in Keras's order and shared layers or references back up the tree are visited once.
    /// </summary>
    internal IReadOnlyList<Layer> FlattenLayers()
    {
        var order = new List<Layer>();
        var seen = new HashSet<Layer>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Layer>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var layer = pending.Pop();
            if (!seen.Add(layer)) continue;
            order.Add(layer);
            var sublayers = layer.Sublayers;
            for (int i = sublayers.Count - 1; i >= 0; i--) pending.Push(sublayers[i]);
        }
        return order;
    }

    private static IEnumerable<Layer> LayersIn(object? value) => value switch
    {
        Layer layer => [layer],
        IDictionary dictionary => dictionary.Values.OfType<Layer>(),
        ICollection collection => collection.OfType<Layer>(),
        IReadOnlyCollection<object> collection => collection.OfType<Layer>(), // sets and other generic collections
        _ => [], // lazy sequences are not enumerated: that could run arbitrary code
    };

    /// <summary>The instance fields of <paramref name="type"/> and its bases below <see cref="Layer"/> whose type can hold a layer.</summary>
    private static FieldInfo[] LayerFields(Type type)
    {
        var hierarchy = new List<Type>();
        for (var t = type; t is not null && t != typeof(Layer); t = t.BaseType) hierarchy.Add(t);
        hierarchy.Reverse();
        return [.. hierarchy.SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => CanHoldLayers(f.FieldType))];
    }

    /// <summary>True for a type that is, or may be, a layer, or a collection whose elements (dictionary values) may be.</summary>
    private static bool CanHoldLayers(Type type)
    {
        if (type.IsAssignableFrom(typeof(Layer)) || typeof(Layer).IsAssignableFrom(type)) return true;
        if (type.IsArray) return CanHoldLayers(type.GetElementType()!);
        var elementTypes = (type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0]);
        return elementTypes.Any(e => e.IsGenericType && e.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            ? CanHoldLayers(e.GetGenericArguments()[1])
            : CanHoldLayers(e));
    }
}
