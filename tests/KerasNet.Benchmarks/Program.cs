using System.Globalization;
using KerasNet.Backend;
using KerasNet.Benchmarks;
using static TorchSharp.torch;

// dotnet run -c Release --project tests/KerasNet.Benchmarks -- mlp cnn [--epochs N] [--repeats N] [--data DIR] [--threads N]
// dotnet run -c Release --project tests/KerasNet.Benchmarks -- rss [--epochs 20] [--side torchsharp|kerasnet] [--data DIR]
// dotnet run -c Release --project tests/KerasNet.Benchmarks -- pipeline [--epochs N] [--repeats N] [--samples N]: Fit from arrays vs a Dataset with/without Prefetch
// dotnet run -c Release --project tests/KerasNet.Benchmarks -- apps [--app resnet50|mobilenetv2] [--repeats N] [--threads N]
// Compares KerasNet's Fit with a hand-written TorchSharp loop on the models of shared/bench/bench_torch.py.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var names = new List<string>();
var options = new BenchOptions();
int? rssEpochs = null;
var side = "torchsharp";
int? samples = null;
var apps = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--epochs": var e = int.Parse(Value()); options = options with { Epochs = e }; rssEpochs = e; break;
        case "--repeats": options = options with { Repeats = int.Parse(Value()) }; break;
        case "--data": options = options with { DataDir = Value() }; break;
        case "--threads": options = options with { Threads = int.Parse(Value()) }; break;
        case "--side": side = Value(); break;
        case "--samples": samples = int.Parse(Value()); break;
        case "--app": apps.Add(Value()); break;
        case var w when w is "rss" or "apps" or "pipeline" || Workload.All.ContainsKey(w): names.Add(w); break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; workloads: {string.Join(", ", Workload.All.Keys)}, rss, apps, pipeline; " +
                                    "options: --epochs N, --repeats N, --data DIR, --threads N, --side torchsharp|kerasnet, --app NAME, --samples N (pipeline)");
            return 2;
    }
}
if (names.Count == 0) names.AddRange(Workload.All.Keys);

Engine.Initialize();
Engine.Device = CPU;
Engine.Threads = options.Threads;
if (names.Remove("apps"))
{
    Console.WriteLine($"# apps: threads={get_num_threads()} repeats={options.Repeats} loadavg={File.ReadAllText("/proc/loadavg").Trim()}");
    AppsMode.Run(options, apps);
    if (names.Count == 0) return 0;
}
var data = FashionMnistData.Load(options.DataDir);
Console.WriteLine($"# threads={get_num_threads()} epochs={options.Epochs} repeats={options.Repeats} " +
                  $"train={data.Train.Count} test={data.Test.Count} loadavg={File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

foreach (var name in names)
{
    if (name == "rss")
    {
        RssMode.Run(data, options with { Epochs = rssEpochs ?? 20 }, side);
        continue;
    }
    if (name == "pipeline")
    {
        PipelineMode.Run(data, options, samples);
        continue;
    }
    var workload = Workload.All[name];
    // Alternate the sides so that a change in machine load hits both alike.
    var torchRuns = new List<RunResult?>();
    var kerasRuns = new List<RunResult?>();
    for (var r = 0; r < options.Repeats; r++)
    {
        torchRuns.Add(workload.RunTorchSharp(data, options));
        kerasRuns.Add(workload.RunKerasNet(data, options));
    }
    var t = Median(torchRuns.Select(r => r!.TrainSps));
    var k = kerasRuns.All(r => r is not null) ? Median(kerasRuns.Select(r => r!.TrainSps)) : (double?)null;
    Console.WriteLine($"{name} kerasnet={(k is null ? "n/a" : $"{k:F0}")} torchsharp={t:F0} ratio={(k is null ? "n/a" : $"{k / t:F3}")}");
    Describe("torchsharp", torchRuns);
    if (k is not null) Describe("kerasnet", kerasRuns);
}
return 0;

static double Median(IEnumerable<double> values)
{
    var v = values.Order().ToArray();
    return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
}

static void Describe(string side, List<RunResult?> runs)
{
    var r = runs.Select(x => x!).ToList();
    Console.WriteLine($"  {side}: train_sps={Median(r.Select(x => x.TrainSps)):F0} (runs {string.Join(" ", r.Select(x => x.TrainSps.ToString("F0")))}) " +
                      $"train_s={Median(r.Select(x => x.TrainSeconds)):F2} test_acc={Median(r.Select(x => x.TestAccuracy)):F4} " +
                      $"final_loss={Median(r.Select(x => x.FinalLoss)):F4} infer_b1_sps={Median(r.Select(x => x.InferB1Sps)):F0} " +
                      $"infer_b256_sps={Median(r.Select(x => x.InferB256Sps)):F0} rss_before_train_mb={r[^1].RssBeforeTrainMb:F0} " +
                      $"rss_after_train_mb={r[^1].RssAfterTrainMb:F0}");
}
