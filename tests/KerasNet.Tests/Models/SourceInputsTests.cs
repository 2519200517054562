using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Keras;

namespace KerasNet.Tests.Models;

/// <summary>Keras's <c>get_source_inputs</c>: the <c>Input()</c> tensors a symbolic tensor is computed from.</summary>
public sealed class SourceInputsTests
{
    [Test]
    public void FindsTheInputsBehindATensorInWalkOrder()
    {
        var a = Input(shape: [4], name: "a");
        var b = Input(shape: [4], name: "b");
        var unused = Input(shape: [4], name: "unused");
        var sum = new Add().Apply([new Dense(4).Apply(a), b]);
        var doubled = new Add().Apply([sum, a]);
        Assert.That(OperationUtils.GetSourceInputs(a), Is.EqualTo(new[] { a }));
        Assert.That(OperationUtils.GetSourceInputs(doubled), Is.EqualTo(new[] { a, b }), "each input once, first reached first");
        Assert.That(OperationUtils.GetSourceInputs(doubled), Does.Not.Contain(unused));
    }

    [Test]
    public void WalksThroughNestedModels()
    {
        var inner = Input(shape: [3]);
        var innerModel = new Model(inner, new Dense(2).Apply(inner));
        var outer = Input(shape: [3], name: "outer");
        var y = innerModel.Apply(new Dense(3).Apply(outer));
        Assert.That(OperationUtils.GetSourceInputs(y), Is.EqualTo(new[] { outer }));
    }
}
