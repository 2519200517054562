using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Computes <c>inputs · scale + offset</c>, e.g. <c>scale: 1.0 / 255</c> for pixel values (Keras <c>Rescaling</c>).
/// <c>scale</c> and <c>offset</c> are numbers or lists that broadcast from the last axis (per-channel values, as
/// EfficientNet's ImageNet standardization uses).
/// </summary>
public sealed class Rescaling : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="scale">The factor: a number, or one value per position of the last axis.</param>
    /// <param name="offset">The value added after scaling (default 0): a number or a list, like <paramref name="scale"/>.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Unused (no weights), kept for Keras parity.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public Rescaling(DoubleTuple scale, DoubleTuple? offset = null, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        offset ??= 0.0;
        if (scale.Concat(offset).Any(v => !double.IsFinite(v)))
            throw new KerasNetException($"Rescaling '{Name}': scale and offset must be finite, got scale={scale}, offset={offset}.");
        Scale = scale;
        Offset = offset;
    }

    /// <summary>The factor.</summary>
    public DoubleTuple Scale { get; }

    /// <summary>The value added after scaling.</summary>
    public DoubleTuple Offset { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        foreach (var (values, what) in new[] { (Scale, "scale"), (Offset, "offset") })
            if (!values.IsScalar && values.Count != 1 && inputShape[-1] is long last && last != values.Count)
                throw new KerasNetException($"Rescaling '{Name}': {what} has {values.Count} values but the last axis of input shape {inputShape} has size {last}.");
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        var x = inputs.is_floating_point() ? inputs : inputs.to(ScalarType.Float32);
        var y = Scale.IsScalar ? x.mul(Scale[0]) : x.mul(Values(Scale, x));
        if (Offset.IsScalar) return Offset[0] == 0 ? y : y.add_(Offset[0]);
        return y.add_(Values(Offset, x));
    }

    private static Tensor Values(DoubleTuple values, Tensor like) => tensor(values.ToArray(), dtype: like.dtype, device: like.device);

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["scale"] = Scale.ToJson();
        c["offset"] = Offset.ToJson();
        return c;
    }
}
