// What a new user writes against the published packages: .ci/channels copies this folder to a fresh one, outside
// the repository, builds it against the packages packed from it (KerasNet.Cpu, or KerasNet alone with
// KERASNET_LIBTORCH_DIR), runs it,
// publishes it single-file and runs that. It trains on the bundled digits and exits 1 below 0.9 test accuracy.
using KerasNet.Backend;
using KerasNet.Datasets;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;

RandomSeed.Set(42);
var (train, test) = Digits.LoadData();
using var model = new Sequential([
    new Dense(64, activation: "relu", inputShape: [64]),
    new Dense(10, activation: "softmax"),
]);
model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
model.Fit(train.XTensor(flatten: true), train.YTensor(), epochs: 20, batchSize: 32, verbose: 0);
var accuracy = model.Evaluate(test.XTensor(flatten: true), test.YTensor())["accuracy"];
Console.WriteLine($"native bridge: {NativeRuntime.LoadedFrom}");
Console.WriteLine($"libtorch: {Engine.LibTorchDirectory} (version {NativeRuntime.LibTorchVersion ?? "unknown"})");
Console.WriteLine($"test accuracy: {accuracy:0.0000}");
return accuracy >= 0.9 ? 0 : 1;
