using System.Collections;
using System.Runtime.CompilerServices;

namespace KerasNet;

/// <summary>
/// A Keras shape: a tuple of dimensions where <c>null</c> means "unknown" (Keras's <c>None</c>).
/// Write it as a collection expression: <c>[28, 28, 1]</c> or <c>[null, 10]</c>.
/// </summary>
[CollectionBuilder(typeof(Shape), nameof(Create))]
public sealed class Shape : IReadOnlyList<long?>, IEquatable<Shape>
{
    private readonly long?[] _dims;

    /// <summary>Creates a shape from its dimensions.</summary>
    public Shape(IEnumerable<long?> dims) => _dims = dims.ToArray();

    /// <summary>Collection-expression factory.</summary>
    public static Shape Create(ReadOnlySpan<long?> dims) => new(dims.ToArray());

    /// <summary>A fully known shape.</summary>
    public static Shape Of(params long[] dims) => new(dims.Select(d => (long?)d));

    /// <summary>The number of dimensions.</summary>
    public int Rank => _dims.Length;

    /// <inheritdoc />
    public int Count => _dims.Length;

    /// <summary>The dimension at <paramref name="index"/>; negative indices count from the end.</summary>
    public long? this[int index] => _dims[index < 0 ? _dims.Length + index : index];

    /// <summary>True when every dimension is known.</summary>
    public bool IsFullyDefined => _dims.All(d => d.HasValue);

    /// <summary>The shape with a leading (batch) dimension added.</summary>
    public Shape WithBatch(long? batch = null) => new(_dims.Prepend(batch));

    /// <summary>The shape without its leading (batch) dimension.</summary>
    public Shape WithoutBatch() => new(_dims.Skip(1));

    /// <summary>Dimensions as <c>long</c>, failing with a clear error when one is unknown.</summary>
    public long[] ToLongArray(string what = "shape")
    {
        if (!IsFullyDefined) throw new KerasNetException($"The {what} {this} has unknown dimensions where known ones are required.");
        return _dims.Select(d => d!.Value).ToArray();
    }

    /// <summary>Number of elements (all dimensions must be known).</summary>
    public long NumElements() => ToLongArray().Aggregate(1L, (a, b) => a * b);

    /// <summary>The dims as an array (a copy).</summary>
    public long?[] ToArray() => (long?[])_dims.Clone();

    /// <summary>Keras's notation, e.g. <c>(None, 28, 28, 1)</c>.</summary>
    public override string ToString() =>
        "(" + string.Join(", ", _dims.Select(d => d?.ToString() ?? "None")) + (_dims.Length == 1 ? ",)" : ")");

    /// <inheritdoc />
    public bool Equals(Shape? other) => other is not null && _dims.SequenceEqual(other._dims);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Shape);

    /// <inheritdoc />
    public override int GetHashCode() => _dims.Aggregate(17, (h, d) => h * 31 + (d?.GetHashCode() ?? -1));

    /// <inheritdoc />
    public IEnumerator<long?> GetEnumerator() => ((IEnumerable<long?>)_dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _dims.GetEnumerator();

    /// <summary>A shape from known dimensions.</summary>
    public static implicit operator Shape(long[] dims) => Of(dims);

    /// <summary>A shape from known dimensions.</summary>
    public static implicit operator Shape(int[] dims) => Of(dims.Select(d => (long)d).ToArray());
}
