using System.Text.Json;
using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Saving;

/// <summary>
/// Reads the Keras objects nested in layer configs — activations, initializers, regularizers and constraints — through
/// their registries, and names the layer and key when one cannot be read.
/// </summary>
internal static class KerasObjects
{
    private static readonly HashSet<string> FunctionKeys = ["module", "class_name", "config", "registered_name"];

    /// <summary>
    /// An activation: a name, or Keras 3's <c>{"class_name": "function", "config": name}</c>. Names mean what they meant
    /// in the Keras version that wrote the config (Keras 2's <c>hard_sigmoid</c> differs from Keras 3's).
    /// </summary>
    public static ActivationFunction Activation(JsonNode node, string owner, string key, string? kerasVersion)
    {
        int major = Keras2ConfigRules.MajorVersion(kerasVersion);
        if (node.GetValueKind() == JsonValueKind.String)
            return Read(() => Activations.Activations.Get(node.GetValue<string>(), major), owner, key);
        if (node is JsonObject o && o["class_name"]?.GetValueKind() == JsonValueKind.String)
        {
            foreach (var (k, v) in o)
                if (!FunctionKeys.Contains(k))
                    throw new NotSupportedException($"{owner}: config key '{key}' has an unexpected entry '{k}' = {ConfigValueConverter.Text(v)}.");
            if (o["class_name"]!.GetValue<string>() == "function" && o["config"]?.GetValueKind() == JsonValueKind.String)
                return Read(() => Activations.Activations.Get(o["config"]!.GetValue<string>(), major), owner, key);
            throw new NotSupportedException($"{owner}: config key '{key}' = {ConfigValueConverter.Text(node)}: only built-in activation functions are supported as activations.");
        }
        throw new KerasNetException($"{owner}: config key '{key}' must be an activation name, got {ConfigValueConverter.Text(node)}.");
    }

    /// <summary>An initializer: a name or a serialized initializer (Keras 2 or 3 form).</summary>
    public static Initializer Initializer(JsonNode node, string owner, string key) => Read(() => Initializers.Initializers.Deserialize(node), owner, key);

    /// <summary>A regularizer: a name or a serialized regularizer (Keras 2 or 3 form).</summary>
    public static Regularizer Regularizer(JsonNode node, string owner, string key) => Read(() => Regularizers.Regularizers.Deserialize(node), owner, key);

    /// <summary>A constraint: a name or a serialized constraint (Keras 2 or 3 form).</summary>
    public static Constraint Constraint(JsonNode node, string owner, string key) => Read(() => Constraints.Constraints.Deserialize(node), owner, key);

    private static T Read<T>(Func<T> read, string owner, string key)
    {
        try
        {
            return read();
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"{owner}, config key '{key}': {e.Message}", e);
        }
        catch (KerasNetException e)
        {
            throw new KerasNetException($"{owner}, config key '{key}': {e.Message}", e);
        }
    }
}
