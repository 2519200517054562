using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Upsamples images by integer factors (Keras <c>UpSampling2D</c>): <c>nearest</c> repeats rows and columns;
/// <c>bilinear</c> interpolates as Keras's <c>ops.image.resize</c> does (TF2 / Keras 3 half-pixel centres,
/// <c>align_corners=False</c>, edge samples clamped).
/// </summary>
public sealed class UpSampling2D : BaseUpSampling
{
    /// <summary>Creates the layer; <paramref name="size"/> is one factor or (rows, columns) (Keras default 2).</summary>
    /// <param name="size">Upsampling factors.</param>
    /// <param name="dataFormat"><c>channels_last</c> or <c>channels_first</c>.</param>
    /// <param name="interpolation"><c>nearest</c> or <c>bilinear</c>; Keras's <c>bicubic</c>, <c>lanczos3</c>, <c>lanczos5</c> are not supported.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Unused (no weights), kept for Keras parity.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public UpSampling2D(IntTuple? size = null, string dataFormat = "channels_last", string interpolation = "nearest",
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(2, size ?? 2, dataFormat, name, trainable, inputShape)
    {
        Interpolation = interpolation.ToLowerInvariant() switch
        {
            "nearest" => "nearest",
            "bilinear" => "bilinear",
            "bicubic" or "lanczos3" or "lanczos5" or "area" => throw new NotSupportedException(
                $"UpSampling2D '{Name}': interpolation '{interpolation}' is not supported (nearest, bilinear)."),
            _ => throw new KerasNetException($"UpSampling2D '{Name}': unknown interpolation '{interpolation}'; expected nearest or bilinear."),
        };
    }

    /// <summary><c>nearest</c> or <c>bilinear</c>.</summary>
    public string Interpolation { get; }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        if (Interpolation == "nearest") return base.Call(inputs, training);
        bool last = DataFormat == "channels_last";
        var x = last ? inputs.permute(0, 3, 1, 2) : inputs;
        long[] outSize = [x.shape[2] * Size[0], x.shape[3] * Size[1]];
        var y = nn.functional.interpolate(x, outSize, mode: InterpolationMode.Bilinear, align_corners: false);
        return last ? y.permute(0, 2, 3, 1) : y;
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["interpolation"] = Interpolation;
        return c;
    }
}
