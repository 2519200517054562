using System.Text.Json.Nodes;
using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Saving;
using KerasNet.Trainers;
using NUnit.Framework;
using static KerasNet.Keras;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Models;

/// <summary>
/// Layer calls with named tensor arguments (Keras <c>layer(x, offset=o, states=[h1, h2])</c>, <c>mask=m</c>) in Functional
/// graphs: construction, dependencies, the run, Summary, and the Keras 3 config written and read back.
/// </summary>
public class NamedTensorArgumentsTests
{
    /// <summary><c>y = inputs + scale · offset + Σ states</c>: a custom layer reading named tensor arguments.</summary>
    public sealed class Shift(double scale = 1.0, string? name = null, bool trainable = true) : Layer(name, trainable)
    {
        public double Scale { get; } = scale;

        protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
        {
            var y = inputs[0];
            if (context.Tensor("offset") is { } offset) y = y + offset * Scale;
            foreach (var state in context.Tensors("states") ?? []) y = y + state!;
            return [y];
        }

        public override JsonObject GetConfig()
        {
            var config = base.GetConfig();
            config["scale"] = Scale;
            return config;
        }
    }

    private static Tensor Row(params float[] values) => T(values, 1, values.Length);

    private static float[] Run(Model model, params Tensor[] inputs) => Floats(model.PredictOutputs(ModelData.FromTensors(inputs))[0]);

    [Test]
    public void NamedTensorsAreDependenciesAndReachCall()
    {
        var x = Input(shape: [3], name: "x");
        var o = Input(shape: [3], name: "o");
        var h1 = Input(shape: [3], name: "h1");
        var h2 = Input(shape: [3], name: "h2");
        var summed = new Dense(3, kernelInitializer: "ones", useBias: false, name: "sum").Apply(o); // every entry Σo
        var shift = new Shift(scale: 2, name: "shift");
        var y = shift.Apply(x, new Dictionary<string, object?> { ["offset"] = summed, ["states"] = new[] { h1, h2 } });
        Assert.That(y.Shape, Is.EqualTo(new Shape([null, 3])));
        using var model = new Model([x, o, h1, h2], [y], name: "named");

        Assert.That(model.Layers.Select(l => l.Name), Is.EqualTo(new[] { "o", "x", "sum", "h1", "h2", "shift" }), "the offset's producer runs first");
        // x + 2·Σo + h1 + h2 with Σo = 6
        Assert.That(Run(model, Row(1, 2, 3), Row(1, 2, 3), Row(10, 10, 10), Row(0, 1, 0)), Is.EqualTo(new[] { 23f, 25f, 25f }));
        var summary = model.Summary(_ => { });
        Assert.That(summary, Does.Contain("x[0][0], sum[0][0], h1[0][0], h2[0][0]"), "Keras 3's Connected to: inputs, then argument tensors by name");
    }

    [Test]
    public void ASharedLayerKeepsTheArgumentsOfEachCall()
    {
        var x = Input(shape: [2], name: "x");
        var o1 = Input(shape: [2], name: "o1");
        var o2 = Input(shape: [2], name: "o2");
        var shift = new Shift(name: "shift");
        var first = shift.Apply(x, new Dictionary<string, object?> { ["offset"] = o1 });
        var second = shift.Apply(first, new Dictionary<string, object?> { ["offset"] = o2, ["states"] = new[] { o1 } });
        using var model = new Model([x, o1, o2], [second], name: "shared");
        Assert.That(shift.InboundNodes, Has.Count.EqualTo(2));
        // (x + o1) + o2 + o1
        Assert.That(Run(model, Row(1, 2), Row(10, 20), Row(100, 200)), Is.EqualTo(new[] { 121f, 242f }));
        Assert.That(model.Summary(_ => { }), Does.Contain("x[0][0], o1[0][0], shift[0][0], o2[0][0], o1[0][0]"));
    }

    [Test]
    public void AnArgumentFromOutsideTheModelIsADisconnectedGraph()
    {
        var x = Input(shape: [2], name: "x");
        var stray = Input(shape: [2], name: "stray");
        var y = new Shift(name: "shift").Apply(x, new Dictionary<string, object?> { ["offset"] = stray });
        var e = Assert.Throws<KerasNetException>(() => new Model(x, y, name: "partial"));
        Assert.That(e!.Message, Does.Contain("graph disconnected").And.Contain("stray"));
    }

    [Test]
    public void AnExplicitMaskArgumentReplacesTheInputsMask()
    {
        var x = Input(shape: [4, 2], name: "x");
        var m = Input(shape: [4], dtype: "bool", name: "m");
        var pooled = new GlobalAveragePooling1D(name: "gap").Apply(new Masking(name: "masking").Apply(x), new Dictionary<string, object?> { ["mask"] = m });
        using var model = new Model([x, m], [pooled], name: "masked");
        var data = T([1, 1, 5, 5, 3, 3, 0, 0], 1, 4, 2);
        var mask = tensor(new[] { true, false, true, false }).reshape(1, 4);
        Assert.That(Run(model, data, mask), Is.EqualTo(new[] { 2f, 2f }), "mean of steps 0 and 2, not 3 (the Masking layer's steps 0–2)");
    }

    [Test]
    public void TheConfigHoldsTensorArgumentsAsKeras3WritesThemAndReadsBack()
    {
        LayerRegistry.Register<Shift>();
        var x = Input(shape: [2], name: "x");
        var o = Input(shape: [2], name: "o");
        var m = Input(shape: [3], dtype: "bool", name: "m");
        var shift = new Shift(scale: 3, name: "shift");
        var y = shift.Apply(x, new Dictionary<string, object?> { ["offset"] = o, ["states"] = new[] { o, x } });
        var sequence = new RepeatVector(3, name: "repeat").Apply(y);
        var pooled = new GlobalAveragePooling1D(name: "gap").Apply(sequence, new Dictionary<string, object?> { ["mask"] = m, ["training"] = false });
        using var model = new Model([x, o, m], [pooled], name: "kwargs");

        var config = model.GetConfig();
        var shiftNode = config["layers"]!.AsArray().Single(l => (string)l!["name"]! == "shift")!["inbound_nodes"]![0]!;
        Assert.That(shiftNode.ToJsonString(), Is.EqualTo(ModelConfigTests.KerasNode(ModelConfigTests.Kt("x", 0, 0),
            """{"offset":""" + ModelConfigTests.Kt("o", 0, 0) + ""","states":[""" + ModelConfigTests.Kt("o", 0, 0) + "," + ModelConfigTests.Kt("x", 0, 0) + "]}")));

        using var rebuilt = ModelConfigReader.FromJson(model.ToJson());
        Assert.That(rebuilt.ToJson(), Is.EqualTo(model.ToJson()));
        var mask = tensor(new[] { true, true, false }).reshape(1, 3);
        // x + 3o + o + x = [2 + 4·10, 4 + 4·20]; the mean over the repeated steps is the same.
        Assert.That(Run(rebuilt, Row(1, 2), Row(10, 20), mask), Is.EqualTo(new[] { 42f, 84f }));
        Assert.That(Run(rebuilt, Row(1, 2), Row(10, 20), mask), Is.EqualTo(Run(model, Row(1, 2), Row(10, 20), mask)));
    }

    [Test]
    public void TensorsOfTheWrongKindFailClearly()
    {
        var shift = new Shift(name: "shift");
        var x = Input(shape: [2]);
        var data = Assert.Throws<KerasNetException>(() => shift.Apply(x, new Dictionary<string, object?> { ["offset"] = ones(1, 2) }));
        Assert.That(data!.Message, Does.Contain("'shift'").And.Contain("'offset'").And.Contain("data tensor"));
        var symbolic = Assert.Throws<KerasNetException>(() => shift.ApplyMulti([ones(1, 2)], new CallContext(arguments: new Dictionary<string, object?> { ["offset"] = x })));
        Assert.That(symbolic!.Message, Does.Contain("'offset'").And.Contain("KerasTensor"));
        var mixed = Assert.Throws<KerasNetException>(() => shift.Apply(x, new Dictionary<string, object?> { ["states"] = new object[] { x, 1.0 } }));
        Assert.That(mixed!.Message, Does.Contain("'states'").And.Contain("mixes tensors"));
        var list = Assert.Throws<KerasNetException>(() => new CallContext(arguments: new Dictionary<string, object?> { ["offset"] = new[] { ones(1), ones(1) } }).Tensor("offset"));
        Assert.That(list!.Message, Does.Contain("'offset'").And.Contain("list of 2"));
    }
}
