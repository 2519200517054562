using TorchSharp;
using static TorchSharp.torch;

namespace KerasNet.Backend;

/// <summary>
/// The sizes and paddings of Keras's sliding-window ops (convolution and pooling), per spatial axis,
/// following TensorFlow's rules: <c>'same'</c> pads <c>max((ceil(n/s) − 1)·s + k_eff − n, 0)</c> cells,
/// the odd one at the end; <c>'causal'</c> pads <c>k_eff − 1</c> cells at the start.
/// </summary>
internal static class ConvGeometry
{
    /// <summary>The effective (dilated) window size <c>(k − 1)·d + 1</c>.</summary>
    public static long EffectiveSize(int kernel, int dilation) => (long)(kernel - 1) * dilation + 1;

    /// <summary>Output length of a window op over <paramref name="length"/> cells; null when the input length is unknown.</summary>
    public static long? OutputLength(long? length, int kernel, int stride, int dilation, string padding)
    {
        if (length is not long n) return null;
        return padding == "valid"
            ? FloorDiv(n - EffectiveSize(kernel, dilation), stride) + 1
            : FloorDiv(n - 1, stride) + 1;
    }

    /// <summary>Cells added before and after an axis of <paramref name="length"/> cells.</summary>
    public static (long Before, long After) Padding(long length, int kernel, int stride, int dilation, string padding)
    {
        long k = EffectiveSize(kernel, dilation);
        switch (padding)
        {
            case "same":
                long outLength = FloorDiv(length - 1, stride) + 1;
                long total = Math.Max((outLength - 1) * stride + k - length, 0);
                return (total / 2, total - total / 2);
            case "causal":
                return (k - 1, 0);
            default:
                return (0, 0);
        }
    }

    /// <summary>
    /// Output length of a transposed convolution (Keras/TF rule): <c>'valid'</c>
    /// <c>(n − 1)·s + k_eff + output_padding</c> with default <c>max(k_eff, s) − k_eff</c>; <c>'same'</c>
    /// <c>n·s</c> by default, else <c>(n − 1)·s + k_eff % 2 + output_padding</c>.
    /// </summary>
    public static long? TransposeOutputLength(long? length, int kernel, int stride, int dilation, string padding, int? outputPadding)
    {
        if (length is not long n) return null;
        long k = EffectiveSize(kernel, dilation);
        if (padding == "valid")
            return (n - 1) * stride + k + (outputPadding ?? Math.Max(k, stride) - k);
        return outputPadding is int p ? (n - 1) * stride + k % 2 + p : n * stride;
    }

    /// <summary>
    /// Where a transposed convolution's output starts inside the full (uncropped) result of length
    /// <c>(n − 1)·s + k_eff</c>: TF defines it as the gradient of a convolution over <paramref name="outputLength"/>
    /// cells, whose 'same' padding puts <c>floor(total/2)</c> cells before.
    /// </summary>
    public static long TransposeCropStart(long inputLength, long outputLength, int kernel, int stride, int dilation, string padding)
    {
        if (padding == "valid") return 0;
        long total = Math.Max((inputLength - 1) * stride + EffectiveSize(kernel, dilation) - outputLength, 0);
        return total / 2;
    }

    /// <summary>
    /// Pads the spatial axes of a channels-first tensor by <paramref name="pads"/> with <paramref name="value"/>.
    /// When every axis is padded evenly, nothing is copied: the input comes back with the even amounts in
    /// <paramref name="symmetric"/>, for the torch op's own padding (which pads with zeros for convolutions,
    /// −∞ for max pooling and is left out of average pooling's divisor). Otherwise one <c>F.pad</c> runs and
    /// <paramref name="symmetric"/> is all zeros.
    /// </summary>
    public static Tensor Pad(Tensor x, (long Before, long After)[] pads, double value, out long[] symmetric)
    {
        if (pads.All(p => p.Before == p.After))
        {
            symmetric = pads.Select(p => p.Before).ToArray();
            return x;
        }
        symmetric = new long[pads.Length];
        // F.pad lists the last axis first.
        var spec = pads.Reverse().SelectMany(p => new[] { p.Before, p.After }).ToArray();
        return nn.functional.pad(x, spec, PaddingModes.Constant, value);
    }

    /// <summary>The spatial sizes of a channels-first tensor.</summary>
    public static long[] SpatialSizes(Tensor channelsFirst) => channelsFirst.shape.Skip(2).ToArray();

    /// <summary>Integer arguments widened for torch.</summary>
    public static long[] Longs(IReadOnlyList<int> values) => values.Select(v => (long)v).ToArray();

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
