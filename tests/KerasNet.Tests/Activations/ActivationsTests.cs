using KerasNet.Activations;
using NUnit.Framework;
using static TorchSharp.torch;
using Acts = KerasNet.Activations.Activations;

namespace KerasNet.Tests.Activations;

/// <summary>
/// Known values for the activations the keras-js fixture does not cover. Expected values were computed
/// with /usr/bin/python3's math module from Keras 3's definitions (keras/src/activations/activations.py
/// and the torch backend's ops), e.g. gelu = 0.5·x·(1 + erf(x/√2)), hard_sigmoid = relu6(x + 3)/6.
/// </summary>
public class ActivationsTests
{
    private static readonly float[] X = [-4f, -2.5f, -1f, -0.3f, 0f, 0.4f, 1.5f, 3.2f, 7f];

    private static double[] Apply(Func<Tensor, Tensor> f, float[] x)
    {
        using var scope = NewDisposeScope();
        return f(tensor(x)).to(ScalarType.Float64).cpu().data<double>().ToArray();
    }

    public static IEnumerable<TestCaseData> KnownValues()
    {
        TestCaseData Case(string name, params double[] expected) => new TestCaseData(name, expected).SetName($"Activation_{name}");
        yield return Case("relu6", 0, 0, 0, 0, 0, 0.4, 1.5, 3.2, 6);
        yield return Case("leaky_relu", -0.8, -0.5, -0.2, -0.06, 0, 0.4, 1.5, 3.2, 7);
        yield return Case("gelu", -0.000126684967, -0.0155241633, -0.158655254, -0.114626573, 0, 0.262168697, 1.3997892, 3.19780116, 7);
        yield return Case("silu", -0.0719448398, -0.18964545, -0.268941421, -0.127667245, 0, 0.239475064, 1.22636171, 3.07466969, 6.99362264);
        yield return Case("swish", -0.0719448398, -0.18964545, -0.268941421, -0.127667245, 0, 0.239475064, 1.22636171, 3.07466969, 6.99362264);
        yield return Case("mish", -0.0725917408, -0.196816204, -0.303401461, -0.151133177, 0, 0.289030534, 1.40337827, 3.19019773, 6.99998838);
        yield return Case("hard_sigmoid", 0, 0.0833333333, 0.333333333, 0.45, 0.5, 0.566666667, 0.75, 1, 1);
        yield return Case("hard_sigmoid_keras2", 0, 0, 0.3, 0.44, 0.5, 0.58, 0.8, 1, 1);
        yield return Case("hard_silu", 0, -0.208333333, -0.333333333, -0.135, 0, 0.226666667, 1.125, 3.2, 7);
        yield return Case("hard_swish", 0, -0.208333333, -0.333333333, -0.135, 0, 0.226666667, 1.125, 3.2, 7);
        yield return Case("exponential", 0.0183156389, 0.0820849986, 0.367879441, 0.740818221, 1, 1.4918247, 4.48168907, 24.5325302, 1096.63316);
        yield return Case("log_softmax", -11.029396, -9.52939602, -8.02939602, -7.32939602, -7.02939602, -6.62939602, -5.52939602, -3.82939602, -0.0293960203);
        yield return Case("softmax", 1.62178832e-05, 7.26835101e-05, 0.000325744893, 0.00065596966, 0.000885466423, 0.00132096068, 0.00396838519, 0.0217227318, 0.97103184);
        yield return Case("selu", -1.72589863, -1.61378576, -1.11133074, -0.455667315, 0, 0.420280395, 1.57605148, 3.36224316, 7.35490691);
        yield return Case("elu", -0.981684361, -0.917915001, -0.632120559, -0.259181779, 0, 0.4, 1.5, 3.2, 7);
        yield return Case("softplus", 0.0181499279, 0.0788897343, 0.313261688, 0.554355244, 0.693147181, 0.913015252, 1.70141328, 3.23995333, 7.00091147);
        yield return Case("softsign", -0.8, -0.714285714, -0.5, -0.230769231, 0, 0.285714286, 0.6, 0.761904762, 0.875);
        yield return Case("linear", -4, -2.5, -1, -0.3, 0, 0.4, 1.5, 3.2, 7);
    }

    [TestCaseSource(nameof(KnownValues))]
    public void ActivationByNameGivesKnownValues(string name, double[] expected)
    {
        var f = Acts.Get(name);
        Assert.That(Apply(f.Call, X), Is.EqualTo(expected).Within(1e-5).Percent.Or.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void GeluApproximateUsesTheTanhForm()
    {
        // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), python3 math.
        double[] expected = [-7.02459482e-05, -0.0150842661, -0.158808009, -0.114629076, 0, 0.262161169, 1.39957158, 3.19813043, 7];
        Assert.That(Apply(x => ActivationOps.Gelu(x, approximate: true), X), Is.EqualTo(expected).Within(2e-6));
    }

    [Test]
    public void ReluArgumentsFollowKeras()
    {
        // Keras 3 docstring examples for keras.activations.relu.
        float[] x = [-10f, -5f, 0f, 5f, 10f];
        Assert.That(Apply(t => ActivationOps.Relu(t), x), Is.EqualTo(new double[] { 0, 0, 0, 5, 10 }));
        Assert.That(Apply(t => ActivationOps.Relu(t, negativeSlope: 0.5), x), Is.EqualTo(new double[] { -5, -2.5, 0, 5, 10 }));
        Assert.That(Apply(t => ActivationOps.Relu(t, maxValue: 5), x), Is.EqualTo(new double[] { 0, 0, 0, 5, 5 }));
        Assert.That(Apply(t => ActivationOps.Relu(t, threshold: 5), x), Is.EqualTo(new double[] { 0, 0, 0, 0, 10 }));
    }

    [Test]
    public void ReluCombinedArgumentsFollowKerasStaticCall()
    {
        // Keras ReLU.static_call re-implemented in python3: negative part relu(threshold − x),
        // x·(x > threshold), clip to [0, max_value], minus slope·negative part.
        Assert.That(Apply(t => ActivationOps.Relu(t, negativeSlope: 0.5, maxValue: 4, threshold: 1), X),
            Is.EqualTo(new[] { -2.5, -1.75, -1.0, -0.65, -0.5, -0.3, 1.5, 3.2, 4.0 }).Within(1e-6));
        Assert.That(Apply(t => ActivationOps.Relu(t, negativeSlope: 0.1, maxValue: 6), X),
            Is.EqualTo(new[] { -0.4, -0.25, -0.1, -0.03, 0.0, 0.4, 1.5, 3.2, 6.0 }).Within(1e-6));
        // A negative threshold keeps values in (threshold, 0): x·(x > −0.5) leaves −0.3.
        Assert.That(Apply(t => ActivationOps.Relu(t, threshold: -0.5), X),
            Is.EqualTo(new[] { 0, 0, 0, -0.3, 0.0, 0.4, 1.5, 3.2, 7.0 }).Within(1e-6));
    }

    [Test]
    public void SoftmaxAndLogSoftmaxUseTheGivenAxis()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 0f, 1f, 2f, 3f }, [2, 2]);
        // Along axis 0 each column is [a, a + 2]: softmax = [1/(1+e²), e²/(1+e²)].
        double lo = 1 / (1 + Math.Exp(2)), hi = 1 - lo;
        var s = ActivationOps.Softmax(x, axis: 0).to(ScalarType.Float64).data<double>().ToArray();
        Assert.That(s, Is.EqualTo(new[] { lo, lo, hi, hi }).Within(1e-6));
        var ls = ActivationOps.LogSoftmax(x, axis: 0).to(ScalarType.Float64).data<double>().ToArray();
        Assert.That(ls, Is.EqualTo(new[] { Math.Log(lo), Math.Log(lo), Math.Log(hi), Math.Log(hi) }).Within(1e-5));
    }

    [Test]
    public void CreluConcatenatesPositiveAndNegativeParts()
    {
        using var scope = NewDisposeScope();
        var y = Acts.Crelu.Call(tensor(new float[] { -1f, 2f, 0.5f, -3f }, [2, 2]));
        Assert.That(y.shape, Is.EqualTo(new long[] { 2, 4 }));
        Assert.That(y.data<float>().ToArray(), Is.EqualTo(new float[] { 0, 2, 1, 0, 0.5f, 0, 0, 3 }));
    }

    [Test]
    public void HardSigmoidNameDependsOnTheKerasVersionOfTheFile()
    {
        Assert.That(Acts.Get("hard_sigmoid"), Is.SameAs(Acts.HardSigmoid));
        Assert.That(Acts.Get("hard_sigmoid", kerasMajorVersion: 3), Is.SameAs(Acts.HardSigmoid));
        Assert.That(Acts.Get("hard_sigmoid", kerasMajorVersion: 2), Is.SameAs(Acts.HardSigmoidKeras2));
        Assert.That(Acts.Get("hard_sigmoid", kerasMajorVersion: 1), Is.SameAs(Acts.HardSigmoidKeras2));
        Assert.That(Acts.Get("sigmoid", kerasMajorVersion: 2), Is.SameAs(Acts.Sigmoid));
        Assert.That(Acts.Get("hard_sigmoid_keras2"), Is.SameAs(Acts.HardSigmoidKeras2));
    }

    [Test]
    public void RegistryHasEveryKerasName()
    {
        string[] keras3 =
        [
            "relu", "leaky_relu", "relu6", "softmax", "elu", "selu", "softplus", "softsign", "silu", "swish",
            "gelu", "tanh", "sigmoid", "exponential", "hard_sigmoid", "hard_silu", "hard_swish", "linear",
            "mish", "log_softmax", "crelu",
        ];
        Assert.That(Acts.Names, Is.SupersetOf(keras3));
        Assert.That(Acts.Get("swish"), Is.SameAs(Acts.Silu));
        Assert.That(Acts.Get("hard_swish"), Is.SameAs(Acts.HardSilu));
        Assert.That(Acts.Get(null), Is.SameAs(Acts.Linear));
        ActivationFunction fromString = "gelu";
        Assert.That(fromString.ToConfig().GetValue<string>(), Is.EqualTo("gelu"));
    }

    [Test]
    public void UnknownNameListsValidNames()
    {
        var e = Assert.Throws<KerasNetException>(() => Acts.Get("relu7"))!;
        Assert.That(e.Message, Does.Contain("relu7").And.Contain("relu6").And.Contain("hard_silu"));
    }
}
