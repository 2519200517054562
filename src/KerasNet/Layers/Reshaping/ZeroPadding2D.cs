using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>Adds rows and columns of zeros at the borders of images (Keras <c>ZeroPadding2D</c>).</summary>
public sealed class ZeroPadding2D : BaseZeroPadding
{
    /// <summary>
    /// Creates the layer. <paramref name="padding"/>: one integer (Keras default 1), <c>(symmetric_height,
    /// symmetric_width)</c> or <c>((top, bottom), (left, right))</c>.
    /// </summary>
    public ZeroPadding2D(IntPairs? padding = null, string dataFormat = "channels_last", string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(2, padding ?? 1, dataFormat, name, trainable, inputShape) { }

    /// <summary>Builds the layer from its Keras config.</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(ZeroPadding2D));
        var layer = new ZeroPadding2D(c.Pairs("padding", 1), c.NullableString("data_format") ?? "channels_last", c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }
}
