using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>Removes rows and columns at the borders of images (Keras <c>Cropping2D</c>).</summary>
public sealed class Cropping2D : BaseCropping
{
    /// <summary>
    /// Creates the layer. <paramref name="cropping"/>: one integer, <c>(symmetric_height, symmetric_width)</c> or
    /// <c>((top, bottom), (left, right))</c>; Keras default 0.
    /// </summary>
    public Cropping2D(IntPairs? cropping = null, string dataFormat = "channels_last", string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(2, cropping ?? 0, dataFormat, name, trainable, inputShape) { }

    /// <summary>Builds the layer from its Keras config.</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(Cropping2D));
        var layer = new Cropping2D(c.Pairs("cropping", 0), c.NullableString("data_format") ?? "channels_last", c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }
}
