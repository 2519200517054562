using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>Adds slices of zeros at the borders of volumes (Keras <c>ZeroPadding3D</c>).</summary>
public sealed class ZeroPadding3D : BaseZeroPadding
{
    /// <summary>
    /// Creates the layer. <paramref name="padding"/>: one integer (Keras default 1), three symmetric amounts,
    /// or three <c>(before, after)</c> pairs.
    /// </summary>
    public ZeroPadding3D(IntPairs? padding = null, string dataFormat = "channels_last", string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(3, padding ?? 1, dataFormat, name, trainable, inputShape) { }

    /// <summary>Builds the layer from its Keras config.</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(ZeroPadding3D));
        var layer = new ZeroPadding3D(c.Pairs("padding", 1), c.NullableString("data_format") ?? "channels_last", c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }
}
