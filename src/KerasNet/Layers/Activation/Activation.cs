using System.Text.Json.Nodes;
using KerasNet.Activations;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Applies an activation function (Keras <c>Activation</c> layer).</summary>
public sealed class Activation(ActivationFunction activation, string? name = null, Shape? inputShape = null, long? inputDim = null)
    : Layer(name, inputShape: inputShape, inputDim: inputDim)
{
    /// <summary>The function applied.</summary>
    public ActivationFunction Function { get; } = activation;

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => Function.Call(inputs);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["activation"] = Function.ToConfig();
        return c;
    }
}
