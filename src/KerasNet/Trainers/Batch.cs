using static TorchSharp.torch;

namespace KerasNet.Trainers;

/// <summary>One batch as a training or test step receives it (Keras's <c>data</c> tuple).</summary>
/// <param name="X">Inputs, one tensor per model input.</param>
/// <param name="Y">Labels, one tensor per model output (empty for prediction).</param>
/// <param name="SampleWeight">Per-sample weights, if any.</param>
public sealed record Batch(IReadOnlyList<Tensor> X, IReadOnlyList<Tensor> Y, Tensor? SampleWeight) : IDisposable
{
    /// <summary>Number of samples in the batch.</summary>
    public long Size => X[0].shape[0];

    /// <summary>Disposes the batch's tensors (see <see cref="DataAdapter"/> for who owns a batch).</summary>
    public void Dispose()
    {
        foreach (var t in X) t.Dispose();
        foreach (var t in Y) t.Dispose();
        SampleWeight?.Dispose();
    }
}
