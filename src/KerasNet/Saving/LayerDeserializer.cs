using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using KerasNet.Layers;

namespace KerasNet.Saving;

/// <summary>
/// Builds a layer from its Keras config (Keras <c>deserialize</c>/<c>from_config</c>): a layer type's own
/// <c>public static Layer FromConfig(JsonObject)</c> when it has one, otherwise the config's keys matched by name to
/// the constructor's parameters (<c>kernel_size</c> → <c>kernelSize</c>) and converted to their types. Keys Keras
/// handles for every layer (<c>name</c>, <c>trainable</c>, <c>dtype</c>, <c>batch_input_shape</c>/<c>batch_shape</c>,
/// <c>input_shape</c>, <c>input_dim</c>) are handled here; Keras 2 configs are translated first
/// (<see cref="Keras2ConfigRules"/>). A key KerasNet cannot honour fails with <see cref="NotSupportedException"/>.
/// </summary>
public static class LayerDeserializer
{
    private static readonly HashSet<string> EntryKeys = ["class_name", "config", "module", "registered_name", "build_config"];
    private static readonly HashSet<string> DTypePolicyClasses = ["DTypePolicy", "FloatDTypePolicy", "Policy"];

    /// <summary>Builds the layer of Keras class <paramref name="className"/> from its <paramref name="config"/>.</summary>
    public static Layer FromConfig(string className, JsonObject config) => FromConfig(className, config, null);

    /// <summary>
    /// Builds a layer from a config written by Keras <paramref name="kerasVersion"/> (e.g. <c>"2.1.2"</c>); for
    /// Keras 2 configs the defaults that changed in Keras 3 are taken as Keras 2 had them.
    /// </summary>
    public static Layer FromConfig(string className, JsonObject config, string? kerasVersion)
    {
        className = Keras2ConfigRules.CanonicalClassName(className);
        if (ModelConfigReader.IsModelClass(className))
            return ModelConfigReader.FromConfig(new JsonObject { ["class_name"] = className, ["config"] = config.DeepClone() }, kerasVersion);
        var owner = Owner(className, config);
        var (factory, type) = LayerRegistry.Find(className);
        if (factory is null && type is null)
            throw new NotSupportedException($"{owner}: unknown layer class '{className}'. Register custom layers with LayerRegistry.Register. Known: {string.Join(", ", LayerRegistry.Names)}.");
        var translated = Keras2ConfigRules.Apply(className, config, kerasVersion);
        if (factory is not null) return factory(translated);
        var fromConfig = type!.GetMethod("FromConfig", BindingFlags.Public | BindingFlags.Static, [typeof(JsonObject)]);
        if (fromConfig is not null && typeof(Layer).IsAssignableFrom(fromConfig.ReturnType))
            return (Layer)Invoke(() => fromConfig.Invoke(null, [translated]))!;
        return Bind(type, translated, owner, kerasVersion);
    }

    /// <summary>
    /// Builds a layer from a serialized entry: <c>{"class_name", "config"}</c> (Keras 2) or
    /// <c>{"module", "class_name", "config", "registered_name", "build_config"}</c> (Keras 3). A <c>build_config</c> builds
    /// the layer for the shapes it names (<see cref="Layer.BuildFromConfig"/>), as Keras does before loading weights.
    /// </summary>
    internal static Layer FromEntry(JsonObject entry, string? kerasVersion)
    {
        foreach (var (k, v) in entry)
            if (!EntryKeys.Contains(k))
                throw new NotSupportedException($"Layer entry {Describe(entry)}: unexpected key '{k}' = {ConfigValueConverter.Text(v)}.");
        var className = entry["class_name"]?.GetValueKind() == JsonValueKind.String ? entry["class_name"]!.GetValue<string>()
            : throw new KerasNetException($"Layer entry {Describe(entry)} has no class_name.");
        if (ModelConfigReader.IsModelClass(Keras2ConfigRules.CanonicalClassName(className)))
            return ModelConfigReader.FromConfig(entry, kerasVersion);
        if (entry["registered_name"]?.GetValueKind() == JsonValueKind.String
            && entry["registered_name"]!.GetValue<string>() is var registered && registered != className && LayerRegistry.Contains(registered))
            className = registered;
        var config = entry["config"] as JsonObject ?? throw new KerasNetException($"Layer entry {Describe(entry)}: 'config' must be an object.");
        var layer = FromConfig(className, config, kerasVersion);
        switch (entry["build_config"])
        {
            case JsonObject buildConfig:
                layer.BuildFromConfig(buildConfig);
                break;
            case { } other:
                throw new KerasNetException($"Layer '{layer.Name}' ({className}): build_config must be an object, got {ConfigValueConverter.Text(other)}.");
        }
        return layer;
    }

    /// <summary>Runs reflection, rethrowing what the invoked code threw (not the reflection wrapper).</summary>
    internal static object? Invoke(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static Layer Bind(Type type, JsonObject config, string owner, string? kerasVersion)
    {
        var arguments = new List<KeyValuePair<string, JsonNode?>>();
        bool? trainable = null;
        bool shapeGiven = config.ContainsKey("batch_input_shape") || config.ContainsKey("batch_shape") || config.ContainsKey("input_shape");
        foreach (var (key, value) in config)
        {
            switch (key)
            {
                case "dtype":
                    var dtype = DTypeName(value, owner);
                    if (ConstructorBinder.HasParameter(type, "dtype")) arguments.Add(new(key, dtype));
                    else if (dtype != "float32")
                        throw new NotSupportedException($"{owner}: dtype '{dtype}' is not supported (float32 only).");
                    break;
                case "trainable" when !ConstructorBinder.HasParameter(type, "trainable"):
                    trainable = value?.GetValueKind() switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw new KerasNetException($"{owner}: config key 'trainable' must be true or false, got {ConfigValueConverter.Text(value)}."),
                    };
                    break;
                case "batch_input_shape" or "batch_shape" when !ConstructorBinder.HasParameter(type, "batch_shape"):
                    if (value is not JsonArray { Count: > 0 } batchShape)
                        throw new KerasNetException($"{owner}: config key '{key}' must be a shape list, got {ConfigValueConverter.Text(value)}.");
                    arguments.Add(new("input_shape", new JsonArray(batchShape.Skip(1).Select(d => d?.DeepClone()).ToArray())));
                    if (batchShape[0] is not null) arguments.Add(new("batch_size", batchShape[0]!.DeepClone()));
                    break;
                case "batch_input_shape":
                    arguments.Add(new("batch_shape", value?.DeepClone()));
                    break;
                case "input_dim" when !ConstructorBinder.HasParameter(type, "input_dim") && !shapeGiven:
                    arguments.Add(new("input_shape", new JsonArray(value?.DeepClone())));
                    break;
                default:
                    arguments.Add(new(key, value?.DeepClone()));
                    break;
            }
        }
        var layer = (Layer)ConstructorBinder.Create(type, arguments, owner, HarmlessConfigKeys.Contains, kerasVersion);
        if (trainable is bool t && layer.Trainable != t) layer.Trainable = t;
        return layer;
    }

    /// <summary>The dtype a config names: a string, or Keras 3's <c>DTypePolicy</c> dict.</summary>
    private static string DTypeName(JsonNode? value, string owner)
    {
        if (value?.GetValueKind() == JsonValueKind.String) return value.GetValue<string>();
        if (value is JsonObject policy && policy["class_name"]?.GetValueKind() == JsonValueKind.String
            && DTypePolicyClasses.Contains(policy["class_name"]!.GetValue<string>())
            && policy["config"]?["name"]?.GetValueKind() == JsonValueKind.String)
            return policy["config"]!["name"]!.GetValue<string>();
        throw new NotSupportedException($"{owner}: dtype {ConfigValueConverter.Text(value)} is not supported (float32 only).");
    }

    private static string Owner(string className, JsonObject config) =>
        config["name"]?.GetValueKind() == JsonValueKind.String ? $"Layer '{config["name"]!.GetValue<string>()}' ({className})" : $"Layer ({className})";

    private static string Describe(JsonObject entry)
    {
        var text = entry.ToJsonString();
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
