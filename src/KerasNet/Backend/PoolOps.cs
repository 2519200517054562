using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace KerasNet.Backend;

/// <summary>
/// Keras's pooling ops (<c>keras.ops.max_pool</c>, <c>average_pool</c>) on libtorch: inputs in the layer's
/// <c>data_format</c>, TensorFlow's <c>'same'</c> padding (extra cell at the end). Max pooling pads with −∞;
/// average pooling leaves padded cells out of each window's divisor.
/// </summary>
internal static class PoolOps
{
    /// <summary>Maximum over each window.</summary>
    public static Tensor MaxPool(Tensor inputs, IReadOnlyList<int> poolSize, IReadOnlyList<int> strides, string padding, string dataFormat)
    {
        var x = DataLayout.ToChannelsFirst(inputs, dataFormat);
        var padded = ConvGeometry.Pad(x, Pads(x, poolSize, strides, padding), double.NegativeInfinity, out var symmetric);
        long[] k = ConvGeometry.Longs(poolSize), s = ConvGeometry.Longs(strides);
        var y = poolSize.Count switch
        {
            1 => F.max_pool1d(padded, k[0], s[0], symmetric[0]),
            2 => F.max_pool2d(padded, k, s, symmetric),
            _ => F.max_pool3d(padded, k, s, symmetric),
        };
        return DataLayout.FromChannelsFirst(y, dataFormat);
    }

    /// <summary>Mean over the real (unpadded) cells of each window.</summary>
    public static Tensor AveragePool(Tensor inputs, IReadOnlyList<int> poolSize, IReadOnlyList<int> strides, string padding, string dataFormat)
    {
        var x = DataLayout.ToChannelsFirst(inputs, dataFormat);
        var pads = Pads(x, poolSize, strides, padding);
        var padded = ConvGeometry.Pad(x, pads, 0.0, out var symmetric);
        var y = TorchAveragePool(padded, poolSize, strides, symmetric);
        if (!ReferenceEquals(padded, x))
        {
            // Uneven padding: divide the window sums by the number of real cells, pooled from a mask.
            var mask = ones([1, 1, .. ConvGeometry.SpatialSizes(x)], dtype: x.dtype, device: x.device);
            var realFraction = TorchAveragePool(ConvGeometry.Pad(mask, pads, 0.0, out _), poolSize, strides, symmetric);
            y = y.div(realFraction);
        }
        return DataLayout.FromChannelsFirst(y, dataFormat);
    }

    private static (long Before, long After)[] Pads(Tensor channelsFirst, IReadOnlyList<int> poolSize, IReadOnlyList<int> strides, string padding) =>
        ConvGeometry.SpatialSizes(channelsFirst).Select((n, i) => ConvGeometry.Padding(n, poolSize[i], strides[i], 1, padding)).ToArray();

    private static Tensor TorchAveragePool(Tensor x, IReadOnlyList<int> poolSize, IReadOnlyList<int> strides, long[] padding)
    {
        long[] k = ConvGeometry.Longs(poolSize), s = ConvGeometry.Longs(strides);
        return poolSize.Count switch
        {
            1 => F.avg_pool1d(x, k[0], s[0], padding[0], count_include_pad: false),
            2 => F.avg_pool2d(x, k, s, padding, count_include_pad: false),
            _ => F.avg_pool3d(x, k, s, padding, count_include_pad: false),
        };
    }
}
