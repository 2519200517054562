using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Initializers;

/// <summary>
/// Keras <c>VarianceScaling</c>: with n = fan_in, fan_out or their mean (<c>mode</c>) and s = scale / max(1, n),
/// draws a normal truncated at 2σ with σ = √s / 0.87962566103423978 (so the kept values have standard
/// deviation √s), an untruncated normal with σ = √s, or U(−√(3s), √(3s)).
/// </summary>
public class VarianceScaling : RandomInitializer
{
    /// <summary>Standard deviation of a unit normal truncated to [−2, 2] (Keras's correction constant).</summary>
    public const double TruncationCorrection = 0.87962566103423978;

    /// <summary>Creates the initializer; <c>distribution</c> <c>"normal"</c> means <c>truncated_normal</c>, as in Keras.</summary>
    /// <param name="scale">Scaling factor, &gt; 0.</param>
    /// <param name="mode"><c>fan_in</c>, <c>fan_out</c> or <c>fan_avg</c>.</param>
    /// <param name="distribution"><c>truncated_normal</c>, <c>untruncated_normal</c> or <c>uniform</c> (case-insensitive).</param>
    /// <param name="seed">Optional seed.</param>
    public VarianceScaling(double scale = 1.0, string mode = "fan_in", string distribution = "truncated_normal", int? seed = null)
        : base(seed)
    {
        if (!(scale > 0.0))
            throw new KerasNetException($"VarianceScaling: 'scale' must be a positive float, got {scale}.");
        if (mode is not ("fan_in" or "fan_out" or "fan_avg"))
            throw new KerasNetException($"VarianceScaling: invalid 'mode' '{mode}'. Expected one of fan_in, fan_out, fan_avg.");
        distribution = distribution.ToLowerInvariant();
        if (distribution == "normal") distribution = "truncated_normal";
        if (distribution is not ("truncated_normal" or "untruncated_normal" or "uniform"))
            throw new KerasNetException($"VarianceScaling: invalid 'distribution' '{distribution}'. Expected one of truncated_normal, untruncated_normal, uniform.");
        Scale = scale;
        Mode = mode;
        Distribution = distribution;
    }

    /// <summary>The scaling factor.</summary>
    public double Scale { get; }

    /// <summary><c>fan_in</c>, <c>fan_out</c> or <c>fan_avg</c>.</summary>
    public string Mode { get; }

    /// <summary><c>truncated_normal</c>, <c>untruncated_normal</c> or <c>uniform</c>.</summary>
    public string Distribution { get; }

    /// <inheritdoc />
    public override string ClassName => "VarianceScaling";

    /// <inheritdoc />
    public override Tensor Call(long[] shape, ScalarType dtype = ScalarType.Float32)
    {
        var (fanIn, fanOut) = ComputeFans(shape);
        double n = Mode switch
        {
            "fan_in" => fanIn,
            "fan_out" => fanOut,
            _ => (fanIn + fanOut) / 2.0,
        };
        double s = Scale / Math.Max(1.0, n);
        return Distribution switch
        {
            "truncated_normal" => SampleTruncatedNormal(shape, dtype, 0.0, Math.Sqrt(s) / TruncationCorrection),
            "untruncated_normal" => SampleNormal(shape, dtype, 0.0, Math.Sqrt(s)),
            _ => SampleUniform(shape, dtype, -Math.Sqrt(3.0 * s), Math.Sqrt(3.0 * s)),
        };
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["scale"] = Scale;
        c["mode"] = Mode;
        c["distribution"] = Distribution;
        return c;
    }
}
