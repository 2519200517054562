using KerasNet.Initializers;
using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static KerasNet.Keras;
using static KerasNet.Tests.TestTensors;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Rnn;

/// <summary>TimeDistributed hands the wrapped layer the caller's mask (Keras 3's <c>time_distributed_test.test_masking</c>).</summary>
public class TimeDistributedTests
{
    /// <summary>Keras's test layer: <c>Dense(1, kernel 0.01, no bias)</c> whose outputs are zeroed where the mask is false.</summary>
    private sealed class MaskedDense : Layer
    {
        private readonly Dense _dense = new(1, kernelInitializer: new Constant(0.01), useBias: false);

        public override bool SupportsMasking => true;

        protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
        {
            var y = _dense.Apply(inputs[0]);
            return [context.Mask(0) is { } mask ? y * mask.unsqueeze(-1).to(y.dtype) : y];
        }

        public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => [new Shape([inputShapes[0][0], 1])];
    }

    private static readonly Tensor Sequence = arange(24, dtype: ScalarType.Float32).reshape(3, 2, 4);
    private static readonly Tensor Mask = tensor(new[] { false, true, true, false, true, true }).reshape(3, 2);

    // Keras 3: [[[0], [0.22]], [[0.38], [0]], [[0.7], [0.86]]]
    private static readonly float[] KerasMasked = [0f, 0.22f, 0.38f, 0f, 0.7f, 0.86f];

    [Test]
    public void TheWrappedLayerGetsTheMaskSlicedByTimestep()
    {
        var layer = new TimeDistributed(new MaskedDense());
        var output = layer.ApplyMulti([Sequence], new CallContext(masks: [Mask]))[0];
        Assert.That(Floats(output), Is.EqualTo(KerasMasked).Within(1e-6));
        Assert.That(layer.ComputeMask([Sequence], [Mask]), Is.Null, "as in Keras 3 the mask stops at the wrapper");
        Assert.That(layer.TrainableWeights, Has.Count.EqualTo(1), "the Dense inside the custom layer is tracked through the wrapper");
    }

    [Test]
    public void InAGraphTheMaskComesFromTheCall()
    {
        var x = Input(shape: [2, 4]);
        var m = Input(shape: [2], dtype: "bool");
        var y = new TimeDistributed(new MaskedDense()).Apply(x, new Dictionary<string, object?> { ["mask"] = m });
        using var model = new Model([x, m], [y]);
        Assert.That(Floats(model.ApplyMulti([Sequence, Mask], new CallContext(false))[0]), Is.EqualTo(KerasMasked).Within(1e-6));
    }

    [Test]
    public void AMaskOfTheWrongShapeIsRefused()
    {
        var e = Assert.Throws<KerasNetException>(() =>
            new TimeDistributed(new MaskedDense(), name: "td").ApplyMulti([Sequence], new CallContext(masks: [ones(3, 5, dtype: ScalarType.Bool)])));
        Assert.That(e!.Message, Does.Contain("'td'").And.Contain("(3, 5)").And.Contain("(3, 2, 4)"));
    }
}
