using System.Diagnostics;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasNet.Benchmarks;

/// <summary>
/// The hand-written TorchSharp side, step for step as <c>bench_torch.py</c>: seed 0, Adam(lr 1e-3),
/// batch 128, a fresh <c>randperm</c> (generator seeded 0) per epoch, <c>index_select</c> batches,
/// cross-entropy on logits. Timed from the first permutation to the last step (batch slicing
/// included); one DisposeScope per step.
/// </summary>
internal static class TorchSharpLoop
{
    private const int BatchSize = 128;

    public static RunResult Run(Func<Module<Tensor, Tensor>> createModel, Tensor xTrain, Tensor yTrain,
        Tensor xTest, Tensor yTest, int epochs, Action<int>? epochEnd)
    {
        manual_seed(0);
        using var generator = new Generator(0, CPU);
        using var model = createModel();
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var n = xTrain.shape[0];
        var finalLoss = double.NaN;

        model.train();
        var rssBefore = Rss.CurrentMb();
        var clock = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            using var perm = randperm(n, generator: generator);
            for (long i = 0; i < n; i += BatchSize)
            {
                using var step = NewDisposeScope();
                var idx = perm.narrow(0, i, Math.Min(BatchSize, n - i));
                var xb = xTrain.index_select(0, idx);
                var yb = yTrain.index_select(0, idx);
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.forward(xb), yb);
                loss.backward();
                optimizer.step();
                if (epoch == epochs && i + BatchSize >= n) finalLoss = loss.item<float>();
            }
            if (epochEnd is not null)
            {
                clock.Stop();
                epochEnd(epoch);
                clock.Start();
            }
        }
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var rssAfter = Rss.CurrentMb();

        return new RunResult(
            TrainSps: n * epochs / trainSeconds,
            TrainSeconds: trainSeconds,
            TestAccuracy: Accuracy(model, xTest, yTest),
            FinalLoss: finalLoss,
            InferB1Sps: InferenceRate(model, xTest, batchSize: 1, maxSamples: 2000, warmBatches: 20),
            InferB256Sps: InferenceRate(model, xTest, batchSize: 256, maxSamples: 10000, warmBatches: 3),
            RssBeforeTrainMb: rssBefore,
            RssAfterTrainMb: rssAfter);
    }

    private static double Accuracy(Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        model.eval();
        using var noGrad = no_grad();
        using var correct = zeros(1, ScalarType.Int64);
        var n = x.shape[0];
        for (long i = 0; i < n; i += 1000)
        {
            using var step = NewDisposeScope();
            var count = Math.Min(1000, n - i);
            correct.add_(model.forward(x.narrow(0, i, count)).argmax(1).eq(y.narrow(0, i, count)).sum());
        }
        return correct.item<long>() / (double)n;
    }

    /// <summary>Samples per second of eval-mode forward passes over consecutive batches, after warm-up.</summary>
    private static double InferenceRate(Module<Tensor, Tensor> model, Tensor xs, int batchSize, int maxSamples, int warmBatches)
    {
        model.eval();
        using var noGrad = no_grad();
        var n = Math.Min(maxSamples, xs.shape[0]);
        for (var i = 0; i < warmBatches; i++)
        {
            using var step = NewDisposeScope();
            model.forward(xs.narrow(0, (long)i * batchSize, batchSize));
        }
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < n; i += batchSize)
        {
            using var step = NewDisposeScope();
            model.forward(xs.narrow(0, i, Math.Min(batchSize, n - i)));
        }
        return n / clock.Elapsed.TotalSeconds;
    }
}
