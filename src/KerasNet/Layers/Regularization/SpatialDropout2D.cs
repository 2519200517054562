namespace KerasNet.Layers;

/// <summary>Dropout of whole feature maps of images (Keras <c>SpatialDropout2D</c>).</summary>
public sealed class SpatialDropout2D : BaseSpatialDropout
{
    /// <summary>Creates the layer; <paramref name="seed"/> is not supported (use <c>RandomSeed.Set</c>).</summary>
    public SpatialDropout2D(double rate, string dataFormat = "channels_last", int? seed = null, string? name = null, Shape? inputShape = null)
        : base(2, rate, dataFormat, seed, name, inputShape) { }
}
