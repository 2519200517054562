using KerasNet.Layers;
using static TorchSharp.torch;

namespace KerasNet;

/// <summary>
/// One call of a layer on symbolic tensors: the edge set of the Functional graph (Keras's <c>Node</c>). It holds the
/// call's inputs (the first argument of Keras's <c>call</c>, one tensor or a list) and its keyword arguments, whose
/// values are plain values, <see cref="KerasTensor"/>s or lists of them (<c>initial_state=[h, c]</c>, <c>key=k</c>,
/// <c>mask=m</c>); every tensor among them is a dependency of the call.
/// </summary>
internal sealed class Node
{
    private readonly List<KerasTensor> _outputs = [];

    internal Node(Layer layer, IReadOnlyList<KerasTensor> inputs, IReadOnlyDictionary<string, object?> arguments)
    {
        Layer = layer;
        Inputs = inputs;
        Arguments = arguments;
        InputTensors = [.. inputs, .. CallArguments.Flatten<KerasTensor>(arguments)];
        Index = layer.InboundNodes.Count;
        layer.InboundNodes.Add(this);
    }

    /// <summary>The layer called.</summary>
    public Layer Layer { get; }

    /// <summary>Position of this node among the layer's calls.</summary>
    public int Index { get; }

    /// <summary>The symbolic inputs (empty for an input layer's node).</summary>
    public IReadOnlyList<KerasTensor> Inputs { get; }

    /// <summary>The keyword arguments: plain values, <see cref="KerasTensor"/>s and lists of them.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Every tensor the call consumes: the inputs, then the arguments' tensors by argument name (Keras's <c>input_tensors</c>).</summary>
    public IReadOnlyList<KerasTensor> InputTensors { get; }

    /// <summary>The symbolic outputs.</summary>
    public IReadOnlyList<KerasTensor> Outputs => _outputs;

    /// <summary>Creates the node's outputs.</summary>
    internal KerasTensor[] AddOutputs(IReadOnlyList<Shape> shapes, IReadOnlyList<ScalarType> dtypes)
    {
        for (int i = 0; i < shapes.Count; i++)
            _outputs.Add(new KerasTensor(shapes[i], dtypes[i], this, i, $"{Layer.Name}/output_{Index}:{i}"));
        return [.. _outputs];
    }

    /// <summary>The nodes whose outputs this node consumes.</summary>
    public IEnumerable<Node> Parents => InputTensors.Select(t => t.Node);
}
