using KerasNet.Layers;
using static TorchSharp.torch;

namespace KerasNet;

/// <summary>
/// A symbolic tensor of the Functional API: a shape and dtype, and the layer call that produced it
/// (Keras's <c>KerasTensor</c> with its <c>_keras_history</c>). Calling a layer on it records a node
/// instead of computing data.
/// </summary>
public sealed class KerasTensor
{
    internal KerasTensor(Shape shape, ScalarType dtype, Node node, int tensorIndex, string name)
    {
        Shape = shape;
        DType = dtype;
        Node = node;
        TensorIndex = tensorIndex;
        Name = name;
    }

    /// <summary>The shape, batch dimension first (usually unknown: <c>None</c>).</summary>
    public Shape Shape { get; }

    /// <summary>The element type.</summary>
    public ScalarType DType { get; }

    /// <summary>A readable name (<c>dense/output:0</c>-like).</summary>
    public string Name { get; }

    /// <summary>The node (layer call) that produced this tensor.</summary>
    internal Node Node { get; }

    /// <summary>Which output of that node this is.</summary>
    public int TensorIndex { get; }

    /// <summary>The layer that produced this tensor.</summary>
    public Layer Layer => Node.Layer;

    /// <summary>Keras's <c>(layer, node_index, tensor_index)</c> triple.</summary>
    public (Layer Layer, int NodeIndex, int TensorIndex) KerasHistory => (Node.Layer, Node.Index, TensorIndex);

    /// <inheritdoc />
    public override string ToString() => $"<KerasTensor shape={Shape}, dtype={DType.ToString().ToLowerInvariant()}, name={Name}>";
}
