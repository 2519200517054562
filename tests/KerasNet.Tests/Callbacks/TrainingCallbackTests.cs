using System.Globalization;
using KerasNet.Callbacks;
using NUnit.Framework;
using static KerasNet.Tests.Callbacks.CallbackTestModels;
using static TorchSharp.torch;

namespace KerasNet.Tests.Callbacks;

public class TrainingCallbackTests
{
    [Test]
    public void TerminateOnNaNStopsAtTheFirstBadBatch()
    {
        var (x, _) = Blobs();
        var yBad = full(128, 3, float.NaN);
        var model = Mlp();
        model.Compile(optimizer: "sgd", loss: "mse");
        int batches = 0;
        var count = new LambdaCallback(onTrainBatchEnd: (_, _) => batches++);
        var history = model.Fit(x, yBad, batchSize: 32, epochs: 3, verbose: 0, callbacks: [count, new TerminateOnNaN()]);
        Assert.That(batches, Is.EqualTo(1));
        Assert.That(history.Epochs, Is.EqualTo(new[] { 0 }));
        var ex = Assert.Throws<KerasNetException>(() => model.Fit(x, yBad, batchSize: 32, epochs: 3, verbose: 0, callbacks: [new TerminateOnNaN(raiseError: true)]));
        Assert.That(ex!.Message, Does.Contain("NaN or Inf loss encountered at batch 0"));
        var byDefault = Assert.Throws<KerasNetException>(() => model.Fit(x, yBad, batchSize: 32, epochs: 3, verbose: 0));
        Assert.That(byDefault!.Message, Does.Contain("the loss became NaN during epoch 1"));
    }

    [Test]
    public void LearningRateSchedulerSetsTheRateEachEpoch()
    {
        var (x, y) = Blobs();
        var model = Mlp();
        var history = model.Fit(x, y, epochs: 3, verbose: 0, callbacks: [new LearningRateScheduler((epoch, _) => 0.1 / (epoch + 1))]);
        Assert.That(history["learning_rate"], Is.EqualTo(new[] { 0.1, 0.05, 0.1 / 3 }).Within(1e-12));
        Assert.That(model.Optimizer!.LearningRate, Is.EqualTo(0.1 / 3).Within(1e-12));
    }

    [Test]
    public void CsvLoggerWritesKerasColumnsAndAppends()
    {
        var (x, y) = Blobs();
        var path = Path.Combine(Path.GetTempPath(), $"kn-{Guid.NewGuid():N}", "log.csv");
        try
        {
            var history = Mlp().Fit(x, y, epochs: 2, verbose: 0, validationSplit: 0.25, callbacks: [new CSVLogger(path)]);
            var lines = File.ReadAllText(path).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines[0], Is.EqualTo("epoch,accuracy,loss,val_accuracy,val_loss"));
            Assert.That(lines, Has.Length.EqualTo(3));
            var row = lines[2].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.That(row, Is.EqualTo(new[] { 1, history["accuracy"][1], history["loss"][1], history["val_accuracy"][1], history["val_loss"][1] }));
            Mlp().Fit(x, y, epochs: 1, verbose: 0, callbacks: [new CSVLogger(path, append: true)]);
            lines = File.ReadAllText(path).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Has.Length.EqualTo(4));
            Assert.That(lines[3], Does.StartWith("0,").And.EndWith(",NA,NA"), "no validation: the val_ columns read NA");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public void HistoryPlotsTrainingAndValidationCurves()
    {
        var (x, y) = Blobs();
        var history = Mlp().Fit(x, y, epochs: 3, verbose: 0, validationSplit: 0.25);
        var path = Path.Combine(Path.GetTempPath(), $"kn-history-{Guid.NewGuid():N}.png");
        try
        {
            history.Plot(path, width: 320, height: 200);
            var bytes = File.ReadAllBytes(path);
            Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
            Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), Is.EqualTo(320), "IHDR width");
            Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)), Is.EqualTo(200), "IHDR height");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
