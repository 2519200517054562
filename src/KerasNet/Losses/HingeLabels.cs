using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Keras's <c>convert_binary_labels_to_hinge</c>: when every label is 0 or 1 they become −1/+1
/// (<c>2y − 1</c>), otherwise they are kept. Decided on the engine, without a host sync.
/// </summary>
internal static class HingeLabels
{
    /// <summary>The labels in {−1, +1} form.</summary>
    public static Tensor Convert(Tensor y)
    {
        var isBinary = y.eq(0).logical_or(y.eq(1)).all();
        return where(isBinary, y * 2.0 - 1.0, y);
    }
}
