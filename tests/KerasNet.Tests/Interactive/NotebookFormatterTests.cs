using System.Globalization;
using KerasNet.Interactive;
using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Interactive;

/// <summary>What KerasNet.Interactive shows in a notebook for a model, a History and a tensor.</summary>
public class NotebookFormatterTests
{
    [Test]
    public void HistoryShowsOnePlotPerQuantityAndEveryValueInATable()
    {
        var x = randn(80, 3);
        var y = (x.sum(1, keepdim: true) > 0).to(ScalarType.Float32);
        using var model = new Sequential([new Dense(1, activation: "sigmoid", inputShape: [3])]);
        model.Compile(optimizer: "adam", loss: "binary_crossentropy", metrics: ["accuracy"]);
        var history = model.Fit(x, y, epochs: 3, batchSize: 16, validationSplit: 0.25, verbose: 0);

        var html = HistoryHtml.Format(history);
        Assert.That(html.Split("<svg").Length - 1, Is.EqualTo(2), "loss and accuracy, each with its val_ curve");
        Assert.That(html, Does.Contain("<th>val_loss</th>").And.Contain("<th>val_accuracy</th>"));
        Assert.That(html, Does.Contain("<td>3</td>"), "epochs are numbered from 1");
        Assert.That(html, Does.Contain(history["val_loss"][2].ToString("0.0000", CultureInfo.InvariantCulture)));
    }

    [Test]
    public void TensorShowsShapeDtypeAndTheFirstValues()
    {
        using var t = arange(0, 300, dtype: ScalarType.Float32).reshape(3, 10, 10);
        var html = TensorHtml.Format(t);
        Assert.That(html, Does.Contain("Tensor shape=[3, 10, 10] dtype=Float32 device=cpu"));
        Assert.That(html, Does.Contain("first values of 300"));
        Assert.That(html, Does.Contain("[[[0, 1, 2, 3, 4, 5]"), "6 values of the last axis");
        Assert.That(html, Does.Contain("[250, 251, 252, 253, 254, 255]]]"), "3 matrices of 6 rows");
        Assert.That(html, Does.Not.Contain(", 6,").And.Not.Contain("106").And.Not.Contain("260"), "nothing past 6 along the last two axes");
        using var small = tensor(new[] { 1.5f, -2f });
        Assert.That(TensorHtml.Format(small), Does.Not.Contain("first values"));
    }

    [Test]
    public void ModelShowsItsKerasSummaryOrWhyNot()
    {
        using var built = new Sequential([new Dense(4, inputShape: [3], name: "hidden")], name: "tiny");
        var html = ModelHtml.Format(built);
        Assert.That(html, Does.StartWith("<pre").And.Contain("Model: &quot;tiny&quot;").And.Contain("hidden (Dense)").And.Contain("Total params: 16"));
        using var unbuilt = new Sequential([new Dense(4)], name: "lazy");
        Assert.That(ModelHtml.Format(unbuilt), Does.Contain("has not been built yet"));
    }
}
