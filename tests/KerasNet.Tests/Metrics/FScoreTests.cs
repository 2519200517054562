using KerasNet.Metrics;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Metrics;

/// <summary>
/// F1/F-beta against Keras's docstring examples (F1 threshold 0.5: [0.5, 0.8, 0.6666667]; F-beta β=2:
/// [0.3846154, 0.90909094, 0.8333334]) and two-batch values from
/// tests/KerasNet.Tests/Reference/keras_losses_metrics.py.
/// </summary>
public class FScoreTests
{
    private static Tensor T1 => F(new float[,] { { 1, 1, 1 }, { 1, 0, 0 }, { 1, 1, 0 } });
    private static Tensor P1 => F(new float[,] { { 0.2f, 0.6f, 0.7f }, { 0.2f, 0.6f, 0.6f }, { 0.6f, 0.8f, 0.0f } });
    private static Tensor T2 => F(new float[,] { { 0, 0, 1 }, { 0, 1, 0 } });
    private static Tensor P2 => F(new float[,] { { 0.1f, 0.3f, 0.9f }, { 0.7f, 0.2f, 0.1f } });

    [Test]
    public void PerClassScoresAccumulateAndReset()
    {
        using var scope = NewDisposeScope();
        using var m = new F1Score(threshold: 0.5);
        m.UpdateState(T1, P1);
        Assert.That(Values(m.Result()), Is.EqualTo(new[] { 0.49999997, 0.799999952, 0.666666567 }).Within(1e-6));
        m.UpdateState(T2, P2);
        Assert.That(Values(m.Result()), Is.EqualTo(new[] { 0.399999946, 0.666666627, 0.799999952 }).Within(1e-6));
        m.ResetState();
        Assert.That(Values(m.Result()), Is.EqualTo(new[] { 0.0, 0.0, 0.0 }));
        m.UpdateState(T1, P1);
        Assert.That(Values(m.Result()), Is.EqualTo(new[] { 0.49999997, 0.799999952, 0.666666567 }).Within(1e-6));
    }

    [TestCase("micro", 0.666666606, 0.624999942)]
    [TestCase("macro", 0.655555487, 0.622222185)]
    [TestCase("weighted", 0.627777755, 0.599999964)]
    public void Averages(string average, double afterOne, double afterTwo)
    {
        using var scope = NewDisposeScope();
        using var m = new F1Score(average: average, threshold: 0.5);
        m.UpdateState(T1, P1);
        Assert.That(Scalar(m.Result()), Is.EqualTo(afterOne).Within(1e-6));
        m.UpdateState(T2, P2);
        Assert.That(Scalar(m.Result()), Is.EqualTo(afterTwo).Within(1e-6));
    }

    [Test]
    public void WithoutThresholdEachRowsMaximumIsThePrediction()
    {
        using var scope = NewDisposeScope();
        using var m = new F1Score();
        m.UpdateState(T1, P1);
        m.UpdateState(T2, P2);
        Assert.That(Values(m.Result()), Is.EqualTo(new[] { 0.0, 0.399999946, 0.799999952 }).Within(1e-6));
    }

    [Test]
    public void SampleWeights()
    {
        using var scope = NewDisposeScope();
        using var m = new F1Score(average: "macro", threshold: 0.5);
        m.UpdateState(T1, P1, F(1f, 2f, 0.5f));
        m.UpdateState(T2, P2, F(3f, 1f));
        Assert.That(Scalar(m.Result()), Is.EqualTo(0.49999997).Within(1e-6));
    }

    [Test]
    public void FBetaWeighsRecall()
    {
        using var scope = NewDisposeScope();
        using var m = new FBetaScore(beta: 2.0, threshold: 0.5);
        m.UpdateState(T1, P1);
        Assert.That(Values(m.Result()), Is.EqualTo(new[] { 0.384615391, 0.909090936, 0.833333194 }).Within(1e-6));
        Assert.That(m.GetConfig()["beta"]!.GetValue<double>(), Is.EqualTo(2.0));
        Assert.That(new F1Score().GetConfig().ContainsKey("beta"), Is.False);
    }

    [Test]
    public void InvalidArgumentsAndShapesRaise()
    {
        using var scope = NewDisposeScope();
        Assert.Throws<KerasNetException>(() => new F1Score(average: "samples"));
        Assert.Throws<KerasNetException>(() => new F1Score(threshold: 0.0));
        Assert.Throws<KerasNetException>(() => new FBetaScore(beta: 0));
        var ex = Assert.Throws<KerasNetException>(() => new F1Score().UpdateState(F(1f, 0f), F(0.4f, 0.6f)));
        Assert.That(ex!.Message, Does.Contain("f1_score").And.Contain("(2,)"));
        Assert.Throws<KerasNetException>(() => new F1Score().Result());
    }
}
