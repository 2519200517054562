using KerasNet.Callbacks;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Optimizers;
using KerasNet.Utils;
using static TorchSharp.torch;

namespace KerasNet.Tests.Callbacks;

/// <summary>A small classification problem and model for callback tests, and a callback that scripts log values.</summary>
internal static class CallbackTestModels
{
    public static (Tensor X, Tensor Y) Blobs(int n = 128)
    {
        RandomSeed.Set(5);
        var classes = randint(0, 3, [n]);
        return (randn(n, 4) * 0.3f + nn.functional.one_hot(classes, 4).to(ScalarType.Float32) * 2f, classes);
    }

    public static Sequential Mlp(double learningRate = 0.1)
    {
        RandomSeed.Set(11);
        var model = new Sequential([new Dense(8, activation: "relu", inputDim: 4), new Dense(3, activation: "softmax")]);
        model.Compile(optimizer: new SGD(learningRate), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        return model;
    }

    /// <summary>Overwrites <paramref name="key"/> in each epoch's logs with the scripted value (before later callbacks read it).</summary>
    public static Callback Script(string key, params double[] values) =>
        new LambdaCallback(onEpochEnd: (epoch, logs) => logs.Set(key, values[epoch]));
}
