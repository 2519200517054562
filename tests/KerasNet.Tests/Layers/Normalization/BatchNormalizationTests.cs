using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>
/// BatchNormalization's training behaviour. Expected values re-implement Keras 3's formulas in numpy:
/// mean = x.mean(0), var = x.var(0) (biased), moving = moving·momentum + batch·(1 − momentum),
/// y = (x − mean)/√(var + ε).
/// </summary>
public class BatchNormalizationTests
{
    private static readonly float[,] X = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 10 }, { 0, -1, 2 } };

    [Test]
    public void OneTrainingBatchUpdatesTheMovingStatisticsWithTheBiasedVariance()
    {
        using var bn = new BatchNormalization(momentum: 0.9);
        var y = bn.Apply(F(X), training: true);

        // numpy: mean [3, 3.5, 5.25], var [7.5, 11.25, 9.6875]
        Assert.That(bn.MovingMean.ToArray(), Is.EqualTo(new[] { 0.3, 0.35, 0.525 }).Within(1e-6));
        Assert.That(bn.MovingVariance.ToArray(), Is.EqualTo(new[] { 1.65, 2.025, 1.86875 }).Within(1e-6));
        Assert.That(Values(y), Is.EqualTo(new[]
        {
            -0.730248062, -0.447193721, -0.722860088, 0.365124031, 0.447193721, 0.240953363,
            1.460496124, 1.341581162, 1.526037964, -1.095372093, -1.341581162, -1.044131238,
        }).Within(1e-5));

        bn.Apply(F(X) * 2, training: true);
        Assert.That(bn.MovingMean.ToArray(), Is.EqualTo(new[] { 0.87, 1.015, 1.5225 }).Within(1e-5));
        Assert.That(bn.MovingVariance.ToArray(), Is.EqualTo(new[] { 4.485, 6.3225, 5.556875 }).Within(1e-5));
    }

    [Test]
    public void TrainOnBatchUpdatesTheMovingStatistics()
    {
        var model = new Sequential();
        model.Add(new BatchNormalization(momentum: 0.9, inputShape: [3]));
        model.Compile(optimizer: "sgd", loss: "mse");
        model.TrainOnBatch(F(X), zeros(4, 3));

        var bn = (BatchNormalization)model.Layers[0];
        Assert.That(bn.MovingMean.ToArray(), Is.EqualTo(new[] { 0.3, 0.35, 0.525 }).Within(1e-6));
        Assert.That(bn.MovingVariance.ToArray(), Is.EqualTo(new[] { 1.65, 2.025, 1.86875 }).Within(1e-6));
        Assert.That(bn.Gamma!.ToArray(), Is.Not.EqualTo(new[] { 1f, 1f, 1f }), "gamma is trained by the same step");
    }

    [Test]
    public void FrozenLayerRunsInInferenceModeEvenWhenTraining()
    {
        var model = new Sequential();
        var bn = new BatchNormalization(momentum: 0.9, inputShape: [3]);
        model.Add(bn);
        model.Compile(optimizer: "sgd", loss: "mse");
        bn.Trainable = false;
        model.TrainOnBatch(F(X), zeros(4, 3));

        Assert.That(bn.MovingMean.ToArray(), Is.EqualTo(new[] { 0f, 0f, 0f }));
        Assert.That(bn.MovingVariance.ToArray(), Is.EqualTo(new[] { 1f, 1f, 1f }));
        Assert.That(bn.Gamma!.ToArray(), Is.EqualTo(new[] { 1f, 1f, 1f }));
        // Inference with the initial statistics: x / √(1 + 0.001).
        var y = bn.Apply(F(X), training: true);
        Assert.That(Values(y), Is.EqualTo(Values(F(X)).Select(v => v / Math.Sqrt(1.001))).Within(1e-6));
    }

    [Test]
    public void InferenceUsesTheMovingStatistics()
    {
        using var bn = new BatchNormalization();
        bn.EnsureBuilt([null, 3]);
        bn.SetWeights([F(2, 1, 0.5f), F(0, 1, -1), F(1, 2, 3), F(4, 1, 0.25f)]);
        var y = bn.Apply(F(new float[,] { { 3, 2, 4 } }));
        // γ(x − m)/√(v + 0.001) + β by hand.
        Assert.That(Values(y), Is.EqualTo(new[] { 2 * 2 / Math.Sqrt(4.001), 1 + 0 / Math.Sqrt(1.001), -1 + 0.5 * 1 / Math.Sqrt(0.251) }).Within(1e-6));
    }

    [Test]
    public void AxisOneReducesOverTheOtherAxes()
    {
        using var bn = new BatchNormalization(axis: 1);
        var x = arange(12, dtype: ScalarType.Float32).reshape(2, 2, 3).pow(1.5);
        bn.Apply(x, training: true);
        // numpy: x.mean((0, 2)), x.var((0, 2)) with momentum 0.99.
        Assert.That(bn.MovingMean.ToArray(), Is.EqualTo(new[] { 0.09945507, 0.199136903 }).Within(1e-6));
        Assert.That(bn.MovingVariance.ToArray(), Is.EqualTo(new[] { 1.800868913, 2.484449399 }).Within(1e-5));
    }

    [Test]
    public void MaskedPositionsAreLeftOutOfTheBatchStatistics()
    {
        using var bn = new BatchNormalization();
        var x = F(new float[,,] { { { 1, 2 }, { 3, 4 }, { 5, 6 } }, { { 7, 8 }, { 9, 10 }, { 11, 12 } } });
        var mask = tensor(new[,] { { true, true, false }, { true, false, false } });
        bn.ApplyMulti([x], new CallContext(true, [mask]));
        // Keras 3 _moments with a mask (numpy): mean [11/3, 14/3], var [56/9, 56/9] (sums divided by count + 1e-7).
        Assert.That(bn.MovingMean.ToArray(), Is.EqualTo(new[] { 0.036666665, 0.046666665 }).Within(1e-7));
        Assert.That(bn.MovingVariance.ToArray(), Is.EqualTo(new[] { 1.05222222, 1.05222222 }).Within(1e-6));
    }

    [Test]
    public void SeveralAxesGiveInputShapedWeightsAsKeras2()
    {
        using var bn = new BatchNormalization(axis: [1, 2]);
        var x = F(new float[,,] { { { 1, 2, 3 }, { 4, 5, 6 } }, { { 3, 2, 1 }, { 0, 1, 2 } } });
        bn.Apply(x, training: true);
        Assert.That(bn.Gamma!.Shape, Is.EqualTo(new Shape([1, 2, 3])));
        // Statistics per (row, column) over the batch only: mean of the two samples.
        Assert.That(bn.MovingMean.ToArray(), Is.EqualTo(new[] { 0.02, 0.02, 0.02, 0.02, 0.03, 0.04 }).Within(1e-7));
    }

    [Test]
    public void WeightsComeInKerasOrderAndTheMovingStatisticsAreNotTrainable()
    {
        using var bn = new BatchNormalization(scale: false);
        bn.EnsureBuilt([null, 4]);
        Assert.That(bn.Weights.Select(w => w.Name), Is.EqualTo(new[] { "beta", "moving_mean", "moving_variance" }));
        Assert.That(bn.TrainableWeights.Select(w => w.Name), Is.EqualTo(new[] { "beta" }));
    }

    [Test]
    public void ConfigUsesKerasKeysAndDefaults()
    {
        var c = new BatchNormalization(name: "bn").GetConfig();
        Assert.That((int)c["axis"]!, Is.EqualTo(-1));
        Assert.That((double)c["momentum"]!, Is.EqualTo(0.99));
        Assert.That((double)c["epsilon"]!, Is.EqualTo(1e-3));
        Assert.That(c["gamma_initializer"]!["class_name"]!.ToString(), Is.EqualTo("Ones"));
        Assert.That(c["moving_variance_initializer"]!["class_name"]!.ToString(), Is.EqualTo("Ones"));
        Assert.That((bool)c["synchronized"]!, Is.False);
    }

    [Test]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<NotSupportedException>(() => new BatchNormalization(synchronized: true));
        Assert.Throws<KerasNetException>(() => new BatchNormalization(epsilon: 0));
        var e = Assert.Throws<KerasNetException>(() => new BatchNormalization(axis: 0, name: "bn0").EnsureBuilt([null, 3]));
        Assert.That(e!.Message, Does.Contain("bn0").And.Contain("(None, 3)"));
        Assert.Throws<KerasNetException>(() => new BatchNormalization(axis: 3).EnsureBuilt([null, 3]));
    }
}
