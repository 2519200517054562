using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>Embedding, Masking, Identity and Lambda.</summary>
public class CoreLayersTests
{
    private static readonly float[,] Table = { { 0, 0 }, { 1, 2 }, { 3, 4 }, { 5, 6 } };

    [Test]
    public void EmbeddingLooksUpRowsOfItsTable()
    {
        using var layer = new Embedding(4, 2, weights: F(Table));
        var y = layer.Apply(tensor(new long[,] { { 3, 0, 1 } }));
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 3, 2 }));
        Assert.That(Values(y), Is.EqualTo(new double[] { 5, 6, 0, 0, 1, 2 }));
        Assert.That(Values(layer.Apply(F(new float[,] { { 2 } }))), Is.EqualTo(new double[] { 3, 4 }), "float indices are converted");
        Assert.That(layer.ComputeOutputShape([new Shape([null, 7])])[0], Is.EqualTo(new Shape([null, 7, 2])));
    }

    [Test]
    public void EmbeddingDefaultInitializerIsKerasUniform()
    {
        using var layer = new Embedding(100, 50);
        layer.EnsureBuilt([null, 3]);
        var w = layer.Embeddings.Value;
        Assert.That(Scalar(w.abs().max()), Is.LessThanOrEqualTo(0.05));
        Assert.That(Scalar(w.std()), Is.EqualTo(0.1 / Math.Sqrt(12)).Within(0.002), "U(−0.05, 0.05) has std 0.1/√12");
        var config = layer.GetConfig();
        Assert.That(config["embeddings_initializer"]!["class_name"]!.ToString(), Is.EqualTo("RandomUniform"));
        Assert.That((bool)config["mask_zero"]!, Is.False);
    }

    [Test]
    public void MaskZeroMasksPaddingThroughFollowingLayers()
    {
        var tokens = Keras.Input(shape: [4], dtype: "int64");
        var embedded = new Embedding(4, 2, maskZero: true, weights: F(Table)).Apply(tokens);
        var model = new Model(tokens, new Dense(3).Apply(new Dropout(0.5).Apply(embedded)));
        var masks = model.ComputeMask([tensor(new long[,] { { 2, 0, 1, 0 }, { 0, 3, 3, 3 } })], null)!;
        Assert.That(masks[0]!.data<bool>().ToArray(), Is.EqualTo(new[] { true, false, true, false, false, true, true, true }));
        Assert.That(new Embedding(4, 2).ComputeMask([tensor(new long[,] { { 0 } })], null), Is.Null);
        Assert.Throws<NotSupportedException>(() => new Embedding(4, 2, loraRank: 2));
        Assert.That(new Embedding(4, 2, inputLength: 7).BatchInputShape, Is.EqualTo(new Shape([null, 7])));
    }

    [Test]
    public void MaskingZeroesAndMasksPaddedTimesteps()
    {
        var x = F(new float[,,] { { { 1, 0 }, { 0, 0 }, { 0, 2 } } });
        var layer = new Masking();
        Assert.That(Values(layer.Apply(x)), Is.EqualTo(new double[] { 1, 0, 0, 0, 0, 2 }));
        Assert.That(layer.ComputeMask([x], null)![0]!.data<bool>().ToArray(), Is.EqualTo(new[] { true, false, true }));
        var minusOne = new Masking(maskValue: -1);
        var y = minusOne.Apply(F(new float[,,] { { { -1, -1 }, { 3, -1 } } }));
        Assert.That(Values(y), Is.EqualTo(new double[] { 0, 0, 3, -1 }));
    }

    [Test]
    public void IdentityPassesValuesAndMasks()
    {
        var x = F(1, 2, 3).reshape(1, 3);
        var id = new Identity();
        Assert.That(Values(id.Apply(x)), Is.EqualTo(new double[] { 1, 2, 3 }));
        var mask = tensor(new[,] { { true, false, true } });
        Assert.That(id.ComputeMask([x], [mask])![0], Is.SameAs(mask));
    }

    [Test]
    public void LambdaWrapsAFunctionAndInfersItsShape()
    {
        var input = Keras.Input(shape: [3]);
        var output = new Lambda(x => x.pow(2).sum(-1, keepdim: true)).Apply(input);
        Assert.That(output.Shape, Is.EqualTo(new Shape([null, 1])));
        var model = new Model(input, output);
        Assert.That(Values(model.Apply(F(new float[,] { { 1, 2, 3 } }))), Is.EqualTo(new double[] { 14 }));
        Assert.That(new Lambda(x => x, outputShape: [5]).ComputeOutputShape([new Shape([4, 5])])[0], Is.EqualTo(new Shape([4, 5])));
    }

    [Test]
    public void LambdaSerializesOnlyRegisteredFunctions()
    {
        Lambda.Register("core_tests_double", x => x * 2);
        var named = new Lambda("core_tests_double", name: "twice");
        var config = named.GetConfig();
        Assert.That(config["function"]!["config"]!.ToString(), Is.EqualTo("core_tests_double"));
        var back = (Lambda)Lambda.FromConfig(config);
        Assert.That(Values(back.Apply(F(new float[,] { { 1.5f } }))), Is.EqualTo(new double[] { 3 }));
        var keras2 = (Lambda)Lambda.FromConfig(new JsonObject { ["name"] = "l", ["function"] = "core_tests_double", ["function_type"] = "function", ["module"] = "__main__", ["output_shape"] = null, ["output_shape_type"] = "raw", ["arguments"] = new JsonObject() });
        Assert.That(keras2.FunctionName, Is.EqualTo("core_tests_double"));

        var e = Assert.Throws<KerasNetException>(() => new Lambda(x => x + 1, name: "anon").GetConfig());
        Assert.That(e!.Message, Does.Contain("anon").And.Contain("Lambda.Register"));
        Assert.Throws<KerasNetException>(() => new Lambda("core_tests_missing"));
        Assert.Throws<NotSupportedException>(() => Lambda.FromConfig(new JsonObject
        {
            ["function"] = new JsonObject { ["class_name"] = "__lambda__", ["config"] = new JsonObject { ["code"] = "4wEAAA..." } },
        }));
    }
}
