using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KerasNet.Saving;

/// <summary>
/// Config keys that may be dropped when a KerasNet layer has no parameter for them, because the value they carry
/// is the one that changes nothing (Keras writes them with their defaults). Any other value, and any key not listed,
/// is refused.
/// </summary>
internal static class HarmlessConfigKeys
{
    private static readonly Dictionary<string, Func<JsonNode?, bool>> Keys = new(StringComparer.Ordinal)
    {
        ["activity_regularizer"] = IsNull,
        ["noise_shape"] = IsNull,
        ["ragged"] = IsFalse,                 // InputLayer: dense inputs
        ["sparse"] = IsFalse,
        ["optional"] = IsFalse,               // Keras 3 InputLayer
        ["time_major"] = IsFalse,             // tf.keras recurrent layers
        ["dynamic"] = IsFalse,                // tf.keras layer flag for eager-only layers
        ["synchronized"] = IsFalse,           // Keras 3 BatchNormalization across devices
        ["renorm"] = IsFalse,                 // tf.keras BatchNormalization extras, off by default
        ["renorm_clipping"] = IsNull,
        ["renorm_momentum"] = node => IsNumber(node, 0.99),
        ["virtual_batch_size"] = IsNull,
        ["adjustment"] = IsNull,
        ["fused"] = node => node is null || node.GetValueKind() is JsonValueKind.True or JsonValueKind.False, // kernel choice only
        ["implementation"] = node => node is null || node.GetValueKind() == JsonValueKind.Number, // recurrent kernel choice only
        ["lora_rank"] = IsNull,
        ["quantization_config"] = IsNull,
    };

    /// <summary>True when <paramref name="key"/> may be dropped with this <paramref name="value"/>.</summary>
    public static bool Contains(string key, JsonNode? value) => Keys.TryGetValue(key, out var harmless) && harmless(value);

    private static bool IsNull(JsonNode? node) => node is null;

    private static bool IsFalse(JsonNode? node) => node?.GetValueKind() == JsonValueKind.False;

    private static bool IsNumber(JsonNode? node, double value) =>
        node?.GetValueKind() == JsonValueKind.Number
        && Math.Abs(double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture) - value) < 1e-12;
}
