namespace KerasNet.Layers;

/// <summary>Repeats each step of <c>(batch, steps, features)</c> inputs <see cref="BaseUpSampling.Size"/> times (Keras <c>UpSampling1D</c>).</summary>
public sealed class UpSampling1D : BaseUpSampling
{
    /// <summary>Creates the layer (Keras default size 2).</summary>
    public UpSampling1D(int size = 2, string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(1, size, "channels_last", name, trainable, inputShape) { }
}
