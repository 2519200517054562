using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// Keras's <c>reduce_to_samplewise_values</c>: brings values and sample weights to one value and one
/// weight per sample (reducing extra axes with <c>mean</c> or <c>sum</c>) before a reduction metric
/// accumulates them.
/// </summary>
internal static class SamplewiseReduction
{
    /// <summary>Per-sample values (weighted when weights are given) and the matching per-sample weights.</summary>
    public static (Tensor Values, Tensor? Weights) Reduce(Tensor values, Tensor? sampleWeight, bool useSum)
    {
        var v = values.detach().to(ScalarType.Float32);
        Tensor? w = null;
        if (sampleWeight is not null)
        {
            (v, w) = RankAlignment.Align(v, sampleWeight.to(ScalarType.Float32).to(v.device));
            var weightRank = (int)w.dim();
            if (v.dim() > weightRank) v = Over(v, weightRank, useSum);
            w = w.broadcast_to(v.shape);
            v = v * w;
            if (weightRank > 1) w = Over(w, 1, useSum);
        }
        if (v.dim() > 1) v = Over(v, 1, useSum);
        return (v, w);
    }

    private static Tensor Over(Tensor x, int firstAxis, bool useSum)
    {
        var axes = Enumerable.Range(firstAxis, (int)x.dim() - firstAxis).Select(a => (long)a).ToArray();
        return useSum ? x.sum(axes) : x.mean(axes);
    }
}
