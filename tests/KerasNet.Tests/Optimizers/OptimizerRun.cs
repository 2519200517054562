using KerasNet.Optimizers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Optimizers;

/// <summary>Runs an optimizer for a few steps on one small variable and compares against expected weights.</summary>
internal static class OptimizerRun
{
    /// <summary>The starting weights of the update-rule tests.</summary>
    public static readonly double[] W0 = [1.0, -2.0, 0.5];

    /// <summary>Three gradients; the tiny third component makes every ε visible.</summary>
    public static readonly double[][] G = [[0.1, -0.2, 1e-5], [-0.5, 0.4, -2e-5], [0.2, 0.2, 3e-5]];

    /// <summary>Applies <paramref name="grads"/> one per step and returns the weights after each step.</summary>
    public static double[][] Steps(Optimizer optimizer, double[][] grads, double[]? w0 = null, ScalarType dtype = ScalarType.Float64)
    {
        using var w = new KerasVariable("kernel", tensor(w0 ?? W0, dtype: dtype), path: "dense/kernel");
        var result = new List<double[]>();
        foreach (var g in grads)
        {
            using var gradient = tensor(g, dtype: dtype);
            optimizer.ApplyGradients([gradient], [w]);
            result.Add(Values(w));
        }
        return [.. result];
    }

    /// <summary>The values of a variable as doubles.</summary>
    public static double[] Values(KerasVariable v) => Values(v.Value);

    /// <summary>The values of a tensor as doubles.</summary>
    public static double[] Values(Tensor t)
    {
        using var c = t.detach().cpu().to(ScalarType.Float64).contiguous();
        return c.data<double>().ToArray();
    }

    /// <summary>Asserts every step's weights match within <paramref name="tolerance"/>.</summary>
    public static void AssertSteps(double[][] actual, double[][] expected, double tolerance = 1e-12)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        for (int s = 0; s < expected.Length; s++)
            Assert.That(actual[s], Is.EqualTo(expected[s]).Within(tolerance), $"weights after step {s + 1}");
    }
}
