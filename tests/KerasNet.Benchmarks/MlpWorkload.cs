using static TorchSharp.torch;

namespace KerasNet.Benchmarks;

/// <summary>784-512-256-10 ReLU MLP on flattened Fashion-MNIST, Adam 1e-3, batch 128.</summary>
internal sealed class MlpWorkload : Workload
{
    public override string Name => "mlp";

    public override RunResult RunTorchSharp(FashionMnistData data, BenchOptions options, Action<int>? epochEnd = null)
    {
        using var scope = NewDisposeScope();
        return TorchSharpLoop.Run(() => new TorchMlp(),
            data.Train.XTensor(flatten: true), data.Train.YTensor(),
            data.Test.XTensor(flatten: true), data.Test.YTensor(),
            options.Epochs, epochEnd);
    }
}
