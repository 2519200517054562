using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests;

/// <summary>Small helpers to build float/integer tensors and read results back in tests.</summary>
internal static class TestTensors
{
    public static Tensor F(params float[] values) => tensor(values);

    public static Tensor F(float[,] values) => tensor(values);

    public static Tensor F(float[,,] values) => tensor(values);

    public static Tensor L(params long[] values) => tensor(values);

    public static Tensor L(long[,] values) => tensor(values);

    public static double Scalar(Tensor t)
    {
        Assert.That(t.dim(), Is.EqualTo(0), $"expected a scalar, got shape [{string.Join(", ", t.shape)}]");
        return t.cpu().to(ScalarType.Float64).item<double>();
    }

    public static double[] Values(Tensor t) => t.cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();

    /// <summary>A float tensor of <paramref name="shape"/> holding <paramref name="data"/> in row-major order.</summary>
    public static Tensor T(float[] data, params long[] shape) => tensor(data).reshape(shape);

    /// <summary>The elements of a float tensor in row-major order.</summary>
    public static float[] Floats(Tensor t) => t.cpu().contiguous().flatten().data<float>().ToArray();
}
