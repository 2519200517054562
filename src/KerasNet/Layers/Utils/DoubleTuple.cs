using System.Collections;
using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>
/// A Keras "float or list of floats" argument (e.g. <c>Rescaling</c>'s <c>scale</c>): a number, or values that
/// broadcast against the input from the last axis (one per channel). Converts implicitly from <c>double</c> and
/// <c>double[]</c>.
/// </summary>
public sealed class DoubleTuple : IReadOnlyList<double>
{
    private readonly double[] _values;

    private DoubleTuple(double[] values, bool isScalar)
    {
        if (values.Length == 0) throw new KerasNetException("A list of numbers must not be empty.");
        _values = values;
        IsScalar = isScalar;
    }

    /// <summary>A single number.</summary>
    public static implicit operator DoubleTuple(double value) => new([value], isScalar: true);

    /// <summary>One number per position of the last axis.</summary>
    public static implicit operator DoubleTuple(double[] values) => new((double[])values.Clone(), isScalar: false);

    /// <summary>True when given as a single number (written back as a number, not a list).</summary>
    public bool IsScalar { get; }

    /// <inheritdoc />
    public double this[int index] => _values[index];

    /// <inheritdoc />
    public int Count => _values.Length;

    /// <summary>Keras's config form: the number, or the list.</summary>
    public JsonNode ToJson() => IsScalar ? JsonValue.Create(_values[0]) : new JsonArray(_values.Select(v => (JsonNode)v).ToArray());

    /// <inheritdoc />
    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => IsScalar ? _values[0].ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "[" + string.Join(", ", _values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
