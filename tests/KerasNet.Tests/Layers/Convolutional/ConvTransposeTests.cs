using KerasNet.Layers;
using NUnit.Framework;
using static KerasNet.Tests.Layers.KerasJsLayerFixtures;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Convolutional;

/// <summary>
/// Transposed convolutions on closed-form cases: with an all-ones kernel each input cell adds its value to
/// the k output cells it scatters to, at offset i·stride; Keras ('same') then keeps TF's window of that sum.
/// </summary>
public class ConvTransposeTests
{
    private static readonly Tensor TwoSteps = tensor(new float[] { 1, 2 }, [1, 2, 1]);

    private static float[] Run(Conv1DTranspose layer, Tensor x, float bias = 0)
    {
        layer.EnsureBuilt(Shape.Of(x.shape));
        layer.SetWeights(layer.UseBias ? [ones(layer.Kernel.Value.shape), full(1, bias)] : [ones(layer.Kernel.Value.shape)]);
        return layer.Apply(x).data<float>().ToArray();
    }

    [Test]
    public void ValidKeepsTheFullScatter()
    {
        // x0 covers cells 0..2, x1 covers 2..4: [1, 1, 1+2, 2, 2]; length (n-1)s + k = 5.
        Assert.That(Run(new Conv1DTranspose(1, 3, strides: 2, useBias: false), TwoSteps), Is.EqualTo(new[] { 1f, 1f, 3f, 2f, 2f }));
    }

    [Test]
    public void SameGivesInputTimesStrideCells()
    {
        // Output n*s = 4; TF's 'same' for a 4-cell conv pads (0, 1), so the window starts at cell 0.
        var layer = new Conv1DTranspose(1, 3, strides: 2, padding: "same", useBias: false);
        Assert.That(Run(layer, TwoSteps), Is.EqualTo(new[] { 1f, 1f, 3f, 2f }));
        Assert.That(layer.ComputeOutputShape([[null, 2, 1]])[0], Is.EqualTo(new Shape([null, 4, 1])));
    }

    [Test]
    public void SameWithExplicitOutputPadding()
    {
        // output_padding 0: (n-1)s + k%2 + 0 = 3 cells; TF pads (1, 1) around 3 cells, so the window starts at cell 1.
        Assert.That(Run(new Conv1DTranspose(1, 3, strides: 2, padding: "same", outputPadding: 0, useBias: false), TwoSteps),
            Is.EqualTo(new[] { 1f, 3f, 2f }));
    }

    [Test]
    public void KernelSmallerThanStrideZeroExtendsTheEndAndAddsTheBiasEverywhere()
    {
        // k=1, s=2, valid: default output_padding s-k = 1, length 4; cells 1 and 3 get no input, only the bias.
        Assert.That(Run(new Conv1DTranspose(1, 1, strides: 2), TwoSteps, bias: 0.5f), Is.EqualTo(new[] { 1.5f, 0.5f, 2.5f, 0.5f }));
    }

    // valid: (n-1)s + k + output_padding (default max(k, s) - k); same: n·s, or (n-1)s + k%2 + output_padding.
    [TestCase(4, 3, 2, "same", null, 8)]
    [TestCase(4, 3, 2, "valid", null, 9)]
    [TestCase(4, 2, 3, "valid", null, 12)]
    [TestCase(4, 3, 2, "valid", 1, 10)]
    [TestCase(4, 4, 2, "same", 1, 7)]
    [TestCase(5, 3, 1, "same", null, 5)]
    public void Conv2DTransposeOutputShapes(int n, int k, int s, string padding, int? outputPadding, int expected)
    {
        var layer = new Conv2DTranspose(3, k, strides: s, padding: padding, outputPadding: outputPadding is int p ? p : null);
        Assert.That(layer.ComputeOutputShape([[null, n, n, 2]])[0], Is.EqualTo(new Shape([null, expected, expected, 3])));
        Assert.That(layer.Apply(randn(1, n, n, 2)).shape, Is.EqualTo(new long[] { 1, expected, expected, 3 }));
        Assert.That(layer.Kernel.Shape, Is.EqualTo(Shape.Of(k, k, 3, 2)), "Keras layout (k, k, filters, in)");
    }

    [Test]
    public void ChannelsFirstMatchesKerasOnTransposedData()
    {
        // keras-js convolutional.Conv2DTranspose.4 (4x4x2, 3x3, strides 2, same, relu) fed channels-first.
        var c = Load("convolutional.Conv2DTranspose.4");
        var layer = new Conv2DTranspose(5, 3, strides: 2, padding: "same", dataFormat: "channels_first", activation: "relu");
        layer.EnsureBuilt([null, 2, 4, 4]);
        layer.SetWeights(c.Weights);
        AssertMatches(layer.Apply(c.Input.permute(0, 3, 1, 2)), c.Expected.permute(0, 3, 1, 2), "channels_first Conv2DTranspose.4");
    }

    [Test]
    public void Conv3DTransposeMatchesTheGradientOfASameConvolution()
    {
        // TF defines conv_transpose as the input-gradient of a 'same' conv; check it on a 3-D case.
        var layer = new Conv3DTranspose(2, 3, strides: 2, padding: "same", useBias: false);
        var x = randn([1, 2, 3, 2, 3]);
        layer.EnsureBuilt(Shape.Of(x.shape));
        var y = layer.Apply(x);
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 4, 6, 4, 2 }));
        var forward = new Conv3D(3, 3, strides: 2, padding: "same", useBias: false);
        forward.EnsureBuilt([null, 4, 6, 4, 2]);
        forward.SetWeights([layer.Kernel.Value]); // (k…, filters, in) is the forward conv's (k…, in, out)
        var probe = zeros([1, 4, 6, 4, 2]).requires_grad_(true);
        var conv = forward.Apply(probe);
        conv.backward([x]);
        Assert.That((probe.grad! - y).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [TestCase(4, 3, 2, 1, "same", null)]
    [TestCase(4, 4, 2, 1, "same", null)]
    [TestCase(5, 5, 2, 1, "same", null)]
    [TestCase(3, 2, 3, 1, "same", null)]
    [TestCase(4, 3, 1, 2, "same", null)]
    [TestCase(4, 3, 2, 1, "same", 1)]
    [TestCase(4, 4, 3, 1, "same", 2)]
    [TestCase(4, 3, 2, 1, "valid", 1)]
    [TestCase(4, 1, 3, 1, "valid", null)]
    [TestCase(3, 3, 1, 3, "valid", null)]
    public void Conv1DTransposeIsTheGradientOfTheMatchingConvolution(int n, int k, int s, int d, string padding, int? outputPadding)
    {
        // TF's definition: conv_transpose(x, W) = d/dz <conv(z, W), x> for z of the transposed output's shape.
        var layer = new Conv1DTranspose(2, k, strides: s, padding: padding, outputPadding: outputPadding is int p ? p : null,
            dilationRate: d, useBias: false);
        var x = randn(2, n, 3);
        var y = layer.Apply(x);
        var forward = new Conv1D(3, k, strides: s, padding: padding, dilationRate: d, useBias: false);
        forward.EnsureBuilt([null, y.shape[1], 2]);
        forward.SetWeights([layer.Kernel.Value]);
        var probe = zeros(y.shape).requires_grad_(true);
        var conv = forward.Apply(probe);
        Assert.That(conv.shape, Is.EqualTo(x.shape));
        conv.backward([x]);
        Assert.That((probe.grad! - y).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [Test]
    public void OutputPaddingMustBeSmallerThanStrides()
    {
        var e = Assert.Throws<KerasNetException>(() => new Conv2DTranspose(2, 3, strides: 2, outputPadding: 2, name: "t"))!;
        Assert.That(e.Message, Does.Contain("'t'").And.Contain("outputPadding must be smaller than strides"));
        Assert.Throws<KerasNetException>(() => new Conv1DTranspose(2, 3, padding: "causal"));
    }

    [Test]
    public void ConfigHasOutputPadding()
    {
        var c = new Conv2DTranspose(4, 3, strides: 2, outputPadding: [1, 0]).GetConfig();
        Assert.That(c["output_padding"]!.ToJsonString(), Is.EqualTo("[1,0]"));
        Assert.That(new Conv2DTranspose(4, 3).GetConfig()["output_padding"], Is.Null);
    }
}
