using System.Text.Json.Nodes;
using KerasNet.Layers;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>Activation layers: Keras's formulas on hand-checked inputs, arguments and configs.</summary>
public class ActivationLayersTests
{
    private static readonly float[,] X = { { -10, -5, 0, 1, 5, 10 } };

    [Test]
    public void ReLUOptions()
    {
        // Keras docstring: ReLU(max_value=10, negative_slope=0.5, threshold=0) on [-10, -5, 0, 5, 10] → [-5, -2.5, 0, 5, 10].
        Assert.That(Values(new ReLU(maxValue: 10, negativeSlope: 0.5).Apply(F(X))), Is.EqualTo(new[] { -5, -2.5, 0, 1, 5, 10 }));
        Assert.That(Values(new ReLU(maxValue: 4).Apply(F(X))), Is.EqualTo(new double[] { 0, 0, 0, 1, 4, 4 }));
        // threshold 2, slope 0.1: x above 2, else 0.1·(x − 2).
        Assert.That(Values(new ReLU(negativeSlope: 0.1, threshold: 2).Apply(F(X))), Is.EqualTo(new[] { -1.2, -0.7, -0.2, -0.1, 5, 10 }).Within(1e-6));
        Assert.Throws<KerasNetException>(() => new ReLU(maxValue: -1));
        Assert.Throws<KerasNetException>(() => new ReLU(threshold: -1));
    }

    [Test]
    public void LeakyReLUDefaultsToSlope03AndReadsKeras2Alpha()
    {
        Assert.That(Values(new LeakyReLU().Apply(F(X))), Is.EqualTo(new[] { -3, -1.5, 0, 1, 5, 10 }).Within(1e-6));
        var keras2 = (LeakyReLU)LeakyReLU.FromConfig(new JsonObject { ["name"] = "lr", ["trainable"] = true, ["alpha"] = 0.4 });
        Assert.That(keras2.NegativeSlope, Is.EqualTo(0.4));
        Assert.That(keras2.GetConfig()["negative_slope"]!.GetValue<double>(), Is.EqualTo(0.4));
        var keras3 = (LeakyReLU)LeakyReLU.FromConfig(new JsonObject { ["negative_slope"] = 0.1 });
        Assert.That(keras3.NegativeSlope, Is.EqualTo(0.1));
        Assert.Throws<KerasNetException>(() => new LeakyReLU(-0.1));
    }

    [Test]
    public void ELUAndThresholdedReLU()
    {
        Assert.That(Values(new ELU(alpha: 2).Apply(F(new float[,] { { -1, 0, 3 } }))), Is.EqualTo(new[] { 2 * (Math.Exp(-1) - 1), 0, 3 }).Within(1e-6));
        Assert.That(Values(new ThresholdedReLU().Apply(F(new float[,] { { 0.5f, 1, 1.5f, -2 } }))), Is.EqualTo(new[] { 0, 0, 1.5, 0 }));
        Assert.That(new ThresholdedReLU().GetConfig()["theta"]!.GetValue<double>(), Is.EqualTo(1.0));
    }

    [Test]
    public void PReLULearnsOneSlopePerPositionOrSharesThem()
    {
        using var full = new PReLU();
        full.EnsureBuilt([null, 2, 3]);
        Assert.That(full.Alpha.Shape, Is.EqualTo(new Shape([2, 3])));
        Assert.That(full.Alpha.ToArray(), Is.All.EqualTo(0f), "alpha initializer zeros");

        using var shared = new PReLU(sharedAxes: [1]);
        shared.EnsureBuilt([null, 2, 3]);
        Assert.That(shared.Alpha.Shape, Is.EqualTo(new Shape([1, 3])));
        shared.SetWeights([F(new float[,] { { 0.1f, 0.2f, 0.3f } })]);
        var y = shared.Apply(F(new float[,,] { { { -1, -1, 2 }, { -10, 3, -10 } } }));
        Assert.That(Values(y), Is.EqualTo(new[] { -0.1, -0.2, 2, -1, 3, -3 }).Within(1e-6));
        Assert.That(shared.GetConfig()["shared_axes"]!.ToJsonString(), Is.EqualTo("[1]"));
        Assert.Throws<KerasNetException>(() => new PReLU(sharedAxes: [3]).EnsureBuilt([null, 2, 3]));
    }

    [Test]
    public void SoftmaxMaskedPositionsGetNoProbability()
    {
        var x = F(new float[,] { { 1, 2, 3, 4 } });
        var mask = tensor(new[,] { { true, true, false, true } });
        var y = new Softmax().ApplyMulti([x], new CallContext(false, [mask]))[0];
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(4);
        Assert.That(Values(y), Is.EqualTo(new[] { Math.Exp(1) / z, Math.Exp(2) / z, 0, Math.Exp(4) / z }).Within(1e-6));
        // A fully masked row stays finite: in float32, x − 1e9 rounds to −1e9 everywhere, so the row is uniform (as in Keras).
        var none = new Softmax().ApplyMulti([x], new CallContext(false, [zeros(1, 4, dtype: ScalarType.Bool)]))[0];
        Assert.That(Values(none), Is.All.EqualTo(0.25).Within(1e-6));
    }

    [Test]
    public void SoftmaxOverSeveralAxesNormalizesJointly()
    {
        var x = F(new float[,,] { { { 0, 1 }, { 2, 3 } } });
        var y = new Softmax(axis: [1, 2]).Apply(x);
        double z = 1 + Math.E + Math.Exp(2) + Math.Exp(3);
        Assert.That(Values(y), Is.EqualTo(new[] { 1 / z, Math.E / z, Math.Exp(2) / z, Math.Exp(3) / z }).Within(1e-6));
        Assert.That(new Softmax(axis: [1, 2]).GetConfig()["axis"]!.ToJsonString(), Is.EqualTo("[1,2]"));
    }
}
