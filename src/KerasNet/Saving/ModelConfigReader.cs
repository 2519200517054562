using System.Text.Json;
using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Saving;

/// <summary>
/// Builds a model from its Keras architecture config (Keras <c>model_from_json</c> / <c>model_from_config</c>):
/// <c>Sequential</c> in Keras 2's list form and the <c>{"layers": […]}</c> form, and Functional models
/// (<c>"Model"</c>/<c>"Functional"</c>) with Keras 2 or Keras 3 inbound nodes, nested models, shared layers and call
/// arguments. Weights are not part of a config: the layers start freshly initialised. A <c>compile_config</c> next
/// to the architecture is not applied (call <c>Compile</c>).
/// </summary>
public static class ModelConfigReader
{
    private static readonly HashSet<string> TopLevelKeys =
        ["class_name", "config", "keras_version", "backend", "module", "registered_name", "build_config", "compile_config"];
    private static readonly HashSet<string> SequentialKeys = ["name", "layers", "trainable", "dtype", "build_input_shape"];

    /// <summary>Builds the model described by a JSON text (<c>model.to_json()</c>, or the <c>model_config</c> of a file).</summary>
    public static Model FromJson(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new KerasNetException($"The model config is not valid JSON: {e.Message}", e);
        }
        return node is JsonObject o ? FromConfig(o) : throw new KerasNetException("The model config must be a JSON object with 'class_name' and 'config'.");
    }

    /// <summary>Builds the model described by <c>{"class_name": "Sequential"|"Model"|"Functional", "config": {…}}</c>.</summary>
    public static Model FromConfig(JsonObject modelConfig) => FromConfig(modelConfig, null);

    /// <summary>True for the class names of models (which a Functional config may also hold as layers).</summary>
    internal static bool IsModelClass(string className) => className is "Sequential" or "Model" or "Functional";

    internal static Model FromConfig(JsonObject modelConfig, string? kerasVersion)
    {
        foreach (var (k, v) in modelConfig)
            if (!TopLevelKeys.Contains(k))
                throw new NotSupportedException($"Model config: unexpected key '{k}' = {ConfigValueConverter.Text(v)}.");
        if (modelConfig["keras_version"]?.GetValueKind() == JsonValueKind.String)
            kerasVersion = modelConfig["keras_version"]!.GetValue<string>();
        var className = modelConfig["class_name"]?.GetValueKind() == JsonValueKind.String ? modelConfig["class_name"]!.GetValue<string>()
            : throw new KerasNetException("Model config: 'class_name' is missing.");
        var config = modelConfig["config"] ?? throw new KerasNetException($"Model config ({className}): 'config' is missing.");
        return className switch
        {
            "Sequential" => ReadSequential(config, modelConfig["build_config"], kerasVersion),
            "Model" or "Functional" when config is JsonObject o && o.ContainsKey("layers") => FunctionalConfigReader.Read(o, kerasVersion),
            "Model" or "Functional" => throw new NotSupportedException($"Model config ({className}): a subclassed model has no layer graph in its config and cannot be rebuilt from it."),
            _ => throw new NotSupportedException($"Model config: class '{className}' is not a model class (Sequential, Model, Functional)."),
        };
    }

    private static Sequential ReadSequential(JsonNode config, JsonNode? buildConfig, string? kerasVersion)
    {
        JsonArray? layers = config as JsonArray; // Keras 2 before 2.2.3: the config is the layer list
        string? name = null;
        bool trainable = true;
        JsonNode? buildInputShape = buildConfig?["input_shape"];
        if (config is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                if (!SequentialKeys.Contains(k))
                    throw new NotSupportedException($"Sequential config: unexpected key '{k}' = {ConfigValueConverter.Text(v)}.");
            }
            name = o["name"]?.GetValue<string>();
            layers = o["layers"] as JsonArray ?? throw new KerasNetException($"Sequential '{name}': the config has no 'layers' list.");
            trainable = o["trainable"]?.GetValueKind() != JsonValueKind.False;
            if (o["dtype"] is { } dtype && !IsFloat32(dtype))
                throw new NotSupportedException($"Sequential '{name}': dtype {ConfigValueConverter.Text(dtype)} is not supported (float32 only).");
            buildInputShape = o["build_input_shape"] ?? buildInputShape;
        }
        if (layers is null) throw new KerasNetException("Sequential config must be a list of layers or an object with 'layers'.");

        var model = new Sequential(layers.Select(entry => entry is JsonObject e
            ? LayerDeserializer.FromEntry(e, kerasVersion)
            : throw new KerasNetException($"Sequential '{name}': every layer entry must be an object, got {ConfigValueConverter.Text(entry)}.")).ToList(), name);
        if (!model.IsFunctional && buildInputShape is JsonArray shape)
            model.EnsureBuilt(new Shape(shape.Select(d => d is null ? null : (long?)d.GetValue<long>())));
        if (!trainable) model.Trainable = false;
        return model;
    }

    private static bool IsFloat32(JsonNode dtype) =>
        dtype.GetValueKind() == JsonValueKind.String ? dtype.GetValue<string>() == "float32"
        : dtype["config"]?["name"]?.GetValueKind() == JsonValueKind.String && dtype["config"]!["name"]!.GetValue<string>() == "float32";
}
