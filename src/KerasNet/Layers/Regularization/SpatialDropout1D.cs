namespace KerasNet.Layers;

/// <summary>Dropout of whole channels of <c>(batch, steps, channels)</c> inputs (Keras <c>SpatialDropout1D</c>).</summary>
public sealed class SpatialDropout1D : BaseSpatialDropout
{
    /// <summary>Creates the layer; <paramref name="seed"/> is not supported (use <c>RandomSeed.Set</c>).</summary>
    public SpatialDropout1D(double rate, int? seed = null, string? name = null, Shape? inputShape = null)
        : base(1, rate, "channels_last", seed, name, inputShape) { }
}
