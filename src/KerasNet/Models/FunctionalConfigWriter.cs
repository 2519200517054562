using System.Text.Json.Nodes;
using KerasNet.Layers;

namespace KerasNet.Models;

/// <summary>
/// Writes a Functional model's config as Keras does (<c>Functional.get_config</c>), with inbound nodes in Keras 2's
/// list form: each call is a list of <c>[layer_name, node_index, tensor_index, kwargs]</c> references.
/// </summary>
/// <remarks>
/// Only the calls that belong to this model are written, and node indices count only those calls, so a layer also
/// used elsewhere is numbered as if this model were its only user. A nested model's calls are counted from 1, as
/// Keras counts the node that links a model's own inputs to its outputs first.
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
                if (node.Inputs.Count > 0) calls.Add(Call(model, node, graph));
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

    /// <summary>One call: a reference per input tensor, each carrying the call's non-tensor arguments.</summary>
    private static JsonArray Call(Model model, Node node, FunctionalGraph graph)
    {
        var call = new JsonArray();
        foreach (var input in node.Inputs)
        {
            var reference = Reference(input, graph);
            reference.Add(Arguments(model, node));
            call.Add(reference);
        }
        return call;
    }

    /// <summary><c>[layer_name, node_index, tensor_index]</c> with the node index counted among this model's calls.</summary>
    private static JsonArray Reference(KerasTensor tensor, FunctionalGraph graph)
    {
        var producer = tensor.Layer;
        int index = OwnNodes(producer, graph).TakeWhile(n => !ReferenceEquals(n, tensor.Node)).Count();
        if (producer is Model) index++;
        return [producer.Name, index, tensor.TensorIndex];
    }

    /// <summary>
    /// The model's inputs or outputs as a list of references, or as a dict by name when the model names them
    /// differently from their layers (Keras orders such names alphabetically, so they must be in that order).
    /// </summary>
    private static JsonNode References(IReadOnlyList<KerasTensor> tensors, IReadOnlyList<string> names, FunctionalGraph graph, Model model, string kind)
    {
        bool named = tensors.Select((t, i) => t.Layer.Name != names[i]).Any(differs => differs);
        if (!named) return new JsonArray([.. tensors.Select(t => (JsonNode)Reference(t, graph))]);
        if (!names.SequenceEqual(names.Order(StringComparer.Ordinal)))
            throw new NotSupportedException($"Model '{model.Name}': its {kind}s are named [{string.Join(", ", names)}], which is not alphabetical order; a Keras config orders named {kind}s alphabetically, so this order cannot be written.");
        var byName = new JsonObject();
        for (int i = 0; i < tensors.Count; i++) byName[names[i]] = Reference(tensors[i], graph);
        return byName;
    }

    private static JsonObject Arguments(Model model, Node node)
    {
        var kwargs = new JsonObject();
        foreach (var (key, value) in node.Arguments)
            kwargs[key] = value switch
            {
                null => null,
                bool b => b,
                int i => i,
                long l => l,
                float f => f,
                double d => d,
                string s => s,
                JsonNode json => json.DeepClone(),
                _ => throw new NotSupportedException($"Model '{model.Name}': layer '{node.Layer.Name}' is called with the argument '{key}' of type {value.GetType().Name}, which a config cannot hold (booleans, numbers, strings and JSON only)."),
            };
        return kwargs;
    }
}
