using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>
/// Validation of the arguments shared by convolution and pooling layers (Keras's
/// <c>standardize_tuple</c>, <c>standardize_padding</c>, <c>standardize_data_format</c>); errors name the
/// layer and the bad value.
/// </summary>
internal static class ConvArguments
{
    /// <summary>One positive (or, with <paramref name="allowZero"/>, non-negative) integer per spatial axis.</summary>
    public static int[] Tuple(IntTuple value, int rank, string layer, string argument, bool allowZero = false)
    {
        var values = value.Expand(rank, layer, argument);
        if (values.Any(v => v < 0 || (v == 0 && !allowZero)))
            throw new KerasNetException(
                $"Layer '{layer}': {argument} must be {(allowZero ? "non-negative" : "positive")} integers, got {value}.");
        return values;
    }

    /// <summary>Lower-cased <c>valid</c> or <c>same</c> (or <c>causal</c> where allowed).</summary>
    public static string Padding(string padding, string layer, bool allowCausal = false)
    {
        var p = padding.ToLowerInvariant();
        if (p is "valid" or "same" || (allowCausal && p == "causal")) return p;
        throw new KerasNetException(
            $"Layer '{layer}': padding must be 'valid'{(allowCausal ? ", 'same' or 'causal'" : " or 'same'")}, got '{padding}'.");
    }

    /// <summary>Lower-cased <c>channels_last</c> or <c>channels_first</c>.</summary>
    public static string DataFormat(string dataFormat, string layer)
    {
        var f = dataFormat.ToLowerInvariant();
        if (f is "channels_last" or "channels_first") return f;
        throw new KerasNetException($"Layer '{layer}': dataFormat must be 'channels_last' or 'channels_first', got '{dataFormat}'.");
    }

    /// <summary>A tuple as Keras writes it into configs (a JSON list).</summary>
    public static JsonArray ToJson(IEnumerable<int> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
