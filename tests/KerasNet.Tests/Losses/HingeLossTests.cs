using NUnit.Framework;
using KerasNet.Losses;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Losses;

/// <summary>Hinge losses against values from tests/KerasNet.Tests/Reference/keras_losses_metrics.py.</summary>
public class HingeLossTests
{
    private static readonly float[,] Labels01 = { { 0, 1, 1 }, { 1, 0, 0 } };
    private static readonly float[,] Pred = { { 0.3f, 0.8f, -0.2f }, { 1.5f, 0.4f, -0.6f } };

    [Test]
    public void HingeConvertsZeroOneLabelsToMinusOneOne()
    {
        using var scope = NewDisposeScope();
        var loss = new Hinge();
        Assert.That(Scalar(loss.Compute(F(Labels01), F(Pred))), Is.EqualTo(0.75).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(new float[,] { { -1, 1, 1 }, { 1, -1, -1 } }), F(Pred))), Is.EqualTo(0.75).Within(1e-6));
        Assert.That(Scalar(loss.Compute(F(Labels01), F(Pred), F(0.3f, 0.7f))), Is.EqualTo(0.344999969).Within(1e-6));
    }

    [Test]
    public void HingeKeepsLabelsThatAreNotAllZeroOrOne()
    {
        using var scope = NewDisposeScope();
        Assert.That(Scalar(new Hinge().Compute(F(new float[,] { { -1, 2, 1 }, { 1, 0, 3 } }), F(Pred))), Is.EqualTo(1.050000072).Within(1e-6));
    }

    [Test]
    public void SquaredHinge()
    {
        using var scope = NewDisposeScope();
        Assert.That(Scalar(new SquaredHinge().Compute(F(Labels01), F(Pred))), Is.EqualTo(0.88166666).Within(1e-6));
        Assert.That(Scalar(new SquaredHinge().Compute(F(Labels01), F(Pred), F(0.3f, 0.7f))), Is.EqualTo(0.405833304).Within(1e-6));
    }

    [Test]
    public void CategoricalHingeUsesOneHotLabelsAsGiven()
    {
        using var scope = NewDisposeScope();
        float[,] t = { { 0, 1, 0 }, { 0, 0, 1 } }, p = { { 0.3f, 0.8f, 0.6f }, { 0.9f, 0.2f, 0.5f } };
        // max(neg − pos + 1, 0): 0.6 − 0.8 + 1 and 0.9 − 0.5 + 1
        Assert.That(Values(new CategoricalHinge().Call(F(t), F(p))), Is.EqualTo(new[] { 0.8, 1.4 }).Within(1e-6));
        Assert.That(Scalar(new CategoricalHinge().Compute(F(t), F(p))), Is.EqualTo(1.100000024).Within(1e-6));
        Assert.That(Scalar(new CategoricalHinge().Compute(F(t), F(p), F(0.3f, 0.7f))), Is.EqualTo(0.610000014).Within(1e-6));
    }
}
