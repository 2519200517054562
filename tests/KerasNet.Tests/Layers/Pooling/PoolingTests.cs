using KerasNet.Layers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Pooling;

/// <summary>Max and average pooling on closed-form cases (TF 'same' padding), shapes, configs and errors.</summary>
public class PoolingTests
{
    private static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    [Test]
    public void MaxSamePadsWithMinusInfinityAtTheEnd()
    {
        // n=5, pool 2, stride 2: out 3, total pad 1 -> (0, 1). Windows [-1,-2] [-3,-4] [-5,pad]; zero padding would give 0.
        var x = tensor(new float[] { -1, -2, -3, -4, -5 }, [1, 5, 1]);
        Assert.That(Values(new MaxPooling1D(2, padding: "same").Apply(x)), Is.EqualTo(new[] { -1f, -3f, -5f }));
    }

    [Test]
    public void AverageSameLeavesPaddingOutOfTheDivisor()
    {
        var x = tensor(new float[] { 1, 2, 3, 4 }, [1, 4, 1]);
        // pool 3, stride 1: pads (1, 1) -> [(1+2)/2, 2, 3, (3+4)/2].
        Assert.That(Values(new AveragePooling1D(3, strides: 1, padding: "same").Apply(x)), Is.EqualTo(new[] { 1.5f, 2f, 3f, 3.5f }));
        // pool 2, stride 1: pads (0, 1) -> [1.5, 2.5, 3.5, 4/1].
        Assert.That(Values(new AveragePooling1D(2, strides: 1, padding: "same").Apply(x)), Is.EqualTo(new[] { 1.5f, 2.5f, 3.5f, 4f }));
    }

    [Test]
    public void AverageSameUnevenPaddingIn2D()
    {
        // 3x3 image 1..9, pool 2, stride 2, same: pads (0, 1) on both axes.
        // Windows: {1,2,4,5} -> 3, {3,6} -> 4.5, {7,8} -> 7.5, {9} -> 9.
        var x = arange(1, 10, dtype: ScalarType.Float32).reshape(1, 3, 3, 1);
        var layer = new AveragePooling2D(2, padding: "same");
        Assert.That(Values(layer.Apply(x)), Is.EqualTo(new[] { 3f, 4.5f, 7.5f, 9f }));
        Assert.That(Values(new MaxPooling2D(2, padding: "same").Apply(x)), Is.EqualTo(new[] { 5f, 6f, 8f, 9f }));
    }

    [Test]
    public void ChannelsFirstPoolsTheTrailingAxes()
    {
        // (batch, channels=2, 2, 2): per-channel max and mean.
        var x = tensor(new float[] { 1, 2, 3, 4, 10, 20, 30, 40 }, [1, 2, 2, 2]);
        Assert.That(Values(new MaxPooling2D(2, dataFormat: "channels_first").Apply(x)), Is.EqualTo(new[] { 4f, 40f }));
        Assert.That(Values(new AveragePooling2D(2, dataFormat: "channels_first").Apply(x)), Is.EqualTo(new[] { 2.5f, 25f }));
    }

    [TestCase(9, 2, null, "valid", 4)]
    [TestCase(9, 2, null, "same", 5)]
    [TestCase(9, 3, 2, "valid", 4)]
    [TestCase(9, 3, 2, "same", 5)]
    [TestCase(10, 3, 1, "same", 10)]
    public void OutputShapeFollowsKerasFormula(int n, int pool, int? stride, string padding, int expected)
    {
        // valid: floor((n - pool)/stride) + 1; same: ceil(n/stride); stride defaults to the pool size.
        var layer = new MaxPooling3D(pool, stride is int s ? s : null, padding);
        Assert.That(layer.ComputeOutputShape([[null, n, n, n, 2]])[0], Is.EqualTo(new Shape([null, expected, expected, expected, 2])));
        Assert.That(layer.Apply(randn([1, n, n, n, 2])).shape, Is.EqualTo(new long[] { 1, expected, expected, expected, 2 }));
        Assert.That(new AveragePooling3D(pool, stride is int s2 ? s2 : null, padding).Apply(randn([1, n, n, n, 2])).shape,
            Is.EqualTo(new long[] { 1, expected, expected, expected, 2 }));
    }

    [Test]
    public void ConfigHasKerasKeysAndStridesDefaultToPoolSize()
    {
        var c = new MaxPooling2D([3, 2], name: "p").GetConfig();
        Assert.That(c["name"]!.GetValue<string>(), Is.EqualTo("p"));
        Assert.That(c["pool_size"]!.ToJsonString(), Is.EqualTo("[3,2]"));
        Assert.That(c["strides"]!.ToJsonString(), Is.EqualTo("[3,2]"));
        Assert.That(c["padding"]!.GetValue<string>(), Is.EqualTo("valid"));
        Assert.That(c["data_format"]!.GetValue<string>(), Is.EqualTo("channels_last"));
        Assert.That(new AveragePooling1D().PoolSize, Is.EqualTo(new[] { 2 }), "Keras default pool_size 2");
    }

    [Test]
    public void BadArgumentsAndInputsAreNamed()
    {
        Assert.That(Assert.Throws<KerasNetException>(() => new MaxPooling2D(0, name: "z"))!.Message, Does.Contain("'z'").And.Contain("poolSize"));
        Assert.That(Assert.Throws<KerasNetException>(() => new AveragePooling2D(2, padding: "causal", name: "c"))!.Message,
            Does.Contain("'c'").And.Contain("'causal'"));
        var e = Assert.Throws<KerasNetException>(() => new MaxPooling2D(2, name: "r").Apply(zeros(1, 4, 4)))!;
        Assert.That(e.Message, Does.Contain("'r'").And.Contain("rank 4"));
        e = Assert.Throws<KerasNetException>(() => new MaxPooling2D(3, name: "s").Apply(zeros(1, 2, 4, 1)))!;
        Assert.That(e.Message, Does.Contain("'s'").And.Contain("(1, 2, 4, 1)"));
    }
}
