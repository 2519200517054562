using KerasNet.Layers;
using KerasNet.Models;
using static TorchSharp.torch;

namespace KerasNet.Benchmarks;

/// <summary>Keras's "Simple MNIST convnet" on Fashion-MNIST, Adam 1e-3, batch 128.</summary>
internal sealed class CnnWorkload : Workload
{
    public override string Name => "cnn";

    public override RunResult RunTorchSharp(BenchOptions options, Action<int>? epochEnd = null)
    {
        var data = FashionMnistData.Load(options.DataDir);
        using var scope = NewDisposeScope();
        // PyTorch's layout, (N, 1, 28, 28); KerasNet's side feeds channels-last (N, 28, 28, 1) as Keras does.
        return TorchSharpLoop.Run(() => new TorchCnn(),
            data.Train.XTensor().unsqueeze(1), data.Train.YTensor(),
            data.Test.XTensor().unsqueeze(1), data.Test.YTensor(),
            options.Epochs, epochEnd);
    }

    public override RunResult RunKerasNet(BenchOptions options, Action<int>? epochEnd = null)
    {
        var data = FashionMnistData.Load(options.DataDir);
        using var scope = NewDisposeScope();
        return KerasNetFit.Run(() => new Sequential([
                new Conv2D(32, kernelSize: 3, activation: "relu", inputShape: [28, 28, 1]),
                new MaxPooling2D(poolSize: 2),
                new Conv2D(64, kernelSize: 3, activation: "relu"),
                new MaxPooling2D(poolSize: 2),
                new Flatten(),
                new Dropout(0.5),
                new Dense(10),
            ]),
            data.Train.XTensor().unsqueeze(-1), data.Train.YTensor(),
            data.Test.XTensor().unsqueeze(-1), data.Test.YTensor(),
            options.Epochs, epochEnd);
    }
}
