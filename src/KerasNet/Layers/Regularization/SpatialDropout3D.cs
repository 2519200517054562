namespace KerasNet.Layers;

/// <summary>Dropout of whole feature maps of volumes (Keras <c>SpatialDropout3D</c>).</summary>
public sealed class SpatialDropout3D : BaseSpatialDropout
{
    /// <summary>Creates the layer; <paramref name="seed"/> is not supported (use <c>RandomSeed.Set</c>).</summary>
    public SpatialDropout3D(double rate, string dataFormat = "channels_last", int? seed = null, string? name = null, Shape? inputShape = null)
        : base(3, rate, dataFormat, seed, name, inputShape) { }
}
