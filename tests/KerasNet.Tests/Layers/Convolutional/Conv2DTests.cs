using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Tests.Layers.KerasJsLayerFixtures;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Convolutional;

/// <summary>Conv2D: weights, shapes, groups, channels_first, configs, errors and training.</summary>
public class Conv2DTests
{
    [Test]
    public void WeightsHaveKerasLayoutAndNames()
    {
        var layer = new Conv2D(8, [3, 5], name: "conv");
        layer.EnsureBuilt([null, 10, 10, 3]);
        Assert.That(layer.Weights.Select(w => w.Path), Is.EqualTo(new[] { "conv/kernel", "conv/bias" }));
        Assert.That(layer.Kernel.Shape, Is.EqualTo(Shape.Of(3, 5, 3, 8)));
        Assert.That(layer.Bias!.Shape, Is.EqualTo(Shape.Of(8)));
        Assert.That(layer.CountParams(), Is.EqualTo(3 * 5 * 3 * 8 + 8));
        Assert.That(layer.Bias.ToArray(), Is.All.EqualTo(0f));
    }

    [TestCase(7, 8, 3, 1, "valid", 1, 5, 6)]
    [TestCase(7, 8, 3, 1, "same", 1, 7, 8)]
    [TestCase(7, 8, 3, 2, "valid", 1, 3, 3)]
    [TestCase(7, 8, 3, 2, "same", 1, 4, 4)]
    [TestCase(7, 8, 3, 1, "valid", 2, 3, 4)]
    [TestCase(7, 8, 3, 1, "same", 3, 7, 8)]
    [TestCase(28, 28, 4, 3, "same", 1, 10, 10)]
    public void OutputShapeFollowsKerasFormula(int h, int w, int k, int s, string padding, int d, int outH, int outW)
    {
        // valid: floor((n - (k-1)d - 1)/s) + 1; same: ceil(n/s).
        var layer = new Conv2D(6, k, strides: s, padding: padding, dilationRate: d);
        Assert.That(layer.ComputeOutputShape([[null, h, w, 2]])[0], Is.EqualTo(new Shape([null, outH, outW, 6])));
        Assert.That(layer.Apply(randn(2, h, w, 2)).shape, Is.EqualTo(new long[] { 2, outH, outW, 6 }));
    }

    [Test]
    public void UnknownSpatialSizesStayUnknown()
    {
        var layer = new Conv2D(4, 3, padding: "same");
        Assert.That(layer.ComputeOutputShape([[null, null, 9, 2]])[0], Is.EqualTo(new Shape([null, null, 9, 4])));
    }

    [Test]
    public void GroupsConvolveChannelGroupsSeparately()
    {
        // 4 input channels in 2 groups; kernel (1, 1, 2, 4) of ones: outputs 0,1 sum input channels 0,1 and
        // outputs 2,3 sum channels 2,3.
        var layer = new Conv2D(4, 1, groups: 2, useBias: false);
        layer.EnsureBuilt([null, 1, 1, 4]);
        Assert.That(layer.Kernel.Shape, Is.EqualTo(Shape.Of(1, 1, 2, 4)));
        layer.SetWeights([ones(1, 1, 2, 4)]);
        var y = layer.Apply(tensor(new float[] { 1, 2, 3, 4 }, [1, 1, 1, 4]));
        Assert.That(y.data<float>().ToArray(), Is.EqualTo(new[] { 3f, 3f, 7f, 7f }));
    }

    [Test]
    public void GroupsMustDivideFiltersAndInputChannels()
    {
        var e = Assert.Throws<KerasNetException>(() => new Conv2D(5, 3, groups: 2, name: "g"))!;
        Assert.That(e.Message, Does.Contain("'g'").And.Contain("filters (5)").And.Contain("groups (2)"));
        var layer = new Conv2D(4, 3, groups: 2, name: "g2");
        e = Assert.Throws<KerasNetException>(() => layer.EnsureBuilt([null, 8, 8, 3]))!;
        Assert.That(e.Message, Does.Contain("'g2'").And.Contain("input channels (3)").And.Contain("groups (2)"));
    }

    [Test]
    public void ChannelsFirstMatchesKerasOnTransposedData()
    {
        // keras-js case convolutional.Conv2D.2 (5x5x2, 3x3, strides 2, relu), fed as (batch, channels, rows, cols).
        var c = Load("convolutional.Conv2D.2");
        var layer = new Conv2D(4, 3, strides: 2, dataFormat: "channels_first", activation: "relu");
        layer.EnsureBuilt([null, 2, 5, 5]);
        layer.SetWeights(c.Weights);
        var y = layer.Apply(c.Input.permute(0, 3, 1, 2));
        AssertMatches(y, c.Expected.permute(0, 3, 1, 2), "channels_first Conv2D.2");
        Assert.That(layer.ComputeOutputShape([[null, 2, 5, 5]])[0], Is.EqualTo(new Shape([null, 4, 2, 2])));
    }

    [Test]
    public void SameWithStride2MatchesKerasOnAnEvenInput()
    {
        // keras-js convolutional.Conv2D.5: 4x4 input, 3x3, strides 2, same -> pads (0, 1) on each axis.
        var c = Load("convolutional.Conv2D.5");
        var layer = new Conv2D(4, 3, strides: 2, padding: "same", activation: "relu");
        layer.EnsureBuilt(c.BatchInputShape);
        layer.SetWeights(c.Weights);
        AssertMatches(layer.Apply(c.Input), c.Expected, c.Key);
    }

    [Test]
    public void ConfigHasKerasKeysAndValues()
    {
        var layer = new Conv2D(16, 3, strides: [2, 1], padding: "SAME", dilationRate: 1, activation: "relu", name: "c");
        var c = layer.GetConfig();
        Assert.That(c["name"]!.GetValue<string>(), Is.EqualTo("c"));
        Assert.That(c["filters"]!.GetValue<int>(), Is.EqualTo(16));
        Assert.That(c["kernel_size"]!.ToJsonString(), Is.EqualTo("[3,3]"));
        Assert.That(c["strides"]!.ToJsonString(), Is.EqualTo("[2,1]"));
        Assert.That(c["padding"]!.GetValue<string>(), Is.EqualTo("same"));
        Assert.That(c["data_format"]!.GetValue<string>(), Is.EqualTo("channels_last"));
        Assert.That(c["dilation_rate"]!.ToJsonString(), Is.EqualTo("[1,1]"));
        Assert.That(c["groups"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(c["activation"]!.GetValue<string>(), Is.EqualTo("relu"));
        Assert.That(c["use_bias"]!.GetValue<bool>(), Is.True);
        Assert.That(c["kernel_initializer"]!["class_name"]!.GetValue<string>(), Is.EqualTo("GlorotUniform"));
        Assert.That(c["bias_initializer"]!["class_name"]!.GetValue<string>(), Is.EqualTo("Zeros"));
        Assert.That(c.ContainsKey("kernel_regularizer") && c["kernel_regularizer"] is null, Is.True);
    }

    [Test]
    public void DefaultNamesAreKerasSnakeCase()
    {
        Assert.That(new Conv2D(1, 1).Name, Does.StartWith("conv2d"));
        Assert.That(new Conv2DTranspose(1, 1).Name, Does.StartWith("conv2d_transpose"));
        Assert.That(new DepthwiseConv2D(1).Name, Does.StartWith("depthwise_conv2d"));
        Assert.That(new SeparableConv1D(1, 1).Name, Does.StartWith("separable_conv1d"));
    }

    [Test]
    public void StridesAboveOneWithDilationAboveOneIsRejected()
    {
        var e = Assert.Throws<KerasNetException>(() => new Conv2D(4, 3, strides: 2, dilationRate: 2, name: "sd"))!;
        Assert.That(e.Message, Does.Contain("'sd'").And.Contain("strides > 1").And.Contain("dilationRate > 1"));
    }

    [Test]
    public void BadArgumentsAreNamed()
    {
        Assert.That(Assert.Throws<KerasNetException>(() => new Conv2D(0, 3, name: "f"))!.Message, Does.Contain("'f'").And.Contain("filters must be positive, got 0"));
        Assert.That(Assert.Throws<KerasNetException>(() => new Conv2D(2, [3, 0], name: "k"))!.Message, Does.Contain("'k'").And.Contain("kernelSize").And.Contain("(3, 0)"));
        Assert.That(Assert.Throws<KerasNetException>(() => new Conv2D(2, [3, 3, 3], name: "k3"))!.Message, Does.Contain("kernelSize must be one integer or 2 integers"));
        Assert.That(Assert.Throws<KerasNetException>(() => new Conv2D(2, 3, padding: "full", name: "p"))!.Message, Does.Contain("'p'").And.Contain("'full'"));
        Assert.That(Assert.Throws<KerasNetException>(() => new Conv2D(2, 3, dataFormat: "nhwc", name: "d"))!.Message, Does.Contain("'d'").And.Contain("'nhwc'"));
        Assert.Throws<NotSupportedException>(() => new Conv2D(2, 3, activityRegularizer: new ZeroPenalty()));
    }

    [Test]
    public void TooSmallInputsAndWrongRanksFailWithTheShape()
    {
        var layer = new Conv2D(2, 5, name: "small");
        var e = Assert.Throws<KerasNetException>(() => layer.Apply(zeros(1, 4, 8, 1)))!;
        Assert.That(e.Message, Does.Contain("'small'").And.Contain("(1, 4, 8, 1)").And.Contain("(0, 4)"));
        var built = new Conv2D(2, 3, name: "rank");
        e = Assert.Throws<KerasNetException>(() => built.Apply(zeros(1, 8, 8)))!;
        Assert.That(e.Message, Does.Contain("'rank'").And.Contain("rank 4"));
        built.EnsureBuilt([null, 8, 8, 3]);
        e = Assert.Throws<KerasNetException>(() => built.Apply(zeros(1, 8, 8, 2)))!;
        Assert.That(e.Message, Does.Contain("'rank'").And.Contain("axis 3").And.Contain("3"));
    }

    [Test]
    public void ChannelAxisMustBeKnown()
    {
        var e = Assert.Throws<KerasNetException>(() => new Conv2D(2, 3, name: "ch").EnsureBuilt([null, 8, 8, null]))!;
        Assert.That(e.Message, Does.Contain("'ch'").And.Contain("channel axis"));
    }

    [Test]
    public void SmallConvNetLearns()
    {
        // Class 1 images have a bright 3x3 patch in the left half, class 0 in the right half.
        RandomSeed.Set(3);
        int n = 128;
        var rng = new Random(3);
        var pixels = new float[n * 64];
        var labels = new long[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = rng.Next(2);
            for (int p = 0; p < 64; p++) pixels[i * 64 + p] = 0.2f * rng.NextSingle();
            int r = rng.Next(6), c0 = rng.Next(2) + (labels[i] == 1 ? 0 : 5);
            for (int dr = 0; dr < 3; dr++)
                for (int dc = 0; dc < 3; dc++) pixels[i * 64 + (r + dr) * 8 + Math.Min(c0 + dc, 7)] = 1f;
        }
        var x = tensor(pixels, [n, 8, 8, 1]);
        var y = nn.functional.one_hot(tensor(labels), 2).to(ScalarType.Float32);

        var model = new Sequential([
            new Conv2D(4, 3, activation: "relu", padding: "same", inputShape: [8, 8, 1]),
            new MaxPooling2D(2),
            new Flatten(),
            new Dense(2, activation: "softmax"),
        ]);
        model.Compile(optimizer: new KerasNet.Optimizers.SGD(learningRate: 0.1), loss: "categorical_crossentropy", metrics: ["accuracy"]);
        var history = model.Fit(x, y, batchSize: 16, epochs: 8, verbose: 0);
        Assert.That(history["loss"][^1], Is.LessThan(history["loss"][0] * 0.5), "SGD lowers the loss of a Conv2D model");
        Assert.That(history["accuracy"][^1], Is.GreaterThan(0.9), "the patch side is learned");
    }

    private sealed class ZeroPenalty : KerasNet.Regularizers.Regularizer
    {
        public override string ClassName => "ZeroPenalty";
        public override Tensor Call(Tensor weight) => zeros(1);
        public override System.Text.Json.Nodes.JsonObject GetConfig() => new();
    }
}
