using static TorchSharp.torch;

namespace KerasNet.Backend;

/// <summary>
/// Moves Keras data between its <c>data_format</c> and libtorch's channels-first layout. A channels-last
/// tensor is only viewed as channels-first (a permutation, no copy): libtorch then sees channels-last
/// strides and runs its channels-last kernels, whose outputs permute back to contiguous channels-last data.
/// </summary>
internal static class DataLayout
{
    /// <summary>Keras's two data formats.</summary>
    public const string ChannelsLast = "channels_last", ChannelsFirst = "channels_first";

    /// <summary>A channels-first view of <paramref name="x"/> (batch, channels, spatial…).</summary>
    public static Tensor ToChannelsFirst(Tensor x, string dataFormat)
    {
        if (dataFormat == ChannelsFirst) return x;
        int rank = (int)x.dim();
        return x.permute([0, rank - 1, .. Enumerable.Range(1, rank - 2).Select(i => (long)i)]);
    }

    /// <summary>A channels-first result <paramref name="y"/> in <paramref name="dataFormat"/>.</summary>
    public static Tensor FromChannelsFirst(Tensor y, string dataFormat)
    {
        if (dataFormat == ChannelsFirst) return y;
        int rank = (int)y.dim();
        return y.permute([0, .. Enumerable.Range(2, rank - 2).Select(i => (long)i), 1]);
    }

    /// <summary>The index of the channel axis of a tensor of <paramref name="rank"/> dims.</summary>
    public static int ChannelAxis(int rank, string dataFormat) => dataFormat == ChannelsFirst ? 1 : rank - 1;

    /// <summary>The indices of the spatial axes of a tensor of <paramref name="rank"/> dims.</summary>
    public static int[] SpatialAxes(int rank, string dataFormat) =>
        Enumerable.Range(dataFormat == ChannelsFirst ? 2 : 1, rank - 2).ToArray();
}
