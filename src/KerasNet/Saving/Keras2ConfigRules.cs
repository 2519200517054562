using System.Globalization;
using System.Text.Json.Nodes;

namespace KerasNet.Saving;

/// <summary>
/// The one table of translations from configs written by Keras 2 (and tf.keras) to Keras 3's arguments, applied
/// before a config is matched to a constructor — the same rewrites Keras 3's legacy loader makes.
/// </summary>
internal static class Keras2ConfigRules
{
    /// <summary>A rewrite of one key of one class.</summary>
    private sealed record Rule(string ClassName, string Key, Action<JsonObject> Apply);

    private static readonly Rule[] Rules =
    [
        // Keras 3 renamed LeakyReLU's alpha to negative_slope.
        new("LeakyReLU", "alpha", c => Rename(c, "alpha", "negative_slope")),
        // Keras 2 writes a built layer's axis as a one-element list of positive axes ([3]).
        new("BatchNormalization", "axis", c => SingleElementListToInt(c, "axis")),
        new("LayerNormalization", "axis", c => SingleElementListToInt(c, "axis")),
        // Keras 3 dropped Embedding's input_length; Keras 2 used it as the input shape.
        new("Embedding", "input_length", c => MoveToInputShape(c, "input_length")),
    ];

    /// <summary>An argument whose default changed in Keras 3, with the value older Keras used when the key is absent.</summary>
    private sealed record OldDefault(string ClassName, string Key, JsonNode Value, Func<Version, bool> AppliesTo);

    private static readonly OldDefault[] OldDefaults =
    [
        // Configs without reset_after were written before Keras 2.1.5 added it: they behave as reset_after=False.
        new("GRU", "reset_after", false, _ => true),
        // Keras before 2.3 defaulted the recurrent activation to hard_sigmoid (Keras 3: sigmoid).
        new("GRU", "recurrent_activation", "hard_sigmoid", v => v < new Version(2, 3)),
        new("LSTM", "recurrent_activation", "hard_sigmoid", v => v < new Version(2, 3)),
    ];

    /// <summary>
    /// A copy of a layer config with the renames applied and, for configs written by Keras 2 (<paramref name="kerasVersion"/>
    /// 2.x or older), the old defaults filled in.
    /// </summary>
    public static JsonObject Apply(string className, JsonObject config, string? kerasVersion)
    {
        var copy = (JsonObject)config.DeepClone();
        foreach (var rule in Rules)
            if (rule.ClassName == className && copy.ContainsKey(rule.Key))
                rule.Apply(copy);
        if (ParseVersion(kerasVersion) is { Major: < 3 } version)
            foreach (var d in OldDefaults)
                if (d.ClassName == className && !copy.ContainsKey(d.Key) && d.AppliesTo(version))
                    copy[d.Key] = d.Value.DeepClone();
        return copy;
    }

    /// <summary>The major version of a Keras version string; 3 (current Keras) when unknown.</summary>
    public static int MajorVersion(string? kerasVersion) => ParseVersion(kerasVersion)?.Major ?? 3;

    /// <summary>Keras 2 class names that Keras 3 only knows under another name.</summary>
    public static string CanonicalClassName(string className) => className switch
    {
        "Convolution1D" => "Conv1D",
        "Convolution2D" => "Conv2D",
        "Convolution3D" => "Conv3D",
        "Convolution2DTranspose" or "Deconvolution2D" => "Conv2DTranspose",
        "Convolution3DTranspose" or "Deconvolution3D" => "Conv3DTranspose",
        "SeparableConvolution1D" => "SeparableConv1D",
        "SeparableConvolution2D" => "SeparableConv2D",
        "DepthwiseConvolution2D" => "DepthwiseConv2D",
        "MaxPool1D" => "MaxPooling1D",
        "MaxPool2D" => "MaxPooling2D",
        "MaxPool3D" => "MaxPooling3D",
        "AvgPool1D" => "AveragePooling1D",
        "AvgPool2D" => "AveragePooling2D",
        "AvgPool3D" => "AveragePooling3D",
        "GlobalMaxPool1D" => "GlobalMaxPooling1D",
        "GlobalMaxPool2D" => "GlobalMaxPooling2D",
        "GlobalMaxPool3D" => "GlobalMaxPooling3D",
        "GlobalAvgPool1D" => "GlobalAveragePooling1D",
        "GlobalAvgPool2D" => "GlobalAveragePooling2D",
        "GlobalAvgPool3D" => "GlobalAveragePooling3D",
        _ => className,
    };

    private static Version? ParseVersion(string? text)
    {
        if (text is null) return null;
        var parts = text.Split('.', '-', '+').Take(2).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : (int?)null).ToList();
        return parts.Count == 2 && parts[0] is int major && parts[1] is int minor ? new Version(major, minor) : null;
    }

    private static void Rename(JsonObject c, string from, string to)
    {
        if (c.ContainsKey(to))
            throw new KerasNetException($"The config has both '{from}' and its Keras 3 name '{to}'.");
        var value = c[from]?.DeepClone();
        c.Remove(from);
        c[to] = value;
    }

    private static void SingleElementListToInt(JsonObject c, string key)
    {
        if (c[key] is JsonArray { Count: 1 } list) c[key] = list[0]?.DeepClone();
    }

    private static void MoveToInputShape(JsonObject c, string key)
    {
        var value = c[key]?.DeepClone();
        c.Remove(key);
        bool shapeGiven = c.ContainsKey("batch_input_shape") || c.ContainsKey("batch_shape") || c.ContainsKey("input_shape");
        if (value is not null && !shapeGiven) c["input_shape"] = new JsonArray(value);
    }
}
