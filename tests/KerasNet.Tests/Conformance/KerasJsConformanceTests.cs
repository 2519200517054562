using KerasNet.Saving;
using KerasNet.Trainers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Conformance;

/// <summary>
/// The keras-js conformance suite: every case's Keras model config is read with <see cref="ModelConfigReader"/>,
/// given the Keras weights in <c>get_weights()</c> order with <c>model.SetWeights</c>, and its prediction compared with
/// Keras 2.1.2's. One test class per family so that the counts show per family.
/// </summary>
public abstract class KerasJsConformanceTests
{
    /// <summary>
    /// Absolute tolerance. SOURCES: inputs and weights were rounded to 6 decimals after Keras ran, so deep pipelines
    /// amplify the rounding; the largest difference over all cases is 7.8e-5 (pipeline_02, outputs near 24), and
    /// outputs up to 98 (merge.Dot.0) stay within 1e-5, so no relative term is needed.
    /// </summary>
    private const double Atol = 1e-4;

    protected static void Run(string key)
    {
        var c = KerasJsCases.Get(key);
        using var scope = NewDisposeScope();
        using var model = ModelConfigReader.FromConfig(c.ModelConfig);
        model.SetWeights(c.Weights());
        var inputs = ModelData.FromTensors(c.Inputs());
        Tensor output = null!;
        for (int call = 0; call < c.PredictCalls; call++) // stateful cases: Keras's expected output is the last call's
            output = model.PredictOutputs(inputs)[0];
        var expected = c.Expected();

        Assert.That(output.shape, Is.EqualTo(expected.shape), $"{key}: output shape");
        var difference = (output - expected).abs().flatten();
        long worst = difference.argmax().item<long>();
        Assert.That(difference[worst].item<float>(), Is.LessThanOrEqualTo(Atol),
            $"{key}: element {worst} is {output.flatten()[worst].item<float>()}, Keras gives {expected.flatten()[worst].item<float>()}");
        KerasJsCases.RecordPass(c);
    }
}

/// <summary>Prints the per-family tally once the conformance tests have run.</summary>
[SetUpFixture]
public sealed class KerasJsConformanceReport
{
    [OneTimeTearDown]
    public void PrintTally() => TestContext.Progress.WriteLine(KerasJsCases.Report());
}

public sealed class AdvancedActivationsConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "advanced_activations" })]
    public void Case(string key) => Run(key);
}

public sealed class ConvolutionalConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "convolutional" })]
    public void Case(string key) => Run(key);
}

public sealed class CoreConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "core" })]
    public void Case(string key) => Run(key);
}

public sealed class EmbeddingsConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "embeddings" })]
    public void Case(string key) => Run(key);
}

public sealed class MergeConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "merge" })]
    public void Case(string key) => Run(key);
}

public sealed class NoiseConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "noise" })]
    public void Case(string key) => Run(key);
}

public sealed class NormalizationConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "normalization" })]
    public void Case(string key) => Run(key);
}

public sealed class PoolingConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "pooling" })]
    public void Case(string key) => Run(key);
}

public sealed class RecurrentConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "recurrent" })]
    public void Case(string key) => Run(key);
}

public sealed class WrappersConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "wrappers" })]
    public void Case(string key) => Run(key);
}

public sealed class GraphConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "graph" })]
    public void Case(string key) => Run(key);
}

public sealed class PipelineConformance : KerasJsConformanceTests
{
    [TestCaseSource(typeof(KerasJsCases), nameof(KerasJsCases.Family), new object[] { "pipeline" })]
    public void Case(string key) => Run(key);
}

/// <summary>The suite itself: every keras-js model case is present and lands in one family.</summary>
public sealed class KerasJsConformanceInventory
{
    [Test]
    public void AllThreeHundredAndOneModelCasesAreInTheSuite()
    {
        var byFamily = KerasJsCases.Cases.Values.GroupBy(c => c.Family).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(KerasJsCases.Cases, Has.Count.EqualTo(301));
        Assert.That(byFamily.Keys, Is.EquivalentTo(KerasJsCases.Families));
        Assert.That(byFamily["graph"], Is.EqualTo(8));
        Assert.That(byFamily["pipeline"], Is.EqualTo(17));
        Assert.That(byFamily.Values.Sum() - 8 - 17, Is.EqualTo(276));
    }
}
