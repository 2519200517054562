using KerasNet.Layers;
using static TorchSharp.torch;

namespace KerasNet;

/// <summary>One call of a layer on symbolic tensors: the edge set of the Functional graph.</summary>
internal sealed class Node
{
    private readonly List<KerasTensor> _outputs = [];

    internal Node(Layer layer, IReadOnlyList<KerasTensor> inputs, IReadOnlyDictionary<string, object?> arguments)
    {
        Layer = layer;
        Inputs = inputs;
        Arguments = arguments;
        Index = layer.InboundNodes.Count;
        layer.InboundNodes.Add(this);
    }

    /// <summary>The layer called.</summary>
    public Layer Layer { get; }

    /// <summary>Position of this node among the layer's calls.</summary>
    public int Index { get; }

    /// <summary>The symbolic inputs (empty for an input layer's node).</summary>
    public IReadOnlyList<KerasTensor> Inputs { get; }

    /// <summary>Non-tensor call arguments.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The symbolic outputs.</summary>
    public IReadOnlyList<KerasTensor> Outputs => _outputs;

    /// <summary>Creates the node's outputs.</summary>
    internal KerasTensor[] AddOutputs(IReadOnlyList<Shape> shapes, IReadOnlyList<ScalarType> dtypes)
    {
        for (int i = 0; i < shapes.Count; i++)
            _outputs.Add(new KerasTensor(shapes[i], dtypes[i], this, i, $"{Layer.Name}/output_{Index}:{i}"));
        return [.. _outputs];
    }

    /// <summary>The layers whose outputs feed this node.</summary>
    public IEnumerable<Node> Parents => Inputs.Select(t => t.Node);
}
