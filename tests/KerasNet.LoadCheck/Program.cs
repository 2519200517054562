// Loads KerasNet's native runtime in a fresh process and reports what happened, for NativeRuntimeLoadingTests.
//   first-use-then-override <libtorch folder>: a model before any libtorch is configured must fail with a clear,
//     repeatable KerasNetException; after Engine.LibTorchDirectory is set, the same process must train.
//   load: use whatever the environment configures and run one training step.
// Prints "error: <type>: <message>" for a failure and "loaded: <NativeRuntime.LoadedFrom>" on success.
using KerasNet;
using KerasNet.Backend;
using KerasNet.Layers;
using KerasNet.Models;
using static TorchSharp.torch;

static void TrainOneStep()
{
    using var model = new Sequential([new Dense(2, inputShape: [3])]);
    model.Compile(optimizer: "sgd", loss: "mse");
    using var x = ones(4, 3);
    using var y = zeros(4, 2);
    model.Fit(x, y, epochs: 1, verbose: 0);
}

static bool Fails(Action action)
{
    try
    {
        action();
        return false;
    }
    catch (Exception e)
    {
        Console.WriteLine($"error: {e.GetType().Name}: {e.Message}");
        return true;
    }
}

switch (args[0])
{
    case "first-use-then-override":
        if (!Fails(TrainOneStep) || !Fails(TrainOneStep)) return 1;
        Engine.LibTorchDirectory = args[1];
        TrainOneStep();
        break;
    case "load":
        if (Fails(TrainOneStep)) return 1;
        break;
    default:
        Console.WriteLine($"unknown scenario {args[0]}");
        return 2;
}
Console.WriteLine($"loaded: {NativeRuntime.LoadedFrom}");
return 0;
