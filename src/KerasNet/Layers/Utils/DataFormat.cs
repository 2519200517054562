namespace KerasNet.Layers;

/// <summary>Keras's <c>data_format</c> argument: where the channels axis of a spatial input is.</summary>
internal static class DataFormat
{
    /// <summary>Returns <paramref name="value"/> when it is <c>channels_last</c> or <c>channels_first</c>; throws otherwise.</summary>
    public static string Check(string value, string layer) => value is "channels_last" or "channels_first"
        ? value
        : throw new KerasNetException($"Layer '{layer}': dataFormat must be 'channels_last' or 'channels_first', got '{value}'.");

    /// <summary>The axis (batch included) of spatial dimension <paramref name="index"/>.</summary>
    public static int SpatialAxis(string dataFormat, int index) => dataFormat == "channels_last" ? 1 + index : 2 + index;
}
