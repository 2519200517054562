using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>Dropout variants (training-only noise), and ActivityRegularization's loss through <see cref="Layer.AddLoss"/>.</summary>
public class RegularizationLayersTests
{
    [Test]
    public void NoiseLayersAreIdentityAtInference()
    {
        var x = randn(4, 5, 6, 3);
        Layer[] layers = [new SpatialDropout2D(0.5), new GaussianDropout(0.5), new GaussianNoise(1.0), new AlphaDropout(0.5), new Dropout(0.5, noiseShape: [null, 1, 1, null])];
        foreach (var layer in layers)
            Assert.That(layer.Apply(x).eq(x).all().item<bool>(), Is.True, layer.ClassName);
    }

    [Test]
    public void SpatialDropoutDropsWholeFeatureMaps()
    {
        RandomSeed.Set(3);
        var x = ones(8, 5, 6, 4);
        var y = new SpatialDropout2D(0.5).Apply(x, training: true);
        // Every (sample, channel) map is all 0 or all 1/(1 − 0.5) = 2.
        var perMap = y.permute(0, 3, 1, 2).reshape(32, 30);
        Assert.That(perMap.amax(1).eq(perMap.amin(1)).all().item<bool>(), Is.True);
        var kept = Values(perMap.amax(1));
        Assert.That(kept.Distinct().Order(), Is.EqualTo(new double[] { 0, 2 }));

        var first = new SpatialDropout1D(0.5).Apply(ones(8, 7, 4), training: true).permute(0, 2, 1).reshape(32, 7);
        Assert.That(first.amax(1).eq(first.amin(1)).all().item<bool>(), Is.True);
        var channelsFirst = new SpatialDropout3D(0.5, dataFormat: "channels_first").Apply(ones([8, 4, 2, 2, 2]), training: true).reshape(32, 8);
        Assert.That(channelsFirst.amax(1).eq(channelsFirst.amin(1)).all().item<bool>(), Is.True);
    }

    [Test]
    public void DropoutWithANoiseShapeSharesTheDrawAlongSizeOneAxes()
    {
        RandomSeed.Set(4);
        var y = new Dropout(0.5, noiseShape: [null, 1, null]).Apply(ones(16, 5, 3), training: true);
        Assert.That(y.amax(1).eq(y.amin(1)).all().item<bool>(), Is.True, "same mask at every step");
        Assert.That(Values(y).Distinct().Order(), Is.EqualTo(new double[] { 0, 2 }));
        Assert.Throws<KerasNetException>(() => new Dropout(0.5, noiseShape: [null, 2, null]).Apply(ones(2, 5, 3), training: true));
    }

    [Test]
    public void GaussianNoiseAndDropoutHaveKerasMoments()
    {
        RandomSeed.Set(5);
        var x = full(200_000, 2.0f);
        var noisy = new GaussianNoise(0.5).Apply(x, training: true);
        Assert.That(Scalar(noisy.mean()), Is.EqualTo(2.0).Within(0.01));
        Assert.That(Scalar(noisy.std()), Is.EqualTo(0.5).Within(0.01));
        // GaussianDropout multiplies by N(1, rate/(1 − rate)): rate 0.2 gives standard deviation 0.5.
        var dropped = new GaussianDropout(0.2).Apply(x, training: true);
        Assert.That(Scalar(dropped.mean()), Is.EqualTo(2.0).Within(0.01));
        Assert.That(Scalar(dropped.std()), Is.EqualTo(1.0).Within(0.01));
    }

    [Test]
    public void AlphaDropoutKeepsZeroMeanUnitVarianceAndUsesKerasAffineValues()
    {
        RandomSeed.Set(6);
        var x = randn(400_000);
        var y = new AlphaDropout(0.2).Apply(x, training: true);
        Assert.That(Scalar(y.mean()), Is.EqualTo(0.0).Within(0.01));
        Assert.That(Scalar(y.std()), Is.EqualTo(1.0).Within(0.01));
        // Dropped inputs all become a·α' + b with α' = −λα; for rate 0.2 (numpy): a = 0.8943..., value −1.4440...
        double alphaP = -1.6732632423543772 * 1.0507009873554805;
        double a = Math.Pow(0.8 * (1 + 0.2 * alphaP * alphaP), -0.5), dropValue = a * alphaP - a * alphaP * 0.2;
        var zeroIn = new AlphaDropout(0.2).Apply(zeros(100_000), training: true);
        var values = Values(zeroIn);
        Assert.That(values.Where(v => Math.Abs(v - dropValue) < 1e-5).Count() / 100_000.0, Is.EqualTo(0.2).Within(0.01));
        Assert.That(values.All(v => Math.Abs(v - dropValue) < 1e-5 || Math.Abs(v - (-a * alphaP * 0.2)) < 1e-5), Is.True);
    }

    [Test]
    public void ActivityRegularizationAddsItsPenaltyToTheModelLoss()
    {
        var input = Keras.Input(shape: [3]);
        var dense = new Dense(2);
        var output = new ActivityRegularization(l1: 0.1, l2: 0.01).Apply(dense.Apply(input));
        var model = new Model(input, output);
        dense.SetWeights([F(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } }), F(0, 0.5f)]);
        model.Compile(optimizer: new SGD(0.0), loss: "mse");

        var logs = model.TestOnBatch(F(new float[,] { { 1, 2, 3 }, { -1, 0, 2 } }), zeros(2, 2));
        // Dense outputs [[4, 5.5], [1, 2.5]]: mse = 53.5/4; penalty = (0.1·13 + 0.01·53.5)/2 = 0.9175.
        Assert.That(logs["loss"], Is.EqualTo(13.375 + 0.9175).Within(1e-4));
        Assert.That(model.Losses, Is.Empty, "the step's tensors were released with its dispose scope");

        model.Apply(F(new float[,] { { 1, 2, 3 }, { -1, 0, 2 } }));
        Assert.That(model.Losses.Select(Scalar), Is.EqualTo(new[] { 0.9175 }).Within(1e-5));
    }

    [Test]
    public void AddedLossesLastUntilTheNextOutermostCall()
    {
        var layer = new ActivityRegularization(l2: 1.0);
        layer.Apply(F(new float[,] { { 1, 2 } }));
        Assert.That(layer.Losses.Select(Scalar), Is.EqualTo(new[] { 5.0 }));
        layer.Apply(F(new float[,] { { 3, 0 } }));
        Assert.That(layer.Losses.Select(Scalar), Is.EqualTo(new[] { 9.0 }), "the previous call's term is dropped");

        var twice = new TwiceModel(layer);
        twice.Apply(F(new float[,] { { 1, 1 } }));
        Assert.That(twice.Losses.Select(Scalar), Is.EqualTo(new[] { 2.0, 8.0 }), "both nested calls count");
    }

    [Test]
    public void AddedLossesAreTrainedAgainst()
    {
        // Loss = mse(y, 0) with zero labels plus the activity penalty: both push the weights towards 0.
        var input = Keras.Input(shape: [1]);
        var dense = new Dense(1, useBias: false);
        var model = new Model(input, new ActivityRegularization(l1: 1.0).Apply(dense.Apply(input)));
        dense.SetWeights([F(new float[,] { { 2 } })]);
        model.Compile(optimizer: new SGD(0.1), loss: "mae");
        model.TrainOnBatch(F(new float[,] { { 1 } }), F(new float[,] { { 2 } }));
        // mae is 0 at the start (prediction 2 = label), so the whole gradient is the penalty's: d|w·1|/dw = 1.
        Assert.That(dense.Kernel.ToArray()[0], Is.EqualTo(1.9f).Within(1e-6));
    }

    [Test]
    public void AddLossRejectsNonScalars()
    {
        var e = Assert.Throws<KerasNetException>(() => new ActivityRegularization(name: "reg").AddLoss(ones(2)));
        Assert.That(e!.Message, Does.Contain("reg").And.Contain("scalar"));
    }

    [Test]
    public void BadArgumentsThrow()
    {
        Assert.Throws<KerasNetException>(() => new Dropout(1.0));
        Assert.Throws<KerasNetException>(() => new SpatialDropout2D(-0.1));
        Assert.Throws<KerasNetException>(() => new GaussianNoise(-1));
        Assert.Throws<KerasNetException>(() => new ActivityRegularization(l1: -1));
        Assert.Throws<NotSupportedException>(() => new GaussianDropout(0.1, seed: 1));
        Assert.Throws<KerasNetException>(() => new SpatialDropout2D(0.1, name: "sd").Apply(ones(2, 3, 4)));
    }

    private sealed class TwiceModel(Layer inner) : Model
    {
        private readonly Layer _inner = inner;

        protected override Tensor Call(Tensor inputs, bool training) => _inner.Apply(_inner.Apply(inputs, training) * 2, training);
    }
}
