using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The shared logic of <see cref="SpatialDropout1D"/>, <see cref="SpatialDropout2D"/> and <see cref="SpatialDropout3D"/>:
/// in training, drops whole feature maps (one keep/drop draw per sample and channel), scaling the kept ones by
/// 1/(1 − rate); identity at inference.
/// </summary>
public abstract class BaseSpatialDropout : Layer
{
    private protected BaseSpatialDropout(int rank, double rate, string dataFormat, int? seed, string? name, Shape? inputShape)
        : base(name, inputShape: inputShape)
    {
        if (rate < 0 || rate >= 1) throw new KerasNetException($"{GetType().Name} '{Name}': rate must be in [0, 1), got {rate}.");
        if (seed is not null) throw new NotSupportedException($"{GetType().Name} '{Name}': a per-layer seed is not supported; use RandomSeed.Set.");
        Rate = rate;
        DataFormat = Layers.DataFormat.Check(dataFormat, Name);
        InputSpec = new InputSpec(Rank: rank + 2);
    }

    /// <summary>Fraction of feature maps dropped.</summary>
    public double Rate { get; }

    /// <summary><c>channels_last</c> or <c>channels_first</c>.</summary>
    public string DataFormat { get; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        if (!training || Rate == 0) return inputs;
        var noise = Enumerable.Repeat(1L, (int)inputs.dim()).ToArray();
        int channels = DataFormat == "channels_last" ? noise.Length - 1 : 1;
        noise[0] = inputs.shape[0];
        noise[channels] = inputs.shape[channels];
        return DropoutMask.Apply(inputs, Rate, noise);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["rate"] = Rate;
        c["seed"] = null;
        if (InputSpec!.Rank > 3) c["data_format"] = DataFormat;
        return c;
    }
}
