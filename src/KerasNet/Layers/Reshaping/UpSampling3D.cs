namespace KerasNet.Layers;

/// <summary>Repeats the slices, rows and columns of volumes (Keras <c>UpSampling3D</c>).</summary>
public sealed class UpSampling3D : BaseUpSampling
{
    /// <summary>Creates the layer; <paramref name="size"/> is one factor or three (Keras default 2).</summary>
    public UpSampling3D(IntTuple? size = null, string dataFormat = "channels_last", string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(3, size ?? 2, dataFormat, name, trainable, inputShape) { }
}
