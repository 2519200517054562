using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>Adds zeros at the start and end of the time axis of <c>(batch, steps, features)</c> inputs (Keras <c>ZeroPadding1D</c>).</summary>
public sealed class ZeroPadding1D : BaseZeroPadding
{
    /// <summary>Creates the layer; <paramref name="padding"/> is one integer for both ends (Keras default 1) or <c>(start, end)</c>.</summary>
    public ZeroPadding1D(IntPairs? padding = null, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(1, padding ?? 1, "channels_last", name, trainable, inputShape) { }

    /// <summary>Builds the layer from its Keras config.</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(ZeroPadding1D));
        var layer = new ZeroPadding1D(c.Pairs("padding", 1), c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }
}
