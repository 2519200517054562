using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>Keras's <c>ops.in_top_k</c>: whether the target's score is at least the k-th highest score.</summary>
internal static class InTopK
{
    /// <summary>1 where class <paramref name="targets"/> is in the top <paramref name="k"/> of <paramref name="predictions"/>, else 0.</summary>
    public static Tensor Matches(Tensor targets, Tensor predictions, int k)
    {
        var kth = predictions.topk(Math.Min(k, (int)predictions.shape[^1]), dim: -1).values[TensorIndex.Ellipsis, TensorIndex.Slice(-1)];
        var targetScore = predictions.gather(-1, targets.to(ScalarType.Int64).unsqueeze(-1));
        return targetScore.ge(kth).squeeze(-1).to(ScalarType.Float32);
    }
}
