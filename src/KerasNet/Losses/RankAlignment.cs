using static TorchSharp.torch;

namespace KerasNet.Losses;

/// <summary>
/// Keras's <c>squeeze_or_expand_to_same_rank</c>: when two ranks differ by exactly one and the longer
/// shape ends in 1, that trailing 1 is squeezed (or, when the shorter one is rank 1 and
/// <c>expandRank1</c> is set, a trailing 1 is added to it instead).
/// </summary>
internal static class RankAlignment
{
    /// <summary>Aligns two tensors' ranks as Keras does before comparing labels and predictions.</summary>
    public static (Tensor A, Tensor B) Align(Tensor a, Tensor b, bool expandRank1 = true)
    {
        var (ra, rb) = (a.dim(), b.dim());
        if (ra == rb + 1 && a.shape[^1] == 1)
            return rb == 1 && expandRank1 ? (a, b.unsqueeze(-1)) : (a.squeeze(-1), b);
        if (rb == ra + 1 && b.shape[^1] == 1)
            return ra == 1 && expandRank1 ? (a.unsqueeze(-1), b) : (a, b.squeeze(-1));
        return (a, b);
    }

    /// <summary>The same alignment applied to shapes only (for validation before any computation).</summary>
    public static (long[] A, long[] B) Align(long[] a, long[] b, bool expandRank1 = true)
    {
        if (a.Length == b.Length + 1 && a[^1] == 1)
            return b.Length == 1 && expandRank1 ? (a, [.. b, 1]) : (a[..^1], b);
        if (b.Length == a.Length + 1 && b[^1] == 1)
            return a.Length == 1 && expandRank1 ? ([.. a, 1], b) : (a, b[..^1]);
        return (a, b);
    }
}
