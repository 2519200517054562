using System.Globalization;
using KerasNet.Backend;
using KerasNet.Benchmarks;
using static TorchSharp.torch;

// dotnet run -c Release --project tests/KerasNet.Benchmarks -- mlp cnn lstm [--epochs N] [--repeats N] [--data DIR] [--corpus DIR] [--lstm-steps N] [--threads N]
// dotnet run -c Release --project tests/KerasNet.Benchmarks -- rss [--epochs 20] [--side torchsharp|kerasnet] [--data DIR]
// dotnet run -c Release --project tests/KerasNet.Benchmarks -- pipeline [--epochs N] [--repeats N] [--samples N]: Fit from arrays vs a Dataset with/without Prefetch
// dotnet run -c Release --project tests/KerasNet.Benchmarks -- apps [--app resnet50|mobilenetv2] [--repeats N] [--threads N]
// Compares KerasNet's Fit with a hand-written TorchSharp loop on the models of shared/bench/bench_torch.py
// (--data: the Fashion-MNIST folder; --corpus: the char corpus that shared/bench/prep_data.py writes, bench-data).
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
        case "--corpus": options = options with { CorpusDir = Value() }; break;
        case "--lstm-steps": options = options with { LstmSteps = int.Parse(Value()) }; break;
        case "--side": side = Value(); break;
        case "--samples": samples = int.Parse(Value()); break;
        case "--app": apps.Add(Value()); break;
        case var w when w is "rss" or "apps" or "pipeline" || Workload.All.ContainsKey(w): names.Add(w); break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; workloads: {string.Join(", ", Workload.All.Keys)}, rss, apps, pipeline; " +
                                    "options: --epochs N, --repeats N, --data DIR, --corpus DIR, --lstm-steps N, --threads N, --side torchsharp|kerasnet, --app NAME, --samples N (pipeline)");
            return 2;
    }
}
if (names.Count == 0) names.AddRange(Workload.All.Keys);

Engine.Initialize();
Engine.Device = CPU;
Engine.Threads = options.Threads;
if (names.Remove("apps"))
{
    Console.WriteLine($"# apps: threads={get_num_threads()} repeats={options.Repeats} loadavg={LoadAverage()}");
    AppsMode.Run(options, apps);
    if (names.Count == 0) return 0;
}
Console.WriteLine($"# threads={get_num_threads()} epochs={options.Epochs} lstm_steps={options.LstmSteps} repeats={options.Repeats} " +
                  $"loadavg={LoadAverage()}");

foreach (var name in names)
{
    if (name == "rss")
    {
        RssMode.Run(options with { Epochs = rssEpochs ?? 20 }, side);
        continue;
    }
    if (name == "pipeline")
    {
        PipelineMode.Run(FashionMnistData.Load(options.DataDir), options, samples);
        continue;
    }
    var workload = Workload.All[name];
    var torchRuns = new List<RunResult>();
    var kerasRuns = new List<RunResult>();
    for (var r = 0; r < options.Repeats; r++)
    {
        // Alternate which side goes first, so that a drift in machine load hits both alike.
        if (r % 2 == 1) kerasRuns.Add(workload.RunKerasNet(options));
        torchRuns.Add(workload.RunTorchSharp(options));
        if (r % 2 == 0) kerasRuns.Add(workload.RunKerasNet(options));
        Console.WriteLine($"#   run {r + 1}: torchsharp={torchRuns[^1].TrainSps:F1} kerasnet={kerasRuns[^1].TrainSps:F1} loadavg={LoadAverage()}");
    }
    var t = Median(torchRuns.Select(r => r.TrainSps));
    var k = Median(kerasRuns.Select(r => r.TrainSps));
    Console.WriteLine($"{name} kerasnet={k:F0} torchsharp={t:F0} ratio={k / t:F3}");
    Describe("torchsharp", torchRuns);
    Describe("kerasnet", kerasRuns);
}
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static double Median(IEnumerable<double> values)
{
    var v = values.Order().ToArray();
    return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
}

static void Describe(string side, List<RunResult> r)
{
    Console.WriteLine($"  {side}: train_sps={Median(r.Select(x => x.TrainSps)):F0} (runs {string.Join(" ", r.Select(x => x.TrainSps.ToString("F0")))}) " +
                      $"train_s={Median(r.Select(x => x.TrainSeconds)):F2} test_acc={Median(r.Select(x => x.TestAccuracy)):F4} " +
                      $"final_loss={Median(r.Select(x => x.FinalLoss)):F4} infer_b1_sps={Median(r.Select(x => x.InferB1Sps)):F0} " +
                      $"infer_b256_sps={Median(r.Select(x => x.InferB256Sps)):F0} rss_before_train_mb={r[^1].RssBeforeTrainMb:F0} " +
                      $"rss_after_train_mb={r[^1].RssAfterTrainMb:F0}");
}
