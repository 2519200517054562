using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;

namespace KerasNet.Saving;

/// <summary>
/// Rebuilds a Functional model from its config (Keras <c>functional_from_config</c>): creates every layer, then
/// replays the recorded calls (inbound nodes) in layer order, postponing a call until the tensors it needs exist
/// (a layer shared at different depths), and finally picks the input and output tensors.
/// </summary>
/// <remarks>
/// Node references are <c>[layer_name, node_index, tensor_index]</c>. Keras 2 counted a built-in first node in every
/// nested model, so its list-form references to a nested model are one too high; Keras 3's dict-form references
/// are not, but its <c>input_layers</c>/<c>output_layers</c> still count that node for nested Functional models.
/// </remarks>
internal sealed partial class FunctionalConfigReader
{
    private static readonly HashSet<string> ConfigKeys = ["name", "trainable", "layers", "input_layers", "output_layers"];
    private static readonly string[] EntryOnlyKeys = ["name", "inbound_nodes"];

    private readonly Dictionary<string, Layer> _created = new(StringComparer.Ordinal);
    private readonly string _modelName;
    private readonly string? _kerasVersion;
    private bool _keras2Nodes = true;

    private FunctionalConfigReader(string modelName, string? kerasVersion)
    {
        _modelName = modelName;
        _kerasVersion = kerasVersion;
    }

    /// <summary>Builds the model of a Functional <paramref name="config"/>.</summary>
    public static Model Read(JsonObject config, string? kerasVersion)
    {
        foreach (var (k, v) in config)
            if (!ConfigKeys.Contains(k))
                throw new NotSupportedException($"Functional config: unexpected key '{k}' = {ConfigValueConverter.Text(v)}.");
        string? name = config["name"]?.GetValueKind() == JsonValueKind.String ? config["name"]!.GetValue<string>() : null;
        var reader = new FunctionalConfigReader(name ?? "functional", kerasVersion);
        var model = reader.Build(config, name);
        if (config["trainable"]?.GetValueKind() == JsonValueKind.False) model.Trainable = false;
        return model;
    }

    private Model Build(JsonObject config, string? name)
    {
        var entries = config["layers"] as JsonArray ?? throw Error("the config has no 'layers' list");
        var pending = new List<(Layer Layer, string Name, Queue<JsonNode> Nodes)>();
        foreach (var item in entries)
        {
            var entry = item as JsonObject ?? throw Error($"every layer entry must be an object, got {ConfigValueConverter.Text(item)}");
            var (layerName, layer) = CreateLayer(entry);
            var nodes = entry["inbound_nodes"] switch
            {
                JsonArray list => list.Select(n => n ?? throw Error($"layer '{layerName}' has a null inbound node")).ToList(),
                null => [],
                var other => throw Error($"the inbound_nodes of layer '{layerName}' must be a list, got {ConfigValueConverter.Text(other)}"),
            };
            if (nodes.Any(n => n is JsonObject)) _keras2Nodes = false;
            pending.Add((layer, layerName, new Queue<JsonNode>(nodes)));
        }

        // Replay the calls in layer order; a call whose inputs do not exist yet waits for the next pass.
        while (pending.Any(p => p.Nodes.Count > 0))
        {
            bool progress = false;
            foreach (var (layer, layerName, nodes) in pending)
                while (nodes.Count > 0 && TryCall(layer, layerName, nodes.Peek()))
                {
                    nodes.Dequeue();
                    progress = true;
                }
            if (!progress)
            {
                var stuck = pending.First(p => p.Nodes.Count > 0);
                throw Error($"the call of layer '{stuck.Name}' needs a tensor that no layer call produces ({ConfigValueConverter.Text(stuck.Nodes.Peek())})");
            }
        }

        var (inputs, inputNames) = Tensors(config["input_layers"], "input_layers");
        var (outputs, outputNames) = Tensors(config["output_layers"], "output_layers");
        if (inputNames is null && outputNames is null) return new Model(inputs, outputs, name);
        var inputsByName = Named(inputs, inputNames);
        var outputsByName = Named(outputs, outputNames);
        return new Model(inputsByName, outputsByName, name);
    }

    private (string Name, Layer Layer) CreateLayer(JsonObject entry)
    {
        var layerEntry = (JsonObject)entry.DeepClone();
        foreach (var key in EntryOnlyKeys) layerEntry.Remove(key);
        string? entryName = entry["name"]?.GetValueKind() == JsonValueKind.String ? entry["name"]!.GetValue<string>() : null;
        if (layerEntry["config"] is JsonArray sequentialLayers && entryName is not null)
            layerEntry["config"] = new JsonObject { ["name"] = entryName, ["layers"] = sequentialLayers.DeepClone() }; // Keras 2 kept a nested Sequential's name outside its list config
        var layer = LayerDeserializer.FromEntry(layerEntry, _kerasVersion);
        var name = entryName ?? layer.Name;
        if (!_created.TryAdd(name, layer))
            throw Error($"two layer entries are named '{name}'");
        return (name, layer);
    }

    /// <summary>The tensor a <c>[layer_name, node_index, tensor_index]</c> reference names, or null when not created yet.</summary>
    private KerasTensor? Tensor(JsonArray reference, string consumer, bool nestedModelOffset)
    {
        string producer = reference[0]?.GetValueKind() == JsonValueKind.String ? reference[0]!.GetValue<string>()
            : throw Error($"layer '{consumer}': bad tensor reference {ConfigValueConverter.Text(reference)}");
        int nodeIndex = Index(reference[1], reference, consumer);
        int tensorIndex = Index(reference[2], reference, consumer);
        if (!_created.TryGetValue(producer, out var layer))
            throw Error($"layer '{consumer}' refers to the unknown layer '{producer}'");
        if (nestedModelOffset && layer is Model) nodeIndex--;
        if (nodeIndex < 0) throw Error($"layer '{consumer}' refers to a call of '{producer}' that cannot exist ({ConfigValueConverter.Text(reference)})");
        if (nodeIndex >= layer.InboundNodes.Count) return null;
        var outputs = layer.InboundNodes[nodeIndex].Outputs;
        return tensorIndex < outputs.Count ? outputs[tensorIndex]
            : throw Error($"layer '{consumer}' refers to output {tensorIndex} of '{producer}', which has {outputs.Count} outputs");
    }

    private int Index(JsonNode? node, JsonArray reference, string consumer) =>
        node?.GetValueKind() == JsonValueKind.Number && int.TryParse(node.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            ? i
            : throw Error($"layer '{consumer}': bad tensor reference {ConfigValueConverter.Text(reference)}");

    /// <summary>The tensors of <c>input_layers</c>/<c>output_layers</c>: one reference, a list of them, or a dict (names returned).</summary>
    private (List<KerasTensor> Tensors, List<string>? Names) Tensors(JsonNode? spec, string key)
    {
        switch (spec)
        {
            case JsonArray single when single.Count > 0 && single[0]?.GetValueKind() == JsonValueKind.String:
                return ([ModelTensor(single, key)], null);
            case JsonArray list when list.Count > 0:
                return (list.Select(r => r is JsonArray a ? ModelTensor(a, key) : throw Error($"'{key}' holds {ConfigValueConverter.Text(r)}, not a [layer_name, node_index, tensor_index] reference")).ToList(), null);
            case JsonObject byName when byName.Count > 0:
                var names = byName.Select(p => p.Key).Order(StringComparer.Ordinal).ToList(); // Keras flattens dicts by sorted key
                return (names.Select(n => byName[n] is JsonArray a ? ModelTensor(a, key) : throw Error($"'{key}' entry '{n}' is not a reference")).ToList(), names);
            default:
                throw Error($"'{key}' must list the model's {(key == "input_layers" ? "inputs" : "outputs")}, got {ConfigValueConverter.Text(spec)}");
        }
    }

    private KerasTensor ModelTensor(JsonArray reference, string key)
    {
        if (reference.Count != 3) throw Error($"'{key}' holds {ConfigValueConverter.Text(reference)}, not a [layer_name, node_index, tensor_index] reference");
        var producer = reference[0]?.GetValueKind() == JsonValueKind.String ? reference[0]!.GetValue<string>() : null;
        bool offset = producer is not null && _created.TryGetValue(producer, out var layer) && layer is Model && (_keras2Nodes || layer is not Sequential);
        return Tensor(reference, key, offset) ?? throw Error($"'{key}' refers to a call of '{producer}' that the config never makes ({ConfigValueConverter.Text(reference)})");
    }

    private static Dictionary<string, KerasTensor> Named(List<KerasTensor> tensors, List<string>? names) =>
        names is null
            ? tensors.Select((t, i) => (Name: t.Layer.Name, Tensor: t)).ToDictionary(p => p.Name, p => p.Tensor)
            : names.Zip(tensors).ToDictionary(p => p.First, p => p.Second);

    private KerasNetException Error(string what) => new($"Model '{_modelName}': {what}.");
}
