using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static KerasNet.Keras;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>
/// Layers held in fields of any custom layer are tracked as Keras tracks attributes: trained, counted, saved, frozen and
/// disposed with it, each once, without cycles.
/// </summary>
public class SublayerTrackingTests
{
    /// <summary>A custom layer keeping its Dense in a field, without AddSublayer.</summary>
    private sealed class Projection : Layer
    {
        private readonly Dense _dense = new(2, name: "inner_dense");

        public Dense Dense => _dense;

        protected override Tensor Call(Tensor inputs, bool training) => _dense.Apply(inputs);
    }

    [Test]
    public void ADenseHeldInAFieldIsCountedAndTrained()
    {
        var projection = new Projection();
        var x = Input(shape: [3]);
        using var model = new Model(x, projection.Apply(x));
        Assert.That(projection.Sublayers, Is.EqualTo(new[] { projection.Dense }));
        Assert.That(model.TrainableWeights.Select(w => w.Path), Is.EqualTo(new[] { "inner_dense/kernel", "inner_dense/bias" }));
        Assert.That(model.CountParams(), Is.EqualTo(3 * 2 + 2));
        Assert.That(model.GetWeights(), Has.Count.EqualTo(2));

        var before = Floats(projection.Dense.Kernel.Value);
        model.Compile(optimizer: "sgd", loss: "mse");
        model.Fit(T([1, 2, 3, -1, 0, 1], 2, 3), T([1, 0, 0, 1], 2, 2), batchSize: 2, epochs: 2, verbose: 0);
        var after = Floats(projection.Dense.Kernel.Value);
        Assert.That(after.Zip(before).Max(p => Math.Abs(p.First - p.Second)), Is.GreaterThan(1e-4f), "the optimizer updated the field's weights");
    }

    /// <summary>Layers in a list, an array, a dictionary and a set; one of them also in a plain field and added explicitly.</summary>
    private sealed class Blocks : Layer
    {
        private readonly List<Dense> _stack = [new(2, name: "s0"), new(2, name: "s1")];
        private readonly Dense[] _heads = [new(1, name: "h0")];
        private readonly Dictionary<string, Layer> _byName = new() { ["gate"] = new Dense(2, name: "gate") };
        private readonly HashSet<Layer> _extra = [new Dense(2, name: "extra")];
        private readonly Dense _first;

        public Blocks() => _first = AddSublayer(_stack[0]);

        protected override Tensor Call(Tensor inputs, bool training)
        {
            var h = _byName["gate"].Apply(_extra.Single().Apply(_stack[1].Apply(_first.Apply(inputs))));
            return _heads[0].Apply(h);
        }
    }

    [Test]
    public void CollectionsAreTrackedAndEachLayerCountsOnce()
    {
        var blocks = new Blocks();
        blocks.Apply(ones(1, 2));
        Assert.That(blocks.Sublayers.Select(l => l.Name), Is.EqualTo(new[] { "s0", "s1", "h0", "gate", "extra" }),
            "explicit first, then fields in declaration order, each once");
        Assert.That(blocks.Weights.Select(w => w.Path), Is.EqualTo(new[]
        {
            "s0/kernel", "s0/bias", "s1/kernel", "s1/bias", "h0/kernel", "h0/bias", "gate/kernel", "gate/bias", "extra/kernel", "extra/bias",
        }));
        Assert.That(blocks.CountParams(), Is.EqualTo(4 * 6 + 2 * 1 + 1));
    }

    [Test]
    public void FreezingACustomLayerFreezesTheLayersItHolds()
    {
        var projection = new Projection();
        projection.Apply(ones(1, 3));
        projection.Trainable = false;
        Assert.That(projection.Dense.Trainable, Is.False);
        Assert.That(projection.TrainableWeights, Is.Empty);
        Assert.That(projection.NonTrainableWeights, Has.Count.EqualTo(2));
        Assert.That(projection.Dense.Kernel.Trainable, Is.False);
        projection.Trainable = true;
        Assert.That(projection.TrainableWeights, Has.Count.EqualTo(2));
    }

    /// <summary>A child that refers back to its parent, and a layer that reuses a sibling's weights.</summary>
    private sealed class Child : Layer
    {
        public Layer? Parent;
        public readonly Dense Dense = new(2, name: "child_dense");

        protected override Tensor Call(Tensor inputs, bool training) => Dense.Apply(inputs);
    }

    private sealed class Parent : Layer
    {
        public readonly Child Child;
        public readonly Dense Sibling = new(2, name: "sibling");
        public readonly Reuse Tied;

        public Parent()
        {
            Child = new Child { Parent = this };
            Tied = new Reuse(Sibling);
        }

        protected override Tensor Call(Tensor inputs, bool training) => Tied.Apply(Child.Apply(inputs));
    }

    private sealed class Reuse(Layer shared) : Layer
    {
        private readonly Layer _shared = shared;

        protected override Tensor Call(Tensor inputs, bool training) => _shared.Apply(inputs);
    }

    [Test]
    public void ReferencesToParentsAndSiblingsMakeNoCyclesAndNoDoubleCounts()
    {
        var parent = new Parent();
        parent.Apply(ones(1, 2));
        Assert.That(parent.Weights.Select(w => w.Path), Is.EqualTo(new[] { "child_dense/kernel", "child_dense/bias", "sibling/kernel", "sibling/bias" }));
        Assert.That(parent.CountParams(), Is.EqualTo(12));
        parent.Trainable = false;
        Assert.That(parent.Child.Dense.Trainable && parent.Sibling.Trainable, Is.False);
        parent.Trainable = true;
        Assert.That(parent.TrainableWeights, Has.Count.EqualTo(4));

        parent.Dispose();
        Assert.That(parent.Child.Dense.Kernel.Value.IsInvalid && parent.Sibling.Kernel.Value.IsInvalid, Is.True, "disposed once each, no cycle");
    }
}
