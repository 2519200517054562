using System.Collections;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace KerasNet.Data;

/// <summary>
/// One element of a <see cref="Dataset"/> (tf.data's nested structure): a tensor, a tuple of elements, or
/// elements by name. <c>(x, y)</c> and <c>(x, y, sampleWeight)</c> tuples are what <c>Fit</c> reads; <c>x</c> may
/// itself be a tuple or a dictionary (one entry per model input).
/// </summary>
/// <remarks>
/// Whoever receives an element from a dataset owns its tensors: dispose it (or the tensors) when done.
/// Elements are made outside any dispose scope, so a scope open at the consumer does not free them early.
/// </remarks>
public sealed class Element : IDisposable
{
    private Element(Tensor? tensor, IReadOnlyList<Element>? components, IReadOnlyList<string>? names)
    {
        Tensor = tensor;
        Components = components;
        Names = names;
    }

    /// <summary>The tensor of a single-tensor element, else null.</summary>
    public Tensor? Tensor { get; }

    /// <summary>The parts of a tuple or dictionary element, else null.</summary>
    public IReadOnlyList<Element>? Components { get; }

    /// <summary>The keys of a dictionary element (in order), else null.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>True for a dictionary element.</summary>
    public bool IsDictionary => Names is not null;

    /// <summary>True for a tuple element.</summary>
    public bool IsTuple => Components is not null && Names is null;

    /// <summary>Part <paramref name="index"/> of a tuple or dictionary.</summary>
    public Element this[int index] => Components is { } c && index >= 0 && index < c.Count ? c[index]
        : throw new KerasNetException($"Element {Structure} has no component {index}.");

    /// <summary>Entry <paramref name="name"/> of a dictionary.</summary>
    public Element this[string name] => Names?.ToList().IndexOf(name) is int i and >= 0 ? Components![i]
        : throw new KerasNetException($"Element {Structure} has no entry '{name}'.");

    /// <summary>The tensors in order (depth first).</summary>
    public IEnumerable<Tensor> Tensors => Tensor is { } t ? [t] : Components!.SelectMany(c => c.Tensors);

    /// <summary>The structure with tensor shapes, e.g. <c>(float32[32, 784], int64[32])</c>.</summary>
    public string Structure => Describe(withShapes: true);

    /// <summary>A single-tensor element.</summary>
    public static Element Of(Tensor tensor) => new(tensor ?? throw new ArgumentNullException(nameof(tensor)), null, null);

    /// <summary>A tuple element.</summary>
    public static Element Tuple(params Element[] components) =>
        components.Length > 0 ? new(null, components, null) : throw new KerasNetException("An element tuple needs at least one component.");

    /// <summary>A dictionary element.</summary>
    public static Element Dictionary(IEnumerable<KeyValuePair<string, Element>> entries)
    {
        var list = entries.ToList();
        if (list.Count == 0) throw new KerasNetException("An element dictionary needs at least one entry.");
        return new(null, list.Select(p => p.Value).ToList(), list.Select(p => p.Key).ToList());
    }

    /// <summary>
    /// Converts <paramref name="value"/>: a <see cref="Tensor"/>, a .NET array (<c>float[,]</c>, <c>int[]</c>…), a
    /// tuple (<c>(x, y)</c>, nested allowed), a dictionary with string keys, or an <see cref="Element"/>.
    /// </summary>
    public static Element From(object value) => value switch
    {
        Element e => e,
        Tensor t => Of(t),
        double[] or double[,] or double[,,] or double[,,,] or double[,,,,] => Of(from_array((Array)value).to(ScalarType.Float32)),
        Array a => Of(from_array(a)),
        ITuple tuple => Tuple(Enumerable.Range(0, tuple.Length).Select(i => From(tuple[i] ?? throw Null(i))).ToArray()),
        IDictionary d => Dictionary(d.Keys.Cast<object>().Select(k => KeyValuePair.Create(
            k as string ?? throw new KerasNetException($"Dictionary keys of an element must be strings, got {k.GetType().Name}."),
            From(d[k] ?? throw new KerasNetException($"Entry '{k}' of an element is null."))))),
        null => throw new ArgumentNullException(nameof(value)),
        _ => throw new KerasNetException($"Cannot use a {value.GetType().Name} as a dataset element; pass a Tensor, a .NET array, a tuple or a dictionary of them."),
    };

    private static KerasNetException Null(int i) => new($"Component {i} of an element tuple is null.");

    /// <summary>A single-tensor element.</summary>
    public static implicit operator Element(Tensor tensor) => Of(tensor);

    /// <summary>A single-tensor element from a .NET array.</summary>
    public static implicit operator Element(Array array) => From(array);

    /// <summary>An <c>(x, y)</c> element.</summary>
    public static implicit operator Element((Tensor X, Tensor Y) pair) => Tuple(pair.X, pair.Y);

    /// <summary>An <c>(x, y, sampleWeight)</c> element.</summary>
    public static implicit operator Element((Tensor X, Tensor Y, Tensor SampleWeight) triple) => Tuple(triple.X, triple.Y, triple.SampleWeight);

    /// <summary>A tuple of elements.</summary>
    public static implicit operator Element((Element X, Element Y) pair) => Tuple(pair.X, pair.Y);

    /// <summary>Elements by name.</summary>
    public static implicit operator Element(Dictionary<string, Tensor> byName) => Dictionary(byName.Select(p => KeyValuePair.Create(p.Key, Of(p.Value))));

    /// <summary>Splits a pair.</summary>
    public void Deconstruct(out Element first, out Element second)
    {
        if (Components is not { Count: 2 } c) throw new KerasNetException($"Element {Structure} is not a pair.");
        (first, second) = (c[0], c[1]);
    }

    /// <summary>Splits a triple.</summary>
    public void Deconstruct(out Element first, out Element second, out Element third)
    {
        if (Components is not { Count: 3 } c) throw new KerasNetException($"Element {Structure} is not a triple.");
        (first, second, third) = (c[0], c[1], c[2]);
    }

    /// <summary>The same structure with every tensor replaced by <paramref name="map"/> of it.</summary>
    public Element MapTensors(Func<Tensor, Tensor> map) =>
        Tensor is { } t ? Of(map(t)) : new(null, Components!.Select(c => c.MapTensors(map)).ToList(), Names);

    /// <summary>The same structure filled with <paramref name="tensors"/> in order.</summary>
    internal Element WithTensors(IEnumerator<Tensor> tensors)
    {
        if (Tensor is not null)
            return tensors.MoveNext() ? Of(tensors.Current) : throw new InvalidOperationException("Too few tensors for the element structure.");
        return new(null, Components!.Select(c => c.WithTensors(tensors)).ToList(), Names);
    }

    /// <summary>The structure without shapes, used to check that elements match.</summary>
    internal string Signature => Describe(withShapes: false);

    private string Describe(bool withShapes)
    {
        if (Tensor is { } t)
            return withShapes ? $"{t.dtype.ToString().ToLowerInvariant()}[{string.Join(", ", t.shape)}]" : "tensor";
        var parts = Components!.Select((c, i) => (Names is null ? "" : Names[i] + ": ") + c.Describe(withShapes));
        return Names is null ? $"({string.Join(", ", parts)})" : $"{{{string.Join(", ", parts)}}}";
    }

    /// <summary>
    /// Runs <paramref name="make"/> in its own dispose scope: its temporaries are freed, the element it returns is
    /// detached (owned by the caller). Never hold a scope across a <c>yield</c>: the consumer's tensors would land in it.
    /// </summary>
    internal static Element Scoped(Func<Element> make)
    {
        using var scope = NewDisposeScope();
        return make().Detach();
    }

    /// <summary>Disposes the tensors of <paramref name="consumed"/> that <paramref name="kept"/> does not pass on.</summary>
    internal static void DisposeConsumed(Element consumed, Element kept)
    {
        var keep = kept.Tensors.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var t in consumed.Tensors)
            if (!keep.Contains(t)) t.Dispose();
    }

    /// <summary>Detaches the tensors from any dispose scope: the receiver owns them.</summary>
    internal Element Detach()
    {
        foreach (var t in Tensors) t.DetachFromDisposeScope();
        return this;
    }

    /// <summary>Disposes every tensor of the element.</summary>
    public void Dispose()
    {
        foreach (var t in Tensors) t.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => Structure;
}
