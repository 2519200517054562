using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Keras;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers;

/// <summary>
/// Keras's <c>training=None</c>: a layer applied inside another layer's <c>Call</c> runs in the caller's mode — training in
/// <c>Fit</c>, inference in <c>Predict</c> and at the top level — unless the call fixes it.
/// </summary>
public class TrainingInheritanceTests
{
    /// <summary>Dropout(0.5) held in a field, applied without a training argument; records what it produced.</summary>
    private sealed class RecordingDropout : Layer
    {
        private readonly Dropout _dropout = new(0.5);

        public float[] Last { get; private set; } = [];

        protected override Tensor Call(Tensor inputs, bool training)
        {
            var y = _dropout.Apply(inputs);
            Last = Floats(y.detach());
            return y;
        }

        public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;
    }

    /// <summary>A custom layer whose only work is to call the nested one.</summary>
    private sealed class Outer : Layer
    {
        public RecordingDropout Inner { get; } = new();

        protected override Tensor Call(Tensor inputs, bool training) => Inner.Apply(inputs);

        public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;
    }

    private static (int Zeros, int Doubled) Count(float[] values) => (values.Count(v => v == 0f), values.Count(v => v == 2f));

    [Test]
    public void DropoutInANestedCustomLayerIsActiveInFitAndInactiveInPredict()
    {
        RandomSeed.Set(7);
        var outer = new Outer();
        var x = Input(shape: [100]);
        using var model = new Model(x, outer.Apply(x));
        model.Compile(optimizer: "sgd", loss: "mse");
        var data = ones(8, 100);

        model.Fit(data, zeros(8, 100), batchSize: 8, epochs: 1, verbose: 0);
        var (zeros_, doubled) = Count(outer.Inner.Last);
        Assert.That(zeros_ + doubled, Is.EqualTo(800), "in Fit every unit is dropped (0) or scaled by 1/(1 − 0.5)");
        Assert.That(zeros_, Is.InRange(300, 500), "about half are dropped");

        model.Predict(data, verbose: 0);
        Assert.That(outer.Inner.Last, Is.All.EqualTo(1f), "Predict runs the nested dropout in inference");
    }

    [Test]
    public void ApplyInheritsTheEnclosingModeAndAnExplicitModeWins()
    {
        RandomSeed.Set(3);
        var data = ones(4, 50);
        var outer = new Outer();
        Assert.That(Floats(outer.Apply(data)), Is.All.EqualTo(1f), "top level: inference");
        var (zeros_, doubled) = Count(Floats(outer.Apply(data, training: true)));
        Assert.That(zeros_ + doubled, Is.EqualTo(200));
        Assert.That(zeros_, Is.GreaterThan(50));

        var fixedInference = new Lambda(t => new Dropout(0.5).Apply(t, training: false));
        Assert.That(Floats(fixedInference.Apply(data, training: true)), Is.All.EqualTo(1f), "training: false inside a training call");
        var fixedTraining = new Lambda(t => new Dropout(0.5).Apply(t, training: true));
        Assert.That(Floats(fixedTraining.Apply(data)), Has.Some.EqualTo(0f), "training: true at the top level");
    }

    [Test]
    public void WorkOnAnotherThreadStartsAtTheTopLevel()
    {
        var dropout = new Dropout(0.5);
        var onWorker = new Lambda(t => Task.Run(() => dropout.Apply(t)).Result);
        Assert.That(Floats(onWorker.Apply(ones(4, 50), training: true)), Is.All.EqualTo(1f),
            "a thread started inside a training call does not inherit its mode");
    }

    [Test]
    public void CompositeLayersPassTheirModeToWhatTheyWrap()
    {
        RandomSeed.Set(5);
        var data = ones(2, 3, 40);
        var wrapped = new TimeDistributed(new Dropout(0.5));
        Assert.That(Floats(wrapped.Apply(data)), Is.All.EqualTo(1f));
        Assert.That(Floats(wrapped.Apply(data, training: true)), Has.Some.EqualTo(0f).And.Some.EqualTo(2f));

        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 4, dropout: 0.5);
        var sequence = arange(2 * 3 * 4, dtype: ScalarType.Float32).reshape(2, 3, 4).div(10);
        var inCustomLayer = new Lambda(t => mha.Apply(t, t));
        var inference = inCustomLayer.Apply(sequence);
        Assert.That(inference.allclose(mha.Apply(sequence, sequence)), Is.True);
        Assert.That((inCustomLayer.Apply(sequence, training: true) - inference).abs().max().item<float>(), Is.GreaterThan(1e-3f),
            "attention dropout follows the enclosing training call");
    }
}
