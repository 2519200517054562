using System.Diagnostics;
using KerasNet.Data;
using KerasNet.Layers;
using KerasNet.Losses;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Utils;
using static TorchSharp.torch;

namespace KerasNet.Benchmarks;

/// <summary>
/// Is <c>Fit</c> starved by a <see cref="Dataset"/> pipeline? Trains the MLP workload (batch 128, Adam) from in-memory
/// arrays, from <c>FromTensorSlices(x, y).Shuffle(10000).Batch(128)</c>, and from the same with <c>.Prefetch(2)</c>,
/// alternating the sides run by run; also times the pipeline alone (batches made per second, no training).
/// </summary>
internal static class PipelineMode
{
    private const int BatchSize = 128;

    /// <param name="data">Fashion-MNIST.</param>
    /// <param name="options">Epochs and repeats.</param>
    /// <param name="samples">Training samples used (the first ones); null uses all 60,000.</param>
    public static void Run(FashionMnistData data, BenchOptions options, int? samples)
    {
        using var scope = NewDisposeScope();
        var x = data.Train.XTensor(flatten: true);
        var y = data.Train.YTensor();
        if (samples is int m)
        {
            x = x.narrow(0, 0, m);
            y = y.narrow(0, 0, m);
        }
        long n = x.shape[0];
        var sides = new (string Name, Func<double> Run)[]
        {
            ("arrays", () => Train(m => m.Fit(x, y, batchSize: BatchSize, epochs: options.Epochs, verbose: 0))),
            ("dataset", () => Train(m => m.Fit(Pipeline(x, y), epochs: options.Epochs, verbose: 0))),
            ("dataset+prefetch", () => Train(m => m.Fit(Pipeline(x, y).Prefetch(2), epochs: options.Epochs, verbose: 0))),
            ("pipeline-only", () => Drain(Pipeline(x, y), options.Epochs)),
        };
        var seconds = sides.ToDictionary(s => s.Name, _ => new List<double>());
        Console.WriteLine($"# pipeline samples={n} epochs={options.Epochs} repeats={options.Repeats} loadavg_start={LoadAverage()}");
        for (int r = 0; r < options.Repeats; r++)
            foreach (var (name, run) in r % 2 == 0 ? sides : sides.Reverse())
            {
                seconds[name].Add(run());
                Console.WriteLine($"  run {r + 1} {name}: {seconds[name][^1]:F2} s (loadavg {LoadAverage()})");
            }
        foreach (var (name, runs) in seconds)
        {
            double median = runs.Order().ElementAt(runs.Count / 2);
            Console.WriteLine($"pipeline {name}: samples_per_s={n * options.Epochs / median:F0} epoch_s={median / options.Epochs:F2} " +
                              $"(runs {string.Join(" ", runs.Select(s => s.ToString("F2")))})");
        }
        Console.WriteLine($"# loadavg_end={LoadAverage()}");
    }

    private static Dataset Pipeline(Tensor x, Tensor y) => Dataset.FromTensorSlices(x, y).Shuffle(10000, seed: 1).Batch(BatchSize);

    private static double Train(Action<Model> fit)
    {
        RandomSeed.Set(0);
        using var model = new Sequential([
            new Dense(512, activation: "relu", inputShape: [784]),
            new Dense(256, activation: "relu"),
            new Dense(10),
        ]);
        model.Compile(optimizer: new Adam(learningRate: 1e-3), loss: new SparseCategoricalCrossentropy(fromLogits: true));
        var clock = Stopwatch.StartNew();
        fit(model);
        return clock.Elapsed.TotalSeconds;
    }

    private static double Drain(Dataset pipeline, int epochs)
    {
        var clock = Stopwatch.StartNew();
        for (int e = 0; e < epochs; e++)
            foreach (var batch in pipeline) batch.Dispose();
        return clock.Elapsed.TotalSeconds;
    }

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
