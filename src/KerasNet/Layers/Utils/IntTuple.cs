using System.Collections;
using System.Runtime.CompilerServices;

namespace KerasNet.Layers;

/// <summary>
/// A Keras "int or tuple of ints" argument (kernel sizes, strides, pool sizes, paddings…): write
/// <c>kernelSize: 3</c> or <c>kernelSize: [3, 5]</c>. <see cref="Expand"/> gives one value per spatial axis.
/// </summary>
[CollectionBuilder(typeof(IntTuple), nameof(Create))]
public sealed class IntTuple : IReadOnlyList<int>
{
    private readonly int[] _values;

    private IntTuple(int[] values) => _values = values;

    /// <summary>From a collection expression.</summary>
    public static IntTuple Create(ReadOnlySpan<int> values) => new(values.ToArray());

    /// <summary>One value for every axis.</summary>
    public static implicit operator IntTuple(int value) => new([value]);

    /// <summary>One value per axis.</summary>
    public static implicit operator IntTuple(int[] values) => new((int[])values.Clone());

    /// <summary>The values, one per axis (<paramref name="rank"/> of them); a single value is repeated.</summary>
    public int[] Expand(int rank, string layer, string argument)
    {
        if (_values.Length == 1) return Enumerable.Repeat(_values[0], rank).ToArray();
        if (_values.Length != rank)
            throw new KerasNetException($"Layer '{layer}': {argument} must be one integer or {rank} integers, got ({string.Join(", ", _values)}).");
        return (int[])_values.Clone();
    }

    /// <inheritdoc />
    public int this[int index] => _values[index];

    /// <inheritdoc />
    public int Count => _values.Length;

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "(" + string.Join(", ", _values) + ")";
}
