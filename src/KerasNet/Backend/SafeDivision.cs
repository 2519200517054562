using static TorchSharp.torch;

namespace KerasNet.Backend;

/// <summary>Keras's <c>ops.divide_no_nan</c>: <c>x / y</c>, with 0 wherever <c>y</c> is 0.</summary>
internal static class SafeDivision
{
    /// <summary>Elementwise <c>x / y</c> that is 0 where <c>y == 0</c> (no NaN or infinity there).</summary>
    public static Tensor DivideNoNan(Tensor x, Tensor y)
    {
        using var zero = y.eq(0);
        using var safe = y.masked_fill(zero, 1);
        using var ratio = x / safe;
        return ratio.masked_fill(zero, 0);
    }
}
