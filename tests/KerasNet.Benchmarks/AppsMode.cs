using System.Diagnostics;
using KerasNet.Applications;
using KerasNet.Models;
using static TorchSharp.torch;

namespace KerasNet.Benchmarks;

/// <summary>
/// Inference throughput of KerasNet applications (<c>Predict</c>, channels-last as Keras) against the same networks
/// written directly in TorchSharp (<see cref="KerasTwin"/>, channels-first), with the KerasNet weights copied across
/// and the outputs compared first. Batch 1 and 32 at 224×224, sides alternated, median images per second.
/// </summary>
internal static class AppsMode
{
    private sealed record App(string Name, Func<Model> Keras, Func<KerasTwin> Torch);

    private static readonly App[] Apps =
    [
        new("resnet50", () => Applications.Applications.ResNet50(weights: null, classifierActivation: null), () => new TorchResNet50()),
        new("mobilenetv2", () => Applications.Applications.MobileNetV2(weights: null, classifierActivation: null), () => new TorchMobileNetV2()),
    ];

    public static void Run(BenchOptions options, IReadOnlyList<string> only)
    {
        foreach (var app in Apps.Where(a => only.Count == 0 || only.Contains(a.Name)))
        {
            using var keras = app.Keras();
            using var twin = app.Torch();
            twin.CopyWeightsFrom(keras);
            twin.eval();
            Console.WriteLine($"{app.Name}: max |KerasNet − TorchSharp| / max |TorchSharp| of the logits = {RelativeDifference(keras, twin):E2}");
            foreach (int batch in new[] { 1, 32 })
            {
                using var nhwc = rand(batch, 224, 224, 3).mul(255);
                using var nchw = nhwc.permute(0, 3, 1, 2).contiguous();
                int calls = batch == 1 ? 10 : 2;
                void Torch()
                {
                    using var _ = no_grad();
                    for (int i = 0; i < calls; i++) twin.forward(nchw).Dispose();
                }
                void Keras()
                {
                    for (int i = 0; i < calls; i++) keras.Predict(nhwc, batchSize: batch).Dispose();
                }
                Torch(); // warm-up: oneDNN builds its kernels for each new shape
                Keras();
                var torchRates = new List<double>();
                var kerasRates = new List<double>();
                for (int r = 0; r < options.Repeats; r++)
                {
                    torchRates.Add(ImagesPerSecond(Torch, batch * calls));
                    kerasRates.Add(ImagesPerSecond(Keras, batch * calls));
                }
                double t = Median(torchRates), k = Median(kerasRates);
                Console.WriteLine($"{app.Name} batch={batch} kerasnet={k:F2} torchsharp={t:F2} img/s ratio={k / t:F3} " +
                                  $"(runs kerasnet {string.Join(" ", kerasRates.Select(v => v.ToString("F2")))}; torchsharp {string.Join(" ", torchRates.Select(v => v.ToString("F2")))}) " +
                                  $"loadavg={File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            }
        }
    }

    private static double RelativeDifference(Model keras, KerasTwin twin)
    {
        using var scope = NewDisposeScope();
        var x = rand(2, 224, 224, 3).mul(255);
        var k = keras.Predict(x);
        Tensor t;
        using (no_grad()) t = twin.forward(x.permute(0, 3, 1, 2).contiguous());
        return k.sub(t).abs().max().item<float>() / t.abs().max().item<float>();
    }

    private static double ImagesPerSecond(Action run, int images)
    {
        var watch = Stopwatch.StartNew();
        run();
        return images / watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
