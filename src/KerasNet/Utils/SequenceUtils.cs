using static TorchSharp.torch;

namespace KerasNet.Utils;

/// <summary>Keras's sequence utilities (<c>keras.utils.pad_sequences</c>).</summary>
public static class SequenceUtils
{
    /// <summary>
    /// Pads (or truncates) sequences to one length (Keras <c>pad_sequences</c>): a (samples, maxlen) tensor.
    /// </summary>
    /// <param name="sequences">The sequences (lists of token ids or values).</param>
    /// <param name="maxlen">Length of the result; null uses the longest sequence.</param>
    /// <param name="dtype">Result dtype: <c>int32</c>, <c>int64</c>, <c>float32</c> or <c>float64</c>.</param>
    /// <param name="padding"><c>pre</c> pads at the start, <c>post</c> at the end.</param>
    /// <param name="truncating"><c>pre</c> drops values from the start of longer sequences, <c>post</c> from the end.</param>
    /// <param name="value">The padding value.</param>
    public static Tensor PadSequences(IEnumerable<IEnumerable<double>> sequences, int? maxlen = null, string dtype = "int32",
        string padding = "pre", string truncating = "pre", double value = 0.0)
    {
        if (padding is not ("pre" or "post")) throw new KerasNetException($"PadSequences: padding must be 'pre' or 'post', got '{padding}'.");
        if (truncating is not ("pre" or "post")) throw new KerasNetException($"PadSequences: truncating must be 'pre' or 'post', got '{truncating}'.");
        if (maxlen < 0) throw new KerasNetException($"PadSequences: maxlen must be at least 0, got {maxlen}.");
        var type = dtype switch
        {
            "int32" => ScalarType.Int32, "int64" => ScalarType.Int64, "float32" => ScalarType.Float32, "float64" => ScalarType.Float64,
            _ => throw new KerasNetException($"PadSequences: dtype must be int32, int64, float32 or float64, got '{dtype}'."),
        };
        var rows = sequences.Select(s => s.ToArray()).ToList();
        int length = maxlen ?? (rows.Count == 0 ? 0 : rows.Max(r => r.Length));
        var result = new double[rows.Count, length];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var kept = row.Length <= length ? row : truncating == "pre" ? row[^length..] : row[..length];
            int offset = padding == "pre" ? length - kept.Length : 0;
            for (int j = 0; j < length; j++) result[i, j] = value;
            for (int j = 0; j < kept.Length; j++) result[i, offset + j] = kept[j];
        }
        using var values = tensor(result);
        return values.to(type);
    }

    /// <inheritdoc cref="PadSequences(IEnumerable{IEnumerable{double}}, int?, string, string, string, double)"/>
    public static Tensor PadSequences(IEnumerable<IEnumerable<int>> sequences, int? maxlen = null, string dtype = "int32",
        string padding = "pre", string truncating = "pre", double value = 0.0) =>
        PadSequences(sequences.Select(s => s.Select(v => (double)v)), maxlen, dtype, padding, truncating, value);
}
