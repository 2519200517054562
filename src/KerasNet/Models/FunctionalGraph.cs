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
        var (nodes, traversalIndex) = TopologicalOrder(modelName, outputs);
        Nodes = nodes;
        NodeSet = new HashSet<Node>(nodes, ReferenceEqualityComparer.Instance);
        CheckConnected(modelName);
        Layers = KerasLayerOrder(nodes, traversalIndex, inputs);
        var duplicate = Layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new KerasNetException($"Model '{modelName}': the layer name '{duplicate.Key}' is used by {duplicate.Count()} different layers ({string.Join(", ", duplicate.Select(l => l.ClassName))}); layer names must be unique.");
    }

    public IReadOnlyList<KerasTensor> Inputs { get; }
    public IReadOnlyList<KerasTensor> Outputs { get; }
    /// <summary>The layer calls in an order that runs every call after the calls it depends on.</summary>
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The same nodes, for membership tests.</summary>
    public IReadOnlySet<Node> NodeSet { get; }

    /// <summary>
    /// Layers in Keras's <c>model.layers</c> order, input layers included: by decreasing depth (distance from the
    /// outputs), ties broken by the order a depth-first walk from the outputs first reaches them. Keras's
    /// <c>get_weights</c>/<c>set_weights</c> and configs list layers in this order.
    /// </summary>
    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>
    /// Post-order depth-first walk from the outputs (inputs of a node before the node), without recursion; also
    /// returns the order in which the walk first reaches each layer.
    /// </summary>
    private static (List<Node> Order, Dictionary<Layer, int> TraversalIndex) TopologicalOrder(string modelName, IReadOnlyList<KerasTensor> outputs)
    {
        var order = new List<Node>();
        var traversalIndex = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        var state = new Dictionary<Node, bool>(ReferenceEqualityComparer.Instance); // false = on stack, true = done
        var stack = new Stack<(Node Node, int Next)>();
        void Enter(Node node)
        {
            state[node] = false;
            traversalIndex.TryAdd(node.Layer, traversalIndex.Count);
            stack.Push((node, 0));
        }
        foreach (var output in outputs)
        {
            if (state.ContainsKey(output.Node)) continue;
            Enter(output.Node);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.InputTensors.Count)
                {
                    stack.Push((node, next + 1));
                    var parent = node.InputTensors[next].Node;
                    if (state.TryGetValue(parent, out bool done))
                    {
                        if (!done) throw new KerasNetException($"Model '{modelName}': the graph has a cycle through layer '{parent.Layer.Name}'.");
                        continue;
                    }
                    Enter(parent);
                }
                else
                {
                    state[node] = true;
                    order.Add(node);
                }
            }
        }
        return (order, traversalIndex);
    }

    /// <summary>
    /// Keras's layer order (<c>map_graph</c>): a node's depth is one more than the deepest node that consumes it
    /// (outputs have depth 0), a layer's depth is its deepest node's; layers are sorted by decreasing depth, then by
    /// traversal order. Inputs that no output depends on come last, as Keras puts them at depth 0.
    /// </summary>
    private static List<Layer> KerasLayerOrder(List<Node> nodes, Dictionary<Layer, int> traversalIndex, IReadOnlyList<KerasTensor> inputs)
    {
        var nodeDepth = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        var layerDepth = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        for (int i = nodes.Count - 1; i >= 0; i--)
        {
            var node = nodes[i];
            int depth = Math.Max(nodeDepth.GetValueOrDefault(node), layerDepth.GetValueOrDefault(node.Layer));
            layerDepth[node.Layer] = depth;
            nodeDepth[node] = depth;
            foreach (var parent in node.Parents)
                nodeDepth[parent] = Math.Max(depth + 1, nodeDepth.GetValueOrDefault(parent));
        }
        var ordered = layerDepth.Keys
            .OrderByDescending(l => layerDepth[l])
            .ThenBy(l => traversalIndex[l])
            .ToList();
        var unused = inputs.Select(t => t.Layer).Where(l => !layerDepth.ContainsKey(l)).ToList();
        int firstAtDepthZero = ordered.FindIndex(l => layerDepth[l] == 0);
        ordered.InsertRange(firstAtDepthZero < 0 ? ordered.Count : firstAtDepthZero, unused);
        return ordered;
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
                foreach (var t in node.InputTensors)
                    if (!available.Contains(t))
                        throw new KerasNetException($"Model '{modelName}': graph disconnected: no value for '{t.Name}' needed by layer '{node.Layer.Name}'.");
                foreach (var t in node.Outputs) available.Add(t);
            }
            reached.Add(node.Layer.Name);
        }
    }

    /// <summary>Runs the graph on data; returns the outputs and their masks.</summary>
    /// <remarks>
    /// Each node's layer receives its inputs with their masks and its keyword arguments with the values of their tensors.
    /// A call recorded with an explicit <c>training</c> argument (Keras <c>base(x, training=False)</c>) keeps that mode,
    /// and one recorded with an explicit <c>mask</c> gets those masks, whatever the inputs carry.
    /// </remarks>
    public (IReadOnlyList<Tensor> Outputs, IReadOnlyList<Tensor?> Masks) Run(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? inputMasks, bool training)
    {
        if (inputs.Count != Inputs.Count)
            throw new KerasNetException($"The model expects {Inputs.Count} inputs ({string.Join(", ", Inputs.Select(t => t.Layer.Name))}) but was called on {inputs.Count}.");
        var values = new Dictionary<KerasTensor, (Tensor Value, Tensor? Mask)>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < Inputs.Count; i++) values[Inputs[i]] = (inputs[i], inputMasks?[i]);
        foreach (var node in Nodes)
        {
            if (node.Layer is InputLayer) continue;
            var args = node.Inputs.Select(t => values[t]).ToList();
            var xs = args.Select(a => a.Value).ToList();
            var masks = args.Any(a => a.Mask is not null) ? args.Select(a => a.Mask).ToList() : null;
            Dictionary<string, object?>? arguments = null;
            if (node.Arguments.Count > 0)
            {
                arguments = CallArguments.Map<KerasTensor, Tensor>(node.Arguments, t => values[t].Value);
                AddArgumentMasks(node, arguments, values);
            }
            var context = new CallContext(training, masks, arguments);
            var outs = node.Layer.Invoke(xs, context);
            var outMasks = node.Layer.ComputeMask(xs, context.Masks);
            for (int i = 0; i < node.Outputs.Count; i++)
                values[node.Outputs[i]] = (outs[i], outMasks is { } m && i < m.Count ? m[i] : null);
        }
        return (Outputs.Select(o => values[o].Value).ToList(), Outputs.Select(o => values[o].Mask).ToList());
    }

    /// <summary>
    /// Keras's automatic <c>{name}_mask</c> arguments: for each tensor argument <c>name</c> of the call whose layer lists
    /// <c>{name}_mask</c> in <see cref="Layer.CallArgumentNames"/>, the mask its tensor carries, unless the call gives one.
    /// </summary>
    private static void AddArgumentMasks(Node node, Dictionary<string, object?> arguments, Dictionary<KerasTensor, (Tensor Value, Tensor? Mask)> values)
    {
        foreach (var (name, value) in node.Arguments)
        {
            var maskName = name + "_mask";
            if (!node.Layer.CallArgumentNames.Contains(maskName) || node.Arguments.ContainsKey(maskName)) continue;
            object? mask = value switch
            {
                KerasTensor t => values[t].Mask,
                IReadOnlyList<KerasTensor?> list when list.Any(t => t is not null && values[t].Mask is not null) =>
                    list.Select(t => t is null ? null : values[t].Mask).ToArray(),
                _ => null,
            };
            if (mask is not null) arguments[maskName] = mask;
        }
    }
}
