using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>Computes <c>inputs · scale + offset</c>, e.g. <c>scale: 1.0 / 255</c> for pixel values (Keras <c>Rescaling</c>).</summary>
public sealed class Rescaling : Layer
{
    /// <summary>Creates the layer.</summary>
    public Rescaling(double scale, double offset = 0.0, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        if (!double.IsFinite(scale) || !double.IsFinite(offset))
            throw new KerasNetException($"Rescaling '{Name}': scale and offset must be finite, got scale={scale}, offset={offset}.");
        Scale = scale;
        Offset = offset;
    }

    /// <summary>The factor.</summary>
    public double Scale { get; }

    /// <summary>The value added after scaling.</summary>
    public double Offset { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        var x = inputs.is_floating_point() ? inputs : inputs.to(ScalarType.Float32);
        return Offset == 0 ? x.mul(Scale) : x.mul(Scale).add_(Offset);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["scale"] = Scale;
        c["offset"] = Offset;
        return c;
    }
}
