using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>Removes slices at the borders of volumes (Keras <c>Cropping3D</c>).</summary>
public sealed class Cropping3D : BaseCropping
{
    /// <summary>
    /// Creates the layer. <paramref name="cropping"/>: one integer, three symmetric amounts, or three
    /// <c>(before, after)</c> pairs; Keras default 1.
    /// </summary>
    public Cropping3D(IntPairs? cropping = null, string dataFormat = "channels_last", string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(3, cropping ?? 1, dataFormat, name, trainable, inputShape) { }

    /// <summary>Builds the layer from its Keras config.</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(Cropping3D));
        var layer = new Cropping3D(c.Pairs("cropping", 1), c.NullableString("data_format") ?? "channels_last", c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }
}
