using System.Text.Json;
using System.Text.Json.Nodes;
using KerasNet.Activations;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;

namespace KerasNet.Saving;

/// <summary>
/// Reads the Keras objects nested in layer configs: activations, initializers, regularizers and constraints,
/// written as a string (<c>"he_normal"</c>), a Keras 2 dict (<c>{"class_name", "config"}</c>) or a Keras 3 dict
/// (<c>{"module", "class_name", "config", "registered_name"}</c>).
/// </summary>
internal static class KerasObjects
{
    private static readonly Lazy<KerasClassIndex> InitializerTypes = new(() => new(typeof(Initializer)));
    private static readonly Lazy<KerasClassIndex> RegularizerTypes = new(() => new(typeof(Regularizer)));
    private static readonly Lazy<KerasClassIndex> ConstraintTypes = new(() => new(typeof(Constraint)));

    private static readonly HashSet<string> SerializedObjectKeys = ["module", "class_name", "config", "registered_name", "build_config"];

    /// <summary>An activation: a name, or Keras 3's <c>{"class_name": "function", "config": name}</c>.</summary>
    public static ActivationFunction Activation(JsonNode node, string owner, string key)
    {
        if (node.GetValueKind() == JsonValueKind.String) return Activations.Activations.Get(node.GetValue<string>());
        if (node is JsonObject o && o["class_name"]?.GetValueKind() == JsonValueKind.String)
        {
            CheckKeys(o, owner, key);
            if (o["class_name"]!.GetValue<string>() == "function" && o["config"]?.GetValueKind() == JsonValueKind.String)
                return Activations.Activations.Get(o["config"]!.GetValue<string>());
            throw new NotSupportedException($"{owner}: config key '{key}' = {ConfigValueConverter.Text(node)}: only built-in activation functions are supported as activations.");
        }
        throw new KerasNetException($"{owner}: config key '{key}' must be an activation name, got {ConfigValueConverter.Text(node)}.");
    }

    /// <summary>An initializer by name (<see cref="Initializers.Initializers.Get"/>) or serialized with its arguments.</summary>
    public static Initializer Initializer(JsonNode node, string owner, string key) =>
        node.GetValueKind() == JsonValueKind.String
            ? Initializers.Initializers.Get(node.GetValue<string>())
            : (Initializer)Serialized(node, InitializerTypes.Value, "initializer", owner, key);

    /// <summary>A regularizer by identifier (<c>"l2"</c>) or serialized with its arguments.</summary>
    public static Regularizer Regularizer(JsonNode node, string owner, string key) =>
        (Regularizer)ByNameOrSerialized(node, RegularizerTypes.Value, "regularizer", owner, key);

    /// <summary>A constraint by identifier (<c>"max_norm"</c>) or serialized with its arguments.</summary>
    public static Constraint Constraint(JsonNode node, string owner, string key) =>
        (Constraint)ByNameOrSerialized(node, ConstraintTypes.Value, "constraint", owner, key);

    private static object ByNameOrSerialized(JsonNode node, KerasClassIndex index, string kind, string owner, string key)
    {
        if (node.GetValueKind() != JsonValueKind.String) return Serialized(node, index, kind, owner, key);
        var name = node.GetValue<string>();
        var type = index.FindLoose(name) ?? throw Unknown(index, kind, name, owner, key);
        return ConstructorBinder.Create(type, [], $"{owner}, {kind} '{name}'", null);
    }

    private static object Serialized(JsonNode node, KerasClassIndex index, string kind, string owner, string key)
    {
        if (node is not JsonObject o || o["class_name"]?.GetValueKind() != JsonValueKind.String)
            throw new KerasNetException($"{owner}: config key '{key}' must be a {kind} name or {{\"class_name\": …, \"config\": {{…}}}}, got {ConfigValueConverter.Text(node)}.");
        CheckKeys(o, owner, key);
        var className = o["class_name"]!.GetValue<string>();
        var type = index.Find(className) ?? throw Unknown(index, kind, className, owner, key);
        var config = o["config"] switch
        {
            null => new JsonObject(),
            JsonObject c => Keras2ConfigRules.ApplyToObject(className, c),
            var other => throw new KerasNetException($"{owner}: the config of {kind} '{className}' in '{key}' must be an object, got {ConfigValueConverter.Text(other)}."),
        };
        return ConstructorBinder.Create(type, [.. config], $"{owner}, {kind} '{className}'", null);
    }

    private static void CheckKeys(JsonObject o, string owner, string key)
    {
        foreach (var (k, v) in o)
            if (!SerializedObjectKeys.Contains(k))
                throw new NotSupportedException($"{owner}: config key '{key}' has an unexpected entry '{k}' = {ConfigValueConverter.Text(v)}.");
    }

    private static NotSupportedException Unknown(KerasClassIndex index, string kind, string name, string owner, string key) =>
        new($"{owner}: config key '{key}' names the {kind} '{name}', which KerasNet does not have. Known: {string.Join(", ", index.Names)}.");
}
