using KerasNet.Layers;
using KerasNet.Models;
using static TorchSharp.torch;

namespace KerasNet.Benchmarks;

/// <summary>784-512-256-10 ReLU MLP on flattened Fashion-MNIST, Adam 1e-3, batch 128.</summary>
internal sealed class MlpWorkload : Workload
{
    public override string Name => "mlp";

    public override RunResult RunTorchSharp(BenchOptions options, Action<int>? epochEnd = null)
    {
        var data = FashionMnistData.Load(options.DataDir);
        using var scope = NewDisposeScope();
        return TorchSharpLoop.Run(() => new TorchMlp(),
            data.Train.XTensor(flatten: true), data.Train.YTensor(),
            data.Test.XTensor(flatten: true), data.Test.YTensor(),
            options.Epochs, epochEnd);
    }

    public override RunResult RunKerasNet(BenchOptions options, Action<int>? epochEnd = null)
    {
        var data = FashionMnistData.Load(options.DataDir);
        using var scope = NewDisposeScope();
        return KerasNetFit.Run(() => new Sequential([
                new Dense(512, activation: "relu", inputShape: [784]),
                new Dense(256, activation: "relu"),
                new Dense(10),
            ]),
            data.Train.XTensor(flatten: true), data.Train.YTensor(),
            data.Test.XTensor(flatten: true), data.Test.YTensor(),
            options.Epochs, epochEnd);
    }
}
