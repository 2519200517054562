using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Attention;

/// <summary>
/// Inputs and weights shared with <c>Reference/keras_attention.py</c>, which computes the expected values:
/// <c>Seq(shape, a, b) = sin(arange(n)·a + b)</c> in float64, cast to float32 and reshaped.
/// </summary>
internal static class AttentionTestData
{
    public static Tensor Seq(long[] shape, double a, double b)
    {
        long n = shape.Aggregate(1L, (x, y) => x * y);
        return arange(n, dtype: ScalarType.Float64).mul(a).add(b).sin().to(ScalarType.Float32).reshape(shape);
    }

    public static Tensor Bools(bool[,] values) => tensor(values);

    /// <summary>The MHA weights of the reference script's <c>mha_weights</c>, in Keras's order.</summary>
    public static Tensor[] MhaWeights(long dq, long dk, long dv, long heads, long keyDim, long valueDim, long[] outShape) =>
    [
        Seq([dq, heads, keyDim], 0.37, 0.1), Seq([heads, keyDim], 0.91, 0.2),
        Seq([dk, heads, keyDim], 0.53, 0.3), Seq([heads, keyDim], 0.77, 0.4),
        Seq([dv, heads, valueDim], 0.29, 0.5), Seq([heads, valueDim], 0.61, 0.6),
        Seq([heads, valueDim, .. outShape], 0.43, 0.7), Seq(outShape, 0.83, 0.8),
    ];

    public static void AssertClose(Tensor actual, long[] shape, float[] expected, double atol = 2e-5)
    {
        Assert.That(actual.shape, Is.EqualTo(shape), "shape");
        var values = actual.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
        Assert.That(values.Any(double.IsNaN), Is.False, "no NaN");
        for (int i = 0; i < expected.Length; i++)
            Assert.That(values[i], Is.EqualTo(expected[i]).Within(atol), $"element {i}");
    }

    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    public static void AssertClose(Tensor actual, Tensor expected, double atol = 1e-5)
    {
        Assert.That(actual.shape, Is.EqualTo(expected.shape), "shape");
        double diff = (actual.detach().cpu() - expected.detach().cpu()).abs().max().item<float>();
        Assert.That(diff, Is.LessThanOrEqualTo(atol));
    }
}
