using static TorchSharp.torch;

namespace KerasNet.Benchmarks;

/// <summary>Keras's "Simple MNIST convnet" on Fashion-MNIST, Adam 1e-3, batch 128.</summary>
internal sealed class CnnWorkload : Workload
{
    public override string Name => "cnn";

    public override RunResult RunTorchSharp(FashionMnistData data, BenchOptions options, Action<int>? epochEnd = null)
    {
        using var scope = NewDisposeScope();
        // PyTorch's layout, (N, 1, 28, 28); KerasNet's side will feed channels-last (N, 28, 28, 1).
        return TorchSharpLoop.Run(() => new TorchCnn(),
            data.Train.XTensor().unsqueeze(1), data.Train.YTensor(),
            data.Test.XTensor().unsqueeze(1), data.Test.YTensor(),
            options.Epochs, epochEnd);
    }
}
