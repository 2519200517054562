using System.Text.Json.Nodes;
using KerasNet.Activations;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary><c>f(x) = x</c> for <c>x &gt; 0</c>, <c>alpha·(exp(x) − 1)</c> otherwise (Keras <c>ELU</c> layer).</summary>
public sealed class ELU : Layer
{
    /// <summary>Creates the layer (Keras default alpha 1).</summary>
    public ELU(double alpha = 1.0, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape) => Alpha = alpha;

    /// <summary>Scale of the negative part.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training) => ActivationOps.Elu(inputs, Alpha);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["alpha"] = Alpha;
        return c;
    }
}
