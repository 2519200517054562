using KerasNet.Callbacks;
using NUnit.Framework;
using static KerasNet.Tests.Callbacks.CallbackTestModels;

namespace KerasNet.Tests.Callbacks;

public class MonitorCallbackTests
{
    [Test]
    public void EarlyStoppingStopsAfterPatienceAndRestoresTheBestEpoch()
    {
        var (x, y) = Blobs();
        var model = Mlp();
        float[]? bestWeights = null;
        var snapshot = new LambdaCallback(onEpochEnd: (e, _) => { if (e == 1) bestWeights = model.Weights.SelectMany(w => w.ToArray()).ToArray(); });
        var stop = new EarlyStopping(monitor: "val_loss", patience: 2, restoreBestWeights: true);
        var history = model.Fit(x, y, epochs: 10, verbose: 0, callbacks: [Script("val_loss", 1.0, 0.5, 0.6, 0.7, 0.4), snapshot, stop]);
        Assert.That(history.Epochs, Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(stop.StoppedEpoch, Is.EqualTo(3));
        Assert.That(stop.BestEpoch, Is.EqualTo(1));
        Assert.That(model.Weights.SelectMany(w => w.ToArray()), Is.EqualTo(bestWeights).AsCollection);
    }

    [Test]
    public void EarlyStoppingBaselineAndStartFromEpoch()
    {
        var (x, y) = Blobs();
        // Improvements that do not beat the baseline do not reset the patience count.
        var baseline = new EarlyStopping(monitor: "val_loss", patience: 2, baseline: 0.3);
        Assert.That(Mlp().Fit(x, y, epochs: 10, verbose: 0, callbacks: [Script("val_loss", 1.0, 0.5, 0.6, 0.6), baseline]).Epochs, Has.Count.EqualTo(3));
        // Nothing is watched during the first startFromEpoch epochs.
        var late = new EarlyStopping(monitor: "val_loss", patience: 1, startFromEpoch: 3);
        Assert.That(Mlp().Fit(x, y, epochs: 10, verbose: 0, callbacks: [Script("val_loss", 1, 2, 3, 4, 5, 6), late]).Epochs, Has.Count.EqualTo(5));
    }

    [Test]
    public void ModeAutoFollowsTheMetricDirection()
    {
        var (x, y) = Blobs();
        var stop = new EarlyStopping(monitor: "accuracy", patience: 1, minDelta: 0.05);
        var history = Mlp().Fit(x, y, epochs: 10, verbose: 0, callbacks: [Script("accuracy", 0.5, 0.6, 0.62, 0.9), stop]);
        Assert.That(history.Epochs, Has.Count.EqualTo(3), "0.62 is not 0.05 above 0.6");
        var unknown = new EarlyStopping(monitor: "custom_score");
        var ex = Assert.Throws<KerasNetException>(() => Mlp().Fit(x, y, epochs: 2, verbose: 0, callbacks: [Script("custom_score", 1, 2), unknown]));
        Assert.That(ex!.Message, Does.Contain("custom_score").And.Contain("mode: \"max\""));
    }

    [Test]
    public void ReduceLROnPlateauHalvesTheRateAfterPatience()
    {
        var (x, y) = Blobs();
        // The logged rate is the one the epoch trained with; reductions take effect from the next epoch, floored at minLr.
        var history = Mlp(learningRate: 0.1).Fit(x, y, epochs: 7, verbose: 0,
            callbacks: [Script("val_loss", 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5), new ReduceLROnPlateau(monitor: "val_loss", patience: 2, factor: 0.5, minLr: 0.03)]);
        Assert.That(history["learning_rate"], Is.EqualTo(new[] { 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.03 }).Within(1e-12));
        Assert.Throws<KerasNetException>(() => _ = new ReduceLROnPlateau(factor: 1.5));
    }
}
