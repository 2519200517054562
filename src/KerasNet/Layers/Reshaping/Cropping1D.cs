using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>Removes steps at the start and end of the time axis of <c>(batch, steps, features)</c> inputs (Keras <c>Cropping1D</c>).</summary>
public sealed class Cropping1D : BaseCropping
{
    /// <summary>Creates the layer; <paramref name="cropping"/> is <c>(start, end)</c> or one integer for both (Keras default <c>(1, 1)</c>).</summary>
    public Cropping1D(IntPairs? cropping = null, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(1, cropping ?? (1, 1), "channels_last", name, trainable, inputShape) { }

    /// <summary>Builds the layer from its Keras config.</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(Cropping1D));
        var layer = new Cropping1D(c.Pairs("cropping", (1, 1)), c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }
}
