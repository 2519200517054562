namespace KerasNet.Benchmarks;

/// <summary>
/// One benchmark model trained the same way by each side: a hand-written TorchSharp loop mirroring
/// <c>shared/bench/bench_torch.py</c>, and KerasNet's <c>Fit</c>.
/// </summary>
internal abstract class Workload
{
    /// <summary>The name used on the command line and in the output.</summary>
    public abstract string Name { get; }

    /// <summary>Trains and measures the hand-written TorchSharp loop; <paramref name="epochEnd"/> gets the 1-based epoch.</summary>
    public abstract RunResult RunTorchSharp(BenchOptions options, Action<int>? epochEnd = null);

    /// <summary>Trains and measures the same model with KerasNet's <c>Fit</c>.</summary>
    public abstract RunResult RunKerasNet(BenchOptions options, Action<int>? epochEnd = null);

    /// <summary>The workloads, by name.</summary>
    public static IReadOnlyDictionary<string, Workload> All { get; } =
        new Dictionary<string, Workload> { ["mlp"] = new MlpWorkload(), ["cnn"] = new CnnWorkload(), ["lstm"] = new LstmWorkload() };
}
