using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KerasNet.Layers;

namespace KerasNet.Saving;

/// <summary>Reading one inbound node — a recorded layer call — in Keras 2's list form or Keras 3's <c>{"args", "kwargs"}</c> form.</summary>
internal sealed partial class FunctionalConfigReader
{
    /// <summary>Records one call of <paramref name="layer"/>, or returns false when a tensor it needs does not exist yet.</summary>
    private bool TryCall(Layer layer, string layerName, JsonNode nodeData)
    {
        bool missing = false;
        var (inputs, arguments) = nodeData switch
        {
            JsonArray references => Keras2Call(references, layerName, ref missing),
            JsonObject node => Keras3Call(layer, node, layerName, ref missing),
            _ => throw Error($"layer '{layerName}': an inbound node must be a list (Keras 2) or an object (Keras 3), got {ConfigValueConverter.Text(nodeData)}"),
        };
        if (missing) return false;
        layer.ApplyMulti(inputs, arguments);
        return true;
    }

    /// <summary>
    /// Keras 2: <c>[[layer_name, node_index, tensor_index, kwargs], …]</c>, one reference per input, each carrying the call's
    /// keyword arguments, in which a tensor is itself a <c>[layer_name, node_index, tensor_index]</c> reference (Keras 2's
    /// <c>MultiHeadAttention</c> passes its <c>value</c> so).
    /// </summary>
    private (List<KerasTensor>, Dictionary<string, object?>) Keras2Call(JsonArray references, string layerName, ref bool missing)
    {
        if (references.Count == 0) throw Error($"layer '{layerName}' has an inbound node without inputs");
        var inputs = new List<KerasTensor>();
        JsonObject? kwargs = null;
        foreach (var reference in references)
        {
            if (reference is not JsonArray r || r.Count is < 3 or > 4)
                throw Error($"layer '{layerName}': an inbound reference must be [layer_name, node_index, tensor_index, kwargs], got {ConfigValueConverter.Text(reference)}");
            AddTensor(Tensor(r, layerName, nestedModelOffset: true), inputs, ref missing);
            if (r.Count == 4) kwargs = r[3] as JsonObject ?? (r[3] is null ? null : throw Error($"layer '{layerName}': call arguments must be an object, got {ConfigValueConverter.Text(r[3])}"));
        }
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in kwargs ?? [])
        {
            if (IsKeras2Reference(value))
                arguments[name] = Found(Tensor((JsonArray)value!, layerName, nestedModelOffset: true), ref missing);
            else if (value is JsonArray { Count: > 0 } list && list.All(IsKeras2Reference))
            {
                var tensors = new List<KerasTensor>();
                foreach (var item in list) AddTensor(Tensor((JsonArray)item!, layerName, nestedModelOffset: true), tensors, ref missing);
                arguments[name] = tensors.ToArray();
            }
            else arguments[name] = PlainValue(value);
        }
        return (inputs, arguments);
    }

    private static bool IsKeras2Reference(JsonNode? node) =>
        node is JsonArray { Count: 3 } r && r[0]?.GetValueKind() == JsonValueKind.String
        && r[1]?.GetValueKind() == JsonValueKind.Number && r[2]?.GetValueKind() == JsonValueKind.Number;

    /// <summary>
    /// Keras 3: <c>{"args": [inputs, …], "kwargs": {…}}</c> with tensors as <c>__keras_tensor__</c> objects. The first
    /// positional argument holds the inputs (one tensor or a list); further positional arguments are bound to the layer's
    /// <see cref="Layer.CallArgumentNames"/> (<c>mha(query, value)</c>), and without positional arguments the inputs come
    /// by their name.
    /// </summary>
    private (List<KerasTensor>, Dictionary<string, object?>) Keras3Call(Layer layer, JsonObject node, string layerName, ref bool missing)
    {
        foreach (var (k, v) in node)
            if (k is not ("args" or "kwargs"))
                throw new NotSupportedException($"Model '{_modelName}': layer '{layerName}' has an inbound node with the unexpected key '{k}' = {ConfigValueConverter.Text(v)}.");
        var args = node["args"] switch
        {
            JsonArray a => a,
            null => [],
            var other => throw Error($"layer '{layerName}': 'args' must be a list, got {ConfigValueConverter.Text(other)}"),
        };
        var kwargs = node["kwargs"] switch
        {
            JsonObject o => o,
            null => [],
            var other => throw Error($"layer '{layerName}': 'kwargs' must be an object, got {ConfigValueConverter.Text(other)}"),
        };
        var names = layer.CallArgumentNames;
        if (args.Count > names.Count)
            throw new NotSupportedException($"Model '{_modelName}': layer '{layerName}' ({layer.ClassName}) is called with {args.Count} positional arguments, " +
                $"but its call takes [{string.Join(", ", names)}].");
        var inputs = new List<KerasTensor>();
        var inputsData = args.Count > 0 ? args[0] : kwargs[names[0]];
        if (inputsData is null) throw Error($"layer '{layerName}' has an inbound node without input tensors");
        CollectInputs(inputsData, inputs, layerName, ref missing);
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 1; i < args.Count; i++) arguments[names[i]] = Keras3Argument(args[i], names[i], layerName, ref missing);
        foreach (var (name, value) in kwargs)
        {
            if (args.Count == 0 && name == names[0]) continue;
            if (arguments.ContainsKey(name)) throw Error($"layer '{layerName}': the argument '{name}' is given both by position and by name");
            arguments[name] = Keras3Argument(value, name, layerName, ref missing);
        }
        return (inputs, arguments);
    }

    /// <summary>Adds the tensors of the inputs argument in order (nested lists are flattened).</summary>
    private void CollectInputs(JsonNode data, List<KerasTensor> into, string layerName, ref bool missing)
    {
        if (data is JsonArray list)
        {
            foreach (var item in list)
                CollectInputs(item ?? throw Error($"layer '{layerName}' is called with a null input"), into, layerName, ref missing);
        }
        else if (data is JsonObject o && IsKerasTensor(o)) AddTensor(KerasTensorValue(o, layerName), into, ref missing);
        else throw new NotSupportedException($"Model '{_modelName}': layer '{layerName}' is called with the positional argument {ConfigValueConverter.Text(data)}; only tensors are supported as inputs.");
    }

    /// <summary>A keyword (or later positional) argument: a tensor, a list of tensors (entries may be null), or a plain value.</summary>
    private object? Keras3Argument(JsonNode? value, string name, string layerName, ref bool missing)
    {
        if (value is JsonObject o && IsKerasTensor(o)) return Found(KerasTensorValue(o, layerName), ref missing);
        if (value is JsonArray list && list.All(i => i is null || (i is JsonObject io && IsKerasTensor(io))) && list.Any(i => i is not null))
        {
            var tensors = new KerasTensor?[list.Count];
            for (int i = 0; i < list.Count; i++)
                tensors[i] = list[i] is JsonObject item ? Found(KerasTensorValue(item, layerName), ref missing) : null;
            return tensors;
        }
        if (ContainsTensor(value))
            throw new NotSupportedException($"Model '{_modelName}': layer '{layerName}' is called with the argument '{name}' = {ConfigValueConverter.Text(value)}; " +
                "tensors are supported as one tensor or a flat list of tensors.");
        return PlainValue(value);
    }

    /// <summary>The tensor a <c>__keras_tensor__</c> object names by its <c>keras_history</c>, or null when not created yet.</summary>
    private KerasTensor? KerasTensorValue(JsonObject tensor, string layerName) =>
        Tensor(tensor["config"]?["keras_history"] as JsonArray
            ?? throw Error($"layer '{layerName}': a tensor argument has no keras_history ({ConfigValueConverter.Text(tensor)})"), layerName, nestedModelOffset: false);

    private static KerasTensor? Found(KerasTensor? tensor, ref bool missing)
    {
        if (tensor is null) missing = true;
        return tensor;
    }

    private static void AddTensor(KerasTensor? tensor, List<KerasTensor> into, ref bool missing)
    {
        if (Found(tensor, ref missing) is { } t) into.Add(t);
    }

    private static bool IsKerasTensor(JsonObject o) =>
        o["class_name"]?.GetValueKind() == JsonValueKind.String && o["class_name"]!.GetValue<string>() == "__keras_tensor__";

    private static bool ContainsTensor(JsonNode? node) => node switch
    {
        JsonObject o => IsKerasTensor(o) || o.Any(p => ContainsTensor(p.Value)),
        JsonArray a => a.Any(ContainsTensor),
        _ => false,
    };

    /// <summary>A non-tensor call argument as a plain value (bool, int, long, double, string; lists and objects stay JSON).</summary>
    private static object? PlainValue(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.True => (object)true, // typed: every arm converts to JsonNode, which would win
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number when int.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) => i,
        JsonValueKind.Number when long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l,
        JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
        _ => value.DeepClone(),
    };
}
