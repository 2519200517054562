// A training job as a build step: trains a classifier on the 8x8 digits bundled in KerasNet, evaluates it on the
// held-out part, writes the metrics as JSON and fails the build when the test accuracy is below a threshold.
//   dotnet tool restore
//   dotnet cake examples/cake/train.cake [--minAccuracy=0.9] [--epochs=30] [--verbosity=quiet|normal|verbose]
// Fit's progress goes through Cake's log (Information), so Cake's verbosity decides what is shown.
// loaddependencies brings TorchSharp and libtorch along. Without a version Cake takes the newest (here: the one just
// packed; pin &version=… in real builds). On Linux, "KerasNet&loaddependencies=true" plus
// "libtorch-cpu-linux-x64&version=2.10.0" installs half as much (no Windows/macOS libtorch).
#addin nuget:?package=KerasNet.Cpu&prerelease&loaddependencies=true

using System.Text.Json;
using KerasNet.Callbacks;
using KerasNet.Datasets;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;

var target = Argument("target", "Evaluate");
var minAccuracy = Argument("minAccuracy", 0.9);
var epochs = Argument("epochs", 30);
var metricsFile = File(Argument("metrics", "artifacts/metrics.json"));

ProgressOutput.Current = ProgressOutput.ToLines(line => Information(line));
RandomSeed.Set(42);
var (train, test) = Digits.LoadData();
var model = new Sequential([
    new Dense(64, activation: "relu", inputShape: [64]),
    new Dense(10, activation: "softmax"),
], name: "digits_mlp");

Task("Train")
    .Does(() =>
    {
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        model.Summary(printFn: text => Verbose(text));
        model.Fit(train.XTensor(flatten: true), train.YTensor(), epochs: epochs, batchSize: 32, validationSplit: 0.1, verbose: 2);
    });

Task("Evaluate")
    .IsDependentOn("Train")
    .Does(() =>
    {
        var scores = model.Evaluate(test.XTensor(flatten: true), test.YTensor());
        EnsureDirectoryExists(metricsFile.Path.GetDirectory());
        System.IO.File.WriteAllText(metricsFile.Path.FullPath, JsonSerializer.Serialize(new
        {
            model = model.Name,
            epochs,
            testSamples = test.Count,
            loss = scores["loss"],
            accuracy = scores["accuracy"],
        }, new JsonSerializerOptions { WriteIndented = true }));
        Information($"test accuracy {scores["accuracy"]:0.0000} (at least {minAccuracy} required); metrics in {metricsFile.Path.FullPath}");
        if (scores["accuracy"] < minAccuracy)
            throw new CakeException($"Test accuracy {scores["accuracy"]:0.0000} is below the required {minAccuracy}.");
    });

RunTarget(target);
