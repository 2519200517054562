using KerasNet.Layers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>
/// Every keras-js case (Python Keras 2.1.2, Fixtures/keras-js) of the families core, normalization, merge,
/// advanced_activations, embeddings, noise and the Cropping/ZeroPadding/UpSampling cases of convolutional: the
/// model is rebuilt from its config, the weights loaded, and the prediction compared at atol 1e-4. (core.Flatten.0
/// has data but no model config: the manifest records its notebook cell as failed, so there is no case to build.)
/// </summary>
public class KerasJsLayersConformanceTests
{
    private const double Tolerance = 1e-4;

    public static IEnumerable<TestCaseData> Cases() =>
        new[] { "core", "normalization", "merge", "advanced_activations", "embeddings", "noise" }
            .SelectMany(f => KerasJsCase.Keys(f))
            .Concat(KerasJsCase.Keys("convolutional", c => c.StartsWith("Cropping") || c.StartsWith("ZeroPadding") || c.StartsWith("UpSampling")))
            .Select(k => new TestCaseData(k).SetName(k));

    [Test]
    public void CoversEveryCaseOfTheFamilies()
    {
        // 27 core (28 minus Flatten.0), 7 normalization, 28 merge, 4 advanced_activations, 3 embeddings, 2 noise,
        // 6 + 12 + 13 reshaping cases from convolutional.
        Assert.That(Cases().Count(), Is.EqualTo(27 + 7 + 28 + 4 + 3 + 2 + 3 + 6 + 6 + 2 + 5 + 5 + 3 + 6 + 6));
    }

    [TestCaseSource(nameof(Cases))]
    public void MatchesKeras(string key)
    {
        using var scope = NewDisposeScope();
        var c = KerasJsCase.Load(key);
        using var model = KerasJsModelBuilder.Build(c);
        Tensor y;
        using (no_grad())
            y = model.Apply(c.Inputs, training: false);
        Assert.That(y.shape, Is.EqualTo(c.Expected.shape), key);
        Assert.That(TestTensors.Values(y), Is.EqualTo(TestTensors.Values(c.Expected)).Within(Tolerance), key);
    }
}
