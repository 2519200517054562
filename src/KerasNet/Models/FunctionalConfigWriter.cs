using System.Text.Json.Nodes;
using KerasNet.Layers;

namespace KerasNet.Models;

/// <summary>
/// Writes a Functional model's config as Keras 3 does (<c>Functional.get_config</c>): every layer with its inbound nodes in
/// Keras 3's form, one <c>{"args": [inputs], "kwargs": {…}}</c> per call, in which each tensor is written as
/// <c>{"class_name": "__keras_tensor__", "config": {"shape", "dtype", "keras_history": [layer_name, node_index, tensor_index]}}</c>
/// — the inputs (one tensor, or the list) and the tensors of keyword arguments alike.
/// </summary>
/// <remarks>
/// Only the calls that belong to this model are written, and node indices count only those calls, so a layer also used
/// elsewhere is numbered as if this model were its only user. In <c>input_layers</c>/<c>output_layers</c> a nested
/// Functional model's calls are counted from 1, as Keras counts the node that links a model's own inputs to its outputs first.
/// </remarks>
internal static class FunctionalConfigWriter
{
    public static JsonObject Write(Model model, FunctionalGraph graph)
    {
        var layers = new JsonArray();
        foreach (var layer in graph.Layers)
        {
            var calls = new JsonArray();
            foreach (var node in OwnNodes(layer, graph))
                if (node.Inputs.Count > 0) calls.Add(NodeData(model, node, graph));
            layers.Add(new JsonObject
            {
                ["class_name"] = layer.ClassName,
                ["config"] = layer.GetConfig(),
                ["name"] = layer.Name,
                ["inbound_nodes"] = calls,
            });
        }
        return new JsonObject
        {
            ["name"] = model.Name,
            ["trainable"] = model.Trainable,
            ["layers"] = layers,
            ["input_layers"] = References(graph.Inputs, model.InputNames, graph, model, "input"),
            ["output_layers"] = References(graph.Outputs, model.OutputNames, graph, model, "output"),
        };
    }

    private static IEnumerable<Node> OwnNodes(Layer layer, FunctionalGraph graph) => layer.InboundNodes.Where(graph.NodeSet.Contains);

    /// <summary>Keras's <c>serialize_node</c>: the inputs as the one positional argument, the keyword arguments with their tensors.</summary>
    private static JsonObject NodeData(Model model, Node node, FunctionalGraph graph)
    {
        JsonNode inputs = node.Inputs.Count == 1 ? TensorData(node.Inputs[0], graph) : new JsonArray([.. node.Inputs.Select(t => (JsonNode)TensorData(t, graph))]);
        var kwargs = new JsonObject();
        foreach (var (key, value) in node.Arguments) kwargs[key] = ArgumentData(model, node, key, value, graph);
        return new JsonObject { ["args"] = new JsonArray(inputs), ["kwargs"] = kwargs };
    }

    /// <summary>A tensor as Keras serializes a <c>KerasTensor</c> inside a node.</summary>
    private static JsonObject TensorData(KerasTensor tensor, FunctionalGraph graph) => new()
    {
        ["class_name"] = "__keras_tensor__",
        ["config"] = new JsonObject
        {
            ["shape"] = new JsonArray([.. tensor.Shape.Select(d => (JsonNode?)(d is long v ? JsonValue.Create(v) : null))]),
            ["dtype"] = tensor.DType.ToString().ToLowerInvariant(),
            ["keras_history"] = new JsonArray(tensor.Layer.Name, NodeIndex(tensor, graph), tensor.TensorIndex),
        },
    };

    /// <summary>The index of the node that produced <paramref name="tensor"/>, counted among this model's calls.</summary>
    private static int NodeIndex(KerasTensor tensor, FunctionalGraph graph) =>
        OwnNodes(tensor.Layer, graph).TakeWhile(n => !ReferenceEquals(n, tensor.Node)).Count();

    /// <summary>
    /// The model's inputs or outputs as a list of <c>[layer_name, node_index, tensor_index]</c> references, or as a dict by
    /// name when the model names them differently from their layers (Keras orders such names alphabetically, so they must be
    /// in that order).
    /// </summary>
    private static JsonNode References(IReadOnlyList<KerasTensor> tensors, IReadOnlyList<string> names, FunctionalGraph graph, Model model, string kind)
    {
        JsonArray Reference(KerasTensor t) =>
            [t.Layer.Name, NodeIndex(t, graph) + (t.Layer is Model { IsFunctional: true } and not Sequential ? 1 : 0), t.TensorIndex];
        bool named = tensors.Select((t, i) => t.Layer.Name != names[i]).Any(differs => differs);
        if (!named) return new JsonArray([.. tensors.Select(t => (JsonNode)Reference(t))]);
        if (!names.SequenceEqual(names.Order(StringComparer.Ordinal)))
            throw new NotSupportedException($"Model '{model.Name}': its {kind}s are named [{string.Join(", ", names)}], which is not alphabetical order; a Keras config orders named {kind}s alphabetically, so this order cannot be written.");
        var byName = new JsonObject();
        for (int i = 0; i < tensors.Count; i++) byName[names[i]] = Reference(tensors[i]);
        return byName;
    }

    /// <summary>A keyword argument: tensors as in <see cref="TensorData"/>, lists of them, or a plain value.</summary>
    private static JsonNode? ArgumentData(Model model, Node node, string key, object? value, FunctionalGraph graph) => value switch
    {
        null => null,
        KerasTensor tensor => TensorData(tensor, graph),
        IReadOnlyList<KerasTensor?> tensors => new JsonArray([.. tensors.Select(t => t is null ? null : (JsonNode)TensorData(t, graph))]),
        bool b => b,
        int i => i,
        long l => l,
        float f => f,
        double d => d,
        string s => s,
        JsonNode json => json.DeepClone(),
        _ => throw new NotSupportedException($"Model '{model.Name}': layer '{node.Layer.Name}' is called with the argument '{key}' of type {value.GetType().Name}, which a config cannot hold (tensors, booleans, numbers, strings and JSON only)."),
    };
}
