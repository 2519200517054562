using KerasNet.Callbacks;
using KerasNet.Data;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Data;

public class KerasUserSampleTests
{
    [Test]
    public void DatasetPipelineWithCallbacksAsAKerasUserWritesIt()
    {
        RandomSeed.Set(3);
        var classes = randint(0, 3, [1024]);
        var x = randn(1024, 4) * 0.5f + nn.functional.one_hot(classes, 4).to(ScalarType.Float32) * 2f;
        var y = classes;
        var model = new Sequential([new Dense(16, activation: "relu", inputDim: 4), new Dense(3, activation: "softmax")]);
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        var dir = Directory.CreateTempSubdirectory("kn-sample");
        var cwd = Environment.CurrentDirectory;
        Environment.CurrentDirectory = dir.FullName;
        try
        {
            // The code, as written (ModelCheckpoint joins once model saving is on main).
            var train = Dataset.FromTensorSlices(x, y).Shuffle(1024, seed: 1).Batch(32).Prefetch(2);
            var val = Dataset.FromTensorSlices((x, y)).Take(256).Batch(64);
            var history = model.Fit(train, epochs: 40, validationData: val, verbose: 0, callbacks: [
                new EarlyStopping(monitor: "val_loss", patience: 2, restoreBestWeights: true),
                new ReduceLROnPlateau(monitor: "val_loss", patience: 1, factor: 0.5),
                new CSVLogger("log.csv"),
                new TensorBoard(logDir: "tb"),
            ]);
            var scores = model.Evaluate(val, verbose: 0);

            Assert.That(history["val_loss"], Has.Count.InRange(3, 40));
            Assert.That(scores["accuracy"], Is.GreaterThan(0.95));
            Assert.That(scores["loss"], Is.EqualTo(history["val_loss"].Min()).Within(1e-5), "the best epoch's weights were restored");
            Assert.That(File.ReadAllLines("log.csv"), Has.Length.EqualTo(history.Epochs.Count + 1));
            Assert.That(Directory.GetFiles("tb/train"), Has.Length.EqualTo(1));
            Assert.That(Directory.GetFiles("tb/validation"), Has.Length.EqualTo(1));
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
            dir.Delete(recursive: true);
        }
    }
}
