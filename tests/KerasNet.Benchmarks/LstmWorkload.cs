using System.Diagnostics;
using KerasNet.Layers;
using KerasNet.Losses;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasNet.Benchmarks;

/// <summary>
/// bench_torch.py's <c>lstm</c>: a char model (Embedding 64 → LSTM 256 → Dense vocabulary on every step), Adam 1e-3,
/// <see cref="BenchOptions.LstmSteps"/> steps of 64 random 100-character windows (generator seeded 0, the same windows
/// on both sides), cross-entropy on logits. Inference: 200 single-window calls (the text-generation loop: one
/// <c>Predict</c> call per window on the KerasNet side) and 512 windows in batches of 256.
/// </summary>
internal sealed class LstmWorkload : Workload
{
    private const int InferenceWindows = 512;
    private const int SingleCalls = 200;

    public override string Name => "lstm";

    public override RunResult RunTorchSharp(BenchOptions options, Action<int>? epochEnd = null)
    {
        var corpus = CharCorpus.Load(options.CorpusDir);
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var generator = new Generator(0, CPU);
        using var model = new TorchCharLstm(corpus.Vocabulary);
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        model.train();
        var finalLoss = double.NaN;
        var rssBefore = Rss.CurrentMb();
        var clock = Stopwatch.StartNew();
        for (int s = 0; s < options.LstmSteps; s++)
        {
            using var step = NewDisposeScope();
            var (x, y) = corpus.Batch(generator);
            optimizer.zero_grad();
            var loss = functional.cross_entropy(model.forward(x).reshape(-1, corpus.Vocabulary), y.reshape(-1));
            loss.backward();
            optimizer.step();
            if (s == options.LstmSteps - 1) finalLoss = loss.item<float>();
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var rssAfter = Rss.CurrentMb();

        var (windows, _) = corpus.Batch(generator, InferenceWindows);
        model.eval();
        using var noGrad = no_grad();
        double Rate(int batchSize, int count, int warm)
        {
            for (int i = 0; i < warm; i++)
                using (NewDisposeScope()) model.forward(windows.narrow(0, (long)i * batchSize, batchSize));
            var timer = Stopwatch.StartNew();
            for (int i = 0; i < count; i += batchSize)
                using (NewDisposeScope()) model.forward(windows.narrow(0, i, Math.Min(batchSize, count - i)));
            return count / timer.Elapsed.TotalSeconds;
        }
        return new RunResult(CharCorpus.BatchSize * options.LstmSteps / trainSeconds, trainSeconds, double.NaN, finalLoss,
            Rate(1, SingleCalls, 5), Rate(256, InferenceWindows, 1), rssBefore, rssAfter);
    }

    public override RunResult RunKerasNet(BenchOptions options, Action<int>? epochEnd = null)
    {
        var corpus = CharCorpus.Load(options.CorpusDir);
        using var scope = NewDisposeScope();
        RandomSeed.Set(0);
        using var generator = new Generator(0, CPU);
        using var model = new Sequential([
            new Embedding(corpus.Vocabulary, 64, inputShape: [CharCorpus.SequenceLength]),
            new LSTM(256, returnSequences: true),
            new Dense(corpus.Vocabulary),
        ]);
        model.Compile(optimizer: new Adam(learningRate: 1e-3), loss: new SparseCategoricalCrossentropy(fromLogits: true));
        var rssBefore = Rss.CurrentMb();
        var clock = Stopwatch.StartNew();
        // The same windows as the loop side, drawn up front (timed too) and fed in order.
        var batches = Enumerable.Range(0, options.LstmSteps).Select(_ => corpus.Batch(generator)).ToList();
        var x = cat(batches.Select(b => b.X).ToList(), 0);
        var y = cat(batches.Select(b => b.Y).ToList(), 0);
        var history = model.Fit(x, y, batchSize: CharCorpus.BatchSize, epochs: 1, shuffle: false, verbose: 0);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var rssAfter = Rss.CurrentMb();

        var (windows, _) = corpus.Batch(generator, InferenceWindows);
        double SingleCallRate()
        {
            for (int i = 0; i < 5; i++)
                using (NewDisposeScope()) model.Predict(windows.narrow(0, i, 1));
            var timer = Stopwatch.StartNew();
            for (int i = 0; i < SingleCalls; i++)
                using (NewDisposeScope()) model.Predict(windows.narrow(0, i, 1));
            return SingleCalls / timer.Elapsed.TotalSeconds;
        }
        double BatchRate()
        {
            using (NewDisposeScope()) model.Predict(windows.narrow(0, 0, 256), batchSize: 256);
            var timer = Stopwatch.StartNew();
            using (NewDisposeScope()) model.Predict(windows, batchSize: 256);
            return InferenceWindows / timer.Elapsed.TotalSeconds;
        }
        return new RunResult(CharCorpus.BatchSize * options.LstmSteps / trainSeconds, trainSeconds, double.NaN, history["loss"][^1],
            SingleCallRate(), BatchRate(), rssBefore, rssAfter);
    }
}
