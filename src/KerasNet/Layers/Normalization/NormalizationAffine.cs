using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The affine step the normalization layers share, in the form of Keras's <c>ops.batch_normalization</c>:
/// <c>x·inv + (β − mean·inv)</c> with <c>inv = γ/√(var + ε)</c>. No in-place ops: autograd needs these
/// intermediates unchanged. Temporaries go to the caller's dispose scope.
/// </summary>
internal static class NormalizationAffine
{
    /// <summary><c>γ/√(var + ε)</c>, or <c>1/√(var + ε)</c> without γ; γ is reshaped to <paramref name="paramShape"/>.</summary>
    public static Tensor InverseStd(Tensor variance, double epsilon, KerasVariable? gamma, long[] paramShape)
    {
        var inv = variance.add(epsilon).rsqrt();
        return gamma is { } g ? inv.mul(g.Value.reshape(paramShape)) : inv;
    }

    /// <summary><c>x·inv + (β − mean·inv)</c>, β (when given) reshaped to <paramref name="paramShape"/>.</summary>
    public static Tensor Apply(Tensor x, Tensor mean, Tensor inv, KerasVariable? beta, long[] paramShape)
    {
        var offset = mean.mul(inv).neg();
        if (beta is { } b) offset = offset.add(b.Value.reshape(paramShape));
        return addcmul(offset, x, inv, 1);
    }
}
