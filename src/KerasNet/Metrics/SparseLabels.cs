using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>Integer labels of shape <c>(N, …, 1)</c> squeezed to the prediction's shape without its class axis.</summary>
internal static class SparseLabels
{
    /// <summary>The labels without a trailing axis of 1 when they have the prediction's rank.</summary>
    public static Tensor Squeeze(Tensor yTrue, Tensor yPred) =>
        yTrue.dim() == yPred.dim() && yTrue.shape[^1] == 1 ? yTrue.squeeze(-1) : yTrue;
}
