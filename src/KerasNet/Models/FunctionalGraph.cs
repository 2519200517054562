using KerasNet.Layers;
using static TorchSharp.torch;

namespace KerasNet.Models;

/// <summary>
/// The directed acyclic graph of layer calls between a Functional model's inputs and outputs, in
/// topological order, validated when the model is built (disconnected outputs, cycles, duplicate names).
/// Runs without recursion, so depth is unlimited.
/// </summary>
internal sealed class FunctionalGraph
{
    public FunctionalGraph(string modelName, IReadOnlyList<KerasTensor> inputs, IReadOnlyList<KerasTensor> outputs)
    {
        foreach (var t in inputs)
            if (t.Layer is not InputLayer)
                throw new KerasNetException($"Model '{modelName}': every input must come from Input(); '{t.Name}' was produced by layer '{t.Layer.Name}' ({t.Layer.ClassName}).");
        if (inputs.Distinct().Count() != inputs.Count)
            throw new KerasNetException($"Model '{modelName}': the same input tensor is listed twice.");
        Inputs = inputs;
        Outputs = outputs;
        Nodes = TopologicalOrder(modelName, outputs);
        CheckConnected(modelName);
        Layers = Nodes.Select(n => n.Layer).Distinct().ToList();
        var duplicate = Layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new KerasNetException($"Model '{modelName}': the layer name '{duplicate.Key}' is used by {duplicate.Count()} different layers ({string.Join(", ", duplicate.Select(l => l.ClassName))}); layer names must be unique.");
    }

    public IReadOnlyList<KerasTensor> Inputs { get; }
    public IReadOnlyList<KerasTensor> Outputs { get; }
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>Layers in topological order, input layers included (Keras's <c>model.layers</c>).</summary>
    public IReadOnlyList<Layer> Layers { get; }

    private static List<Node> TopologicalOrder(string modelName, IReadOnlyList<KerasTensor> outputs)
    {
        // Iterative depth-first search with colouring; a grey node reached again is a cycle.
        var order = new List<Node>();
        var state = new Dictionary<Node, bool>(ReferenceEqualityComparer.Instance); // false = on stack, true = done
        var stack = new Stack<(Node Node, int Next)>();
        foreach (var output in outputs)
        {
            if (state.ContainsKey(output.Node)) continue;
            stack.Push((output.Node, 0));
            state[output.Node] = false;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Inputs.Count)
                {
                    stack.Push((node, next + 1));
                    var parent = node.Inputs[next].Node;
                    if (state.TryGetValue(parent, out bool done))
                    {
                        if (!done) throw new KerasNetException($"Model '{modelName}': the graph has a cycle through layer '{parent.Layer.Name}'.");
                        continue;
                    }
                    state[parent] = false;
                    stack.Push((parent, 0));
                }
                else
                {
                    state[node] = true;
                    order.Add(node);
                }
            }
        }
        return order;
    }

    private void CheckConnected(string modelName)
    {
        var available = new HashSet<KerasTensor>(Inputs, ReferenceEqualityComparer.Instance);
        var reached = new List<string>();
        foreach (var node in Nodes)
        {
            if (node.Layer is InputLayer)
            {
                if (!node.Outputs.All(available.Contains))
                    throw new KerasNetException(
                        $"Model '{modelName}': graph disconnected: cannot obtain the value of input '{node.Layer.Name}' ({node.Outputs[0].Shape}), " +
                        $"which the outputs depend on, because it is not among the model's inputs [{string.Join(", ", Inputs.Select(i => i.Layer.Name))}]. " +
                        $"Layers reached without issue: [{string.Join(", ", reached)}].");
            }
            else
            {
                foreach (var t in node.Inputs)
                    if (!available.Contains(t))
                        throw new KerasNetException($"Model '{modelName}': graph disconnected: no value for '{t.Name}' needed by layer '{node.Layer.Name}'.");
                foreach (var t in node.Outputs) available.Add(t);
            }
            reached.Add(node.Layer.Name);
        }
    }

    /// <summary>Runs the graph on data; returns the outputs and their masks.</summary>
    public (IReadOnlyList<Tensor> Outputs, IReadOnlyList<Tensor?> Masks) Run(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? inputMasks, bool training)
    {
        var values = new Dictionary<KerasTensor, (Tensor Value, Tensor? Mask)>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < Inputs.Count; i++) values[Inputs[i]] = (inputs[i], inputMasks?[i]);
        foreach (var node in Nodes)
        {
            if (node.Layer is InputLayer) continue;
            var args = node.Inputs.Select(t => values[t]).ToList();
            var xs = args.Select(a => a.Value).ToList();
            var masks = args.Any(a => a.Mask is not null) ? args.Select(a => a.Mask).ToList() : null;
            var outs = node.Layer.Call(xs, new CallContext(training, masks, node.Arguments));
            var outMasks = node.Layer.ComputeMask(xs, masks);
            for (int i = 0; i < node.Outputs.Count; i++)
                values[node.Outputs[i]] = (outs[i], outMasks is { } m && i < m.Count ? m[i] : null);
        }
        return (Outputs.Select(o => values[o].Value).ToList(), Outputs.Select(o => values[o].Mask).ToList());
    }
}
