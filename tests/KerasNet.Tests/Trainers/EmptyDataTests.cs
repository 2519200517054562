using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Optimizers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Trainers;

/// <summary>Data without samples fails with a clear message instead of an index error or a NaN loss.</summary>
public class EmptyDataTests
{
    [Test]
    public void PredictFitAndEvaluateRejectEmptyInputs()
    {
        using var model = new Sequential([new Dense(2, inputShape: [3])]);
        model.Compile(optimizer: new SGD(), loss: "mse");
        var none = zeros(0, 3);
        foreach (var (caller, action) in new (string, Action)[]
        {
            ("Predict", () => model.Predict(none)),
            ("Fit", () => model.Fit(none, zeros(0, 2), verbose: 0)),
            ("Evaluate", () => model.Evaluate(none, zeros(0, 2))),
        })
        {
            var e = Assert.Throws<KerasNetException>(() => action());
            Assert.That(e!.Message, Does.StartWith(caller).And.Contain("no samples").And.Contain("(0, 3)"));
        }
    }
}
