using System.Text.Json.Nodes;
using KerasNet.Activations;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Activations;

/// <summary>
/// The 33 activation cases of keras-js (Fixtures/keras-js/activations.json), computed by Python Keras
/// 2.1.2 and rounded to 6 decimals. Keras 2 definitions apply: <c>hard_sigmoid</c> is Keras 2's
/// clip(0.2x + 0.5, 0, 1), which KerasNet resolves for files from Keras 1/2.
/// </summary>
public class ActivationsConformanceTests
{
    private const double Tolerance = 2e-6;

    public static IEnumerable<TestCaseData> Cases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "keras-js", "activations.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var (key, value) in root)
            yield return new TestCaseData(key, value!.ToJsonString()).SetName(key);
    }

    // Arguments the keras-js notebook passed besides the input (see Fixtures/keras-js/SOURCE.md).
    private static Func<Tensor, Tensor> FunctionFor(string key) => key switch
    {
        "activations.elu.3" => x => ActivationOps.Elu(x, alpha: 0.5),
        "activations.relu.3" => x => ActivationOps.Relu(x, maxValue: 0.5),
        "activations.relu.4" => x => ActivationOps.Relu(x, negativeSlope: 0.3),
        _ => KerasNet.Activations.Activations.Get(key.Split('.')[1], kerasMajorVersion: 2).Call,
    };

    [TestCaseSource(nameof(Cases))]
    public void MatchesKeras(string key, string caseJson)
    {
        var c = JsonNode.Parse(caseJson)!;
        using var scope = NewDisposeScope();
        var x = ToTensor(c["input"]!);
        var expected = c["expected"]!;
        var y = FunctionFor(key)(x);

        Assert.That(y.shape, Is.EqualTo(Shape(expected)));
        Assert.That(y.to(ScalarType.Float64).cpu().data<double>().ToArray(),
            Is.EqualTo(Data(expected)).Within(Tolerance), key);
    }

    private static double[] Data(JsonNode t) => t["data"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static long[] Shape(JsonNode t) => t["shape"]!.AsArray().Select(v => v!.GetValue<long>()).ToArray();

    private static Tensor ToTensor(JsonNode t) =>
        tensor(Data(t).Select(d => (float)d).ToArray(), Shape(t), dtype: ScalarType.Float32);
}
