using System.Diagnostics;
using KerasNet.Callbacks;
using KerasNet.Losses;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Utils;
using static TorchSharp.torch;

namespace KerasNet.Benchmarks;

/// <summary>
/// The KerasNet side: the same model compiled with Adam(1e-3) and sparse crossentropy on logits, trained by
/// <c>Fit</c> (batch 128, shuffled each epoch), timed around <c>Fit</c> exactly like the loop side.
/// </summary>
internal static class KerasNetFit
{
    private const int BatchSize = 128;

    public static RunResult Run(Func<Model> createModel, Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest,
        int epochs, Action<int>? epochEnd)
    {
        RandomSeed.Set(0);
        using var model = createModel();
        model.Compile(optimizer: new Adam(learningRate: 1e-3), loss: new SparseCategoricalCrossentropy(fromLogits: true));
        var n = xTrain.shape[0];
        var clock = new Stopwatch();
        var timer = new EpochTimer(clock, epochEnd);

        var rssBefore = Rss.CurrentMb();
        clock.Start();
        var history = model.Fit(xTrain, yTrain, batchSize: BatchSize, epochs: epochs, verbose: 0, callbacks: [timer]);
        clock.Stop();
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var rssAfter = Rss.CurrentMb();

        return new RunResult(
            TrainSps: n * epochs / trainSeconds,
            TrainSeconds: trainSeconds,
            TestAccuracy: Accuracy(model, xTest, yTest),
            FinalLoss: history["loss"][^1],
            InferB1Sps: InferenceRate(model, xTest.narrow(0, 0, 2000), 1),
            InferB256Sps: InferenceRate(model, xTest, 256),
            RssBeforeTrainMb: rssBefore,
            RssAfterTrainMb: rssAfter);
    }

    private static double Accuracy(Model model, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        return model.Predict(x, batchSize: 1000).argmax(1).eq(y).sum().item<long>() / (double)x.shape[0];
    }

    private static double InferenceRate(Model model, Tensor x, int batchSize)
    {
        using var scope = NewDisposeScope();
        model.Predict(x.narrow(0, 0, batchSize * 3), batchSize: batchSize); // warm-up
        var clock = Stopwatch.StartNew();
        model.Predict(x, batchSize: batchSize);
        return x.shape[0] / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Calls the epoch hook (RSS reporting) with the clock stopped, as the loop side does.</summary>
    private sealed class EpochTimer(Stopwatch clock, Action<int>? epochEnd) : Callback
    {
        public override void OnEpochEnd(int epoch, Logs logs)
        {
            if (epochEnd is null) return;
            clock.Stop();
            epochEnd(epoch + 1);
            clock.Start();
        }
    }
}
