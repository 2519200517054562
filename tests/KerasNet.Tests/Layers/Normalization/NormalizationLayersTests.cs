using KerasNet.Layers;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>
/// LayerNormalization, GroupNormalization and UnitNormalization against numpy re-implementations of Keras 3's
/// formulas (biased moments, ε = 1e-3; UnitNormalization divides by √max(Σx², 1e-12)).
/// </summary>
public class NormalizationLayersTests
{
    private static readonly float[,,] X3 = { { { 1, 2, 3 }, { 4, 5, 7 } }, { { 0, 0, 1 }, { 2, -2, 3 } } };

    [Test]
    public void LayerNormalizationOverTheLastAxis()
    {
        using var ln = new LayerNormalization();
        ln.EnsureBuilt([null, 3]);
        ln.SetWeights([F(1, 2, 0.5f), F(0, 1, -1)]);
        var y = ln.Apply(F(new float[,] { { 1, 2, 4 }, { -1, 0, 5 } }));
        Assert.That(Values(y), Is.EqualTo(new[] { -1.068701512, 0.465649244, -0.332061555, -0.888936372, -0.015927282, -0.301549994 }).Within(1e-5));
    }

    [Test]
    public void LayerNormalizationOverSeveralAxesHasWeightsShapedLikeThem()
    {
        using var ln = new LayerNormalization(axis: [1, 2]);
        ln.EnsureBuilt([null, 2, 3]);
        Assert.That(ln.Gamma!.Shape, Is.EqualTo(new Shape([2, 3])));
        ln.SetWeights([F(new float[,] { { 1, 2, 3 }, { 0.5f, 1, 2 } }), F(new float[,] { { 0, 0, 1 }, { 1, 0, 0 } })]);
        var y = ln.Apply(F(X3));
        Assert.That(Values(y), Is.EqualTo(new[]
        {
            -1.352072981, -1.690091226, -0.014054736, 1.084504561, 0.67603649, 3.380182452,
            -0.416947259, -0.833894519, 1.625420889, 1.416947259, -1.667789038, 2.918630816,
        }).Within(1e-5));
    }

    [Test]
    public void LayerNormalizationOverANonTrailingAxis()
    {
        using var ln = new LayerNormalization(axis: 1, center: false);
        ln.EnsureBuilt([null, 2, 3]);
        ln.SetWeights([F(2, 3)]);
        var y = ln.Apply(F(X3));
        Assert.That(Values(y), Is.EqualTo(new[]
        {
            -1.999555704, -1.999555704, -1.999750047, 2.999333555, 2.999333555, 2.99962507,
            -1.999000749, 1.999000749, -1.999000749, 2.998501124, -2.998501124, 2.998501124,
        }).Within(1e-5));
    }

    [Test]
    public void LayerNormalizationRmsScalingDividesByTheVarianceAsKerasDoes()
    {
        using var ln = new LayerNormalization(rmsScaling: true);
        var y = ln.Apply(F(new float[,] { { 1, 2, 4 }, { -1, 0, 5 } }));
        Assert.That(ln.Weights.Select(w => w.Name), Is.EqualTo(new[] { "gamma" }));
        Assert.That(Values(y), Is.EqualTo(new[] { 0.801526134, 1.603052267, 3.206104535, -0.380972731, 0, 1.904863654 }).Within(1e-5));
    }

    [Test]
    public void LayerNormalizationTrainsThroughAutograd()
    {
        using var ln = new LayerNormalization(axis: 1);
        var x = F(X3);
        var y = ln.Apply(x, training: true);
        y.mul(F(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } })).sum().backward();
        // d/dβ of Σ w·y is Σ w over the batch and the columns sharing each β entry.
        Assert.That(Values(ln.Beta!.Value.grad!), Is.EqualTo(new[] { 2.0 * (1 + 2 + 3), 2.0 * (4 + 5 + 6) }).Within(1e-5));
    }

    [Test]
    public void GroupNormalizationChannelsLast()
    {
        using var gn = new GroupNormalization(groups: 2);
        gn.EnsureBuilt([null, 2, 4]);
        gn.SetWeights([F(1, 2, 3, 4), F(0, 1, 0, -1)]);
        var x = arange(16, dtype: ScalarType.Float32).reshape(2, 2, 4).pow(1.3);
        Assert.That(Values(gn.Apply(x)), Is.EqualTo(new[]
        {
            -1.119006131, -0.647747132, -3.525790021, -4.061929608, 0.670343139, 3.545073115, 2.091410821, 3.974435208,
            -1.198133807, -0.484410149, -3.60169912, -3.958999609, 0.714226825, 3.452224112, 2.14894046, 3.896011156,
        }).Within(1e-4));
    }

    [Test]
    public void GroupNormalizationChannelsFirst()
    {
        using var gn = new GroupNormalization(groups: 2, axis: 1);
        var x = arange(16, dtype: ScalarType.Float32).reshape(2, 2, 4).pow(1.3).permute(0, 2, 1);
        Assert.That(Values(gn.Apply(x)), Is.EqualTo(new[]
        {
            -1.119006131, 0.670343139, -0.823873566, 1.272536558, -1.17526334, 0.69713694, -0.765482402, 1.243608802,
            -1.198133807, 0.714226825, -0.742205074, 1.226112056, -1.200566373, 0.716313487, -0.739749902, 1.224002789,
        }).Within(1e-4));
    }

    [Test]
    public void GroupNormalizationRejectsGroupsThatDoNotDivideTheChannels()
    {
        var e = Assert.Throws<KerasNetException>(() => new GroupNormalization(groups: 3, name: "gn").EnsureBuilt([null, 4]));
        Assert.That(e!.Message, Does.Contain("gn").And.Contain("(3)").And.Contain("(4)"));
        Assert.That(new GroupNormalization().GetConfig()["groups"]!.GetValue<int>(), Is.EqualTo(32));
    }

    [Test]
    public void UnitNormalizationScalesToUnitNormAndKeepsZeros()
    {
        using var un = new UnitNormalization();
        var y = un.Apply(F(new float[,] { { 3, 4, 0 }, { 0, 0, 0 } }));
        Assert.That(Values(y), Is.EqualTo(new[] { 0.6, 0.8, 0, 0, 0, 0 }).Within(1e-7));
    }
}
