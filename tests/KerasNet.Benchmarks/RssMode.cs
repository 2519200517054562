namespace KerasNet.Benchmarks;

/// <summary>
/// Trains the MLP for many epochs on one side, printing the process's RSS after each epoch, to see
/// whether memory stays flat. Run each side in its own process so neither inherits the other's heap.
/// </summary>
internal static class RssMode
{
    public static void Run(BenchOptions options, string side)
    {
        var mlp = Workload.All["mlp"];
        var start = Rss.CurrentMb();
        Console.WriteLine($"rss side={side} epochs={options.Epochs} rss_start_mb={start:F0}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Print(int epoch)
        {
            Console.WriteLine($"rss side={side} epoch={epoch} rss_mb={Rss.CurrentMb():F0} epoch_s={clock.Elapsed.TotalSeconds:F1}");
            clock.Restart();
        }
        var result = side switch
        {
            "torchsharp" => mlp.RunTorchSharp(options, Print),
            "kerasnet" => mlp.RunKerasNet(options, Print),
            _ => throw new ArgumentException($"--side must be torchsharp or kerasnet, got '{side}'"),
        };
        Console.WriteLine($"rss side={side} done train_sps={result.TrainSps:F0} test_acc={result.TestAccuracy:F4} rss_end_mb={Rss.CurrentMb():F0}");
    }
}
