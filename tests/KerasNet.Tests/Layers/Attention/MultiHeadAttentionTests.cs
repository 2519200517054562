using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;
using static KerasNet.Tests.Layers.Attention.AttentionTestData;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Attention;

/// <summary>
/// MultiHeadAttention against <c>Reference/keras_attention.py</c>, a numpy einsum re-implementation of Keras 3's
/// multi_head_attention.py (float32). Unless stated: num_heads 2, key_dim 3, query Seq((2,3,4), 0.6, 0.2),
/// value Seq((2,4,5), 0.45, −0.4), weights <see cref="AttentionTestData.MhaWeights"/>.
/// </summary>
public class MultiHeadAttentionTests
{
    private static Tensor Query => Seq([2, 3, 4], 0.6, 0.2);
    private static Tensor Value => Seq([2, 4, 5], 0.45, -0.4);

    private static readonly float[] PlainOutput =
    [
        0.7357396f, 1.096102f, 0.7895388f, 0.04425773f, 0.713217f, 1.069279f, 0.763299f, 0.02337858f,
        0.7099997f, 1.074697f, 0.7763667f, 0.04171655f, 0.6669437f, 1.067211f, 0.8058122f, 0.1027332f,
        0.630473f, 1.040576f, 0.7938621f, 0.1076437f, 0.6551824f, 1.06634f, 0.8159918f, 0.122109f,
    ];

    private static MultiHeadAttention Built(string? name = null)
    {
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3, name: name);
        mha.EnsureBuilt([2, 3, 4], [2, 4, 5]);
        mha.SetWeights(MhaWeights(4, 5, 5, 2, 3, 3, [4]));
        return mha;
    }

    [Test]
    public void WeightsAreKerasShapedNamedAndOrdered()
    {
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3, name: "mha");
        mha.EnsureBuilt([2, 3, 4], [2, 4, 5]);
        Assert.That(mha.Weights.Select(w => (w.Path, w.Shape.ToString())), Is.EqualTo(new[]
        {
            ("mha/query/kernel", "(4, 2, 3)"), ("mha/query/bias", "(2, 3)"),
            ("mha/key/kernel", "(5, 2, 3)"), ("mha/key/bias", "(2, 3)"),
            ("mha/value/kernel", "(5, 2, 3)"), ("mha/value/bias", "(2, 3)"),
            ("mha/attention_output/kernel", "(2, 3, 4)"), ("mha/attention_output/bias", "(4,)"),
        }));
        Assert.That(mha.Sublayers.Select(l => l.Name), Is.EqualTo(new[] { "query", "key", "value", "attention_output" }));
        Assert.That(mha.QueryDense.Equation, Is.EqualTo("abc,cde->abde"));
        Assert.That(mha.OutputDense.Equation, Is.EqualTo("abcd,cde->abe"));
        Assert.That(mha.CountParams(), Is.EqualTo(24 + 6 + 30 + 6 + 30 + 6 + 24 + 4));
        Assert.That(mha.TrainableWeights, Has.Count.EqualTo(8));
        // Each projection gets its own copy of the initializer, so key and value (same shape) start different.
        Assert.That(Same(mha.KeyDense.Kernel.Value, mha.ValueDense.Kernel.Value), Is.False);
        Assert.That(mha.QueryDense.Bias!.ToArray(), Is.All.EqualTo(0f));
    }

    [Test]
    public void MatchesTheNumpyEinsumReferenceOnBothPaths()
    {
        var mha = Built();
        // Without scores: libtorch's fused kernel; with scores: the explicit einsum path.
        AssertClose(mha.Apply(Query, Value), [2, 3, 4], PlainOutput);
        var (output, scores) = mha.ApplyWithScores(Query, Value);
        AssertClose(output, [2, 3, 4], PlainOutput);
        AssertClose(scores, [2, 2, 3, 4],
        [
            0.2844445f, 0.248429f, 0.1337574f, 0.3333691f, 0.2842028f, 0.2464758f, 0.141916f, 0.3274054f,
            0.2716191f, 0.2538211f, 0.176374f, 0.2981858f, 0.2600536f, 0.2428603f, 0.2347616f, 0.2623244f,
            0.2542429f, 0.218416f, 0.2911605f, 0.2361807f, 0.252043f, 0.2216476f, 0.2913226f, 0.2349868f,
            0.2201594f, 0.1669922f, 0.4412288f, 0.1716196f, 0.2383541f, 0.2048027f, 0.3489181f, 0.2079251f,
            0.2343244f, 0.1894059f, 0.3802876f, 0.1959821f, 0.2423471f, 0.2501209f, 0.2698576f, 0.2376744f,
            0.2271236f, 0.3156562f, 0.2028285f, 0.2543917f, 0.2414931f, 0.2610372f, 0.2543696f, 0.2431002f,
        ]);
        AssertClose(mha.Apply(Query, Value, key: Value), output, 1e-6);
    }

    [Test]
    public void AttentionMaskWithAFullyMaskedRowGivesUniformWeightsNotNaN()
    {
        var mask = ones(2, 3, 4, dtype: ScalarType.Bool);
        mask[0, 0, TensorIndex.Slice(1)] = tensor(false);
        mask[0, 2] = tensor(false); // every key masked for query step 2 of sample 0
        mask[1, 1, 0] = tensor(false);
        mask[1, 1, 3] = tensor(false);
        float[] expected =
        [
            0.7900676f, 1.106044f, 0.7532852f, -0.03159109f, 0.713217f, 1.069279f, 0.763299f, 0.02337858f,
            0.7121848f, 1.099395f, 0.8190801f, 0.0946689f, 0.6669437f, 1.067211f, 0.8058122f, 0.1027332f,
            0.6800482f, 1.01124f, 0.6909571f, -0.05009502f, 0.6551824f, 1.06634f, 0.8159918f, 0.122109f,
        ];
        var mha = Built();
        AssertClose(mha.Apply(Query, Value, attentionMask: mask), [2, 3, 4], expected);
        var (output, scores) = mha.ApplyWithScores(Query, Value, attentionMask: mask);
        AssertClose(output, [2, 3, 4], expected);
        AssertClose(scores, [2, 2, 3, 4],
        [
            1f, 0f, 0f, 0f, 0.2842028f, 0.2464758f, 0.141916f, 0.3274054f, 0.25f, 0.25f, 0.25f, 0.25f,
            1f, 0f, 0f, 0f, 0.2542429f, 0.218416f, 0.2911605f, 0.2361807f, 0.25f, 0.25f, 0.25f, 0.25f,
            0.2201594f, 0.1669922f, 0.4412288f, 0.1716196f, 0f, 0.3698664f, 0.6301336f, 0f,
            0.2343244f, 0.1894059f, 0.3802876f, 0.1959821f, 0.2423471f, 0.2501209f, 0.2698576f, 0.2376744f,
            0f, 0.6088053f, 0.3911947f, 0f, 0.2414931f, 0.2610372f, 0.2543696f, 0.2431002f,
        ]);
        // A (T, S) mask broadcasts over the batch, and integer masks count as booleans.
        var shared = Bools(new[,] { { true, false, true, true }, { true, true, true, true }, { false, true, true, true } });
        AssertClose(mha.Apply(Query, Value, attentionMask: shared.to(ScalarType.Int64)),
            mha.ApplyWithScores(Query, Value, attentionMask: shared.unsqueeze(0).expand(2, 3, 4)).Output, 1e-6);
    }

    [Test]
    public void QueryAndValueMasksCombineAsInKeras3()
    {
        var queryMask = Bools(new[,] { { true, true, false }, { true, true, true } });
        var valueMask = Bools(new[,] { { true, true, true, false }, { true, false, true, true } });
        var mha = Built();
        // Query mask (B, T, 1) and value mask (B, 1, S) are and-ed; the masked query step attends uniformly.
        AssertClose(mha.Apply(Query, Value, queryMask: queryMask, valueMask: valueMask), [2, 3, 4],
        [
            0.6650665f, 1.052632f, 0.7811875f, 0.07254505f, 0.6450923f, 1.026977f, 0.754521f, 0.04972318f,
            0.7121848f, 1.099395f, 0.8190801f, 0.0946689f, 0.7397322f, 1.147796f, 0.8795232f, 0.1561488f,
            0.7106001f, 1.134725f, 0.8848917f, 0.1789801f, 0.7347552f, 1.153698f, 0.8952284f, 0.1787984f,
        ]);
        var outMask = mha.ComputeMask([Query, Value], [queryMask, valueMask]);
        Assert.That(Same(outMask![0]!, queryMask), Is.True, "the output carries the query's mask");
    }

    [Test]
    public void CausalMaskForSelfAttention()
    {
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3);
        mha.EnsureBuilt([2, 3, 4], [2, 3, 4]);
        mha.SetWeights(MhaWeights(4, 4, 4, 2, 3, 3, [4]));
        float[] expected =
        [
            0.188687f, 0.6446321f, 0.5158503f, -0.001819283f, 1.096436f, 1.355569f, 0.9005345f, -0.01342604f,
            0.7727817f, 1.018359f, 0.6111658f, -0.2022695f, 0.9836551f, 1.437178f, 1.161677f, 0.379703f,
            0.9901035f, 1.401629f, 1.090602f, 0.2860426f, 0.7691386f, 1.121288f, 0.8019257f, 0.04159072f,
        ];
        AssertClose(mha.Apply(Query, Query, useCausalMask: true), [2, 3, 4], expected);
        var (output, scores) = mha.ApplyWithScores(Query, Query, useCausalMask: true);
        AssertClose(output, [2, 3, 4], expected);
        AssertClose(scores, [2, 2, 3, 3],
        [
            1f, 0f, 0f, 0.1935443f, 0.8064557f, 0f, 0.2377051f, 0.584654f, 0.1776409f,
            1f, 0f, 0f, 0.5957531f, 0.4042469f, 0f, 0.3471778f, 0.2341786f, 0.4186436f,
            1f, 0f, 0f, 0.5179178f, 0.4820822f, 0f, 0.4518273f, 0.4086613f, 0.1395115f,
            1f, 0f, 0f, 0.4617781f, 0.538222f, 0f, 0.3270179f, 0.3389897f, 0.3339923f,
        ]);
    }

    [Test]
    public void ValueDimOutputShapeExplicitKeyAndNoBias()
    {
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3, valueDim: 2, useBias: false, outputShape: [7], name: "mha");
        var key = Seq([2, 4, 3], 0.95, 0.05);
        mha.EnsureBuilt([2, 3, 4], [2, 4, 5], [2, 4, 3]);
        Assert.That(mha.Weights.Select(w => (w.Path, w.Shape.ToString())), Is.EqualTo(new[]
        {
            ("mha/query/kernel", "(4, 2, 3)"), ("mha/key/kernel", "(3, 2, 3)"),
            ("mha/value/kernel", "(5, 2, 2)"), ("mha/attention_output/kernel", "(2, 2, 7)"),
        }));
        var weights = MhaWeights(4, 3, 5, 2, 3, 2, [7]);
        mha.SetWeights([weights[0], weights[2], weights[4], weights[6]]);
        AssertClose(mha.Apply(Query, Value, key: key), [2, 3, 7],
        [
            -0.05637386f, -0.01006636f, 0.03807384f, 0.07928199f, 0.1060555f, 0.1135195f, 0.1003152f,
            -0.0518273f, -0.006475031f, 0.04005608f, 0.07929426f, 0.1040955f, 0.1099442f, 0.09577549f,
            -0.04481886f, -0.0007202923f, 0.04350945f, 0.07981744f, 0.1015933f, 0.1048721f, 0.08905704f,
            0.09347148f, 0.05471602f, 0.005998492f, -0.04381117f, -0.08564425f, -0.1118841f, -0.1177535f,
            0.09972391f, 0.06909534f, 0.02588668f, -0.02203512f, -0.06594503f, -0.09784842f, -0.1119367f,
            0.09447946f, 0.05827278f, 0.01145649f, -0.03744563f, -0.07953018f, -0.1071347f, -0.1152334f,
        ]);
    }

    [Test]
    public void TupleOutputShape()
    {
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3, outputShape: [2, 3]);
        var q = Keras.Input([3, 4]);
        var v = Keras.Input([4, 5]);
        Assert.That(mha.Apply(q, v).Shape, Is.EqualTo(new Shape([null, 3, 2, 3])));
        Assert.That(mha.OutputDense.Kernel.Shape, Is.EqualTo(Shape.Of(2, 3, 2, 3)));
        Assert.That(mha.OutputDense.Bias!.Shape, Is.EqualTo(Shape.Of(2, 3)));
        Assert.That(mha.Apply(Query, Value).shape, Is.EqualTo(new long[] { 2, 3, 2, 3 }));
    }

    [Test]
    public void AttentionOverTwoAxes()
    {
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3, attentionAxes: [1, 2]);
        var q = Seq([2, 2, 3, 4], 0.6, 0.2);
        var v = Seq([2, 2, 3, 5], 0.45, -0.4);
        mha.EnsureBuilt([2, 2, 3, 4], [2, 2, 3, 5]);
        mha.SetWeights(MhaWeights(4, 5, 5, 2, 3, 3, [4]));
        var (output, scores) = mha.ApplyWithScores(q, v);
        AssertClose(output, [2, 2, 3, 4],
        [
            0.6693387f, 1.053346f, 0.7782129f, 0.06642377f, 0.6502219f, 1.029298f, 0.7536116f, 0.04574846f,
            0.6463426f, 1.034879f, 0.7676358f, 0.06566307f, 0.6707074f, 1.050457f, 0.7715917f, 0.05727609f,
            0.6381462f, 1.021409f, 0.751346f, 0.04951862f, 0.6622095f, 1.048862f, 0.7771909f, 0.06904954f,
            0.6942508f, 1.061018f, 0.7672474f, 0.0388175f, 0.664263f, 1.046055f, 0.7700332f, 0.05884497f,
            0.7088684f, 1.078847f, 0.7850424f, 0.05333808f, 0.6730887f, 1.045391f, 0.7600002f, 0.0412699f,
            0.6806076f, 1.060976f, 0.7808151f, 0.0635241f, 0.7051493f, 1.071338f, 0.7751101f, 0.04279134f,
        ]);
        Assert.That(scores.shape, Is.EqualTo(new long[] { 2, 2, 2, 3, 2, 3 }), "(batch, heads, T1, T2, S1, S2)");
        Assert.That(scores.sum([-2, -1]).allclose(ones(2, 2, 2, 3)), Is.True, "softmax over both key axes jointly");
        AssertClose(mha.Apply(q, v), output, 1e-6);
        Assert.That(mha.GetConfig()["attention_axes"]!.ToJsonString(), Is.EqualTo("[1,2]"));
        var symbolic = new MultiHeadAttention(numHeads: 2, keyDim: 3, attentionAxes: -2).ApplyWithScores(Keras.Input([5, 6, 4]), Keras.Input([5, 7, 4]));
        Assert.That(symbolic.Scores.Shape, Is.EqualTo(new Shape([null, 5, 2, 6, 7])), "axis −2 of the input: batch, axis 1 and heads stay");
    }

    [Test]
    public void FunctionalGraphCarriesKeyMaskAndArguments()
    {
        var q = Keras.Input([3, 4]);
        var v = Keras.Input([4, 5]);
        var m = Keras.Input([3, 4], dtype: "bool");
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3);
        var (output, scores) = mha.ApplyWithScores(q, v, attentionMask: m);
        Assert.That(output.Shape, Is.EqualTo(new Shape([null, 3, 4])));
        Assert.That(scores.Shape, Is.EqualTo(new Shape([null, 2, 3, 4])));
        Assert.That(output.Node.Inputs, Is.EqualTo(new[] { q }), "the query is the input");
        Assert.That(output.Node.Arguments["value"], Is.SameAs(v));
        Assert.That(output.Node.Arguments["attention_mask"], Is.SameAs(m));
        Assert.That(output.Node.Arguments.ContainsKey("key"), Is.False, "no key: the layer uses the value");
        Assert.That(output.Node.InputTensors, Is.EqualTo(new[] { q, m, v }), "dependencies: the input, then the tensor arguments by name");
        Assert.That(output.Node.Arguments["return_attention_scores"], Is.EqualTo(true));
        mha.SetWeights(MhaWeights(4, 5, 5, 2, 3, 3, [4]));

        var mask = ones(2, 3, 4, dtype: ScalarType.Bool);
        mask[0, 2] = tensor(false);
        var model = new Model([q, v, m], [output, scores]);
        var outs = model.ApplyMulti([Query, Value, mask], new CallContext(false));
        var eager = mha.ApplyWithScores(Query, Value, attentionMask: mask);
        AssertClose(outs[0], eager.Output, 1e-6);
        AssertClose(outs[1], eager.Scores, 1e-6);

        var causal = mha.Apply(q, q, useCausalMask: true);
        Assert.That(causal.Node.Arguments["use_causal_mask"], Is.EqualTo(true));
        Assert.That(causal.Node.Arguments.ContainsKey("return_attention_scores"), Is.False);
    }

    /// <summary>A test-local mask producer: steps whose features are all zero are masked (Keras Masking without the zeroing).</summary>
    private sealed class NonZeroMask : Layer
    {
        public override bool SupportsMasking => true;
        protected override Tensor Call(Tensor inputs, bool training) => inputs;
        public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;
        public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks) =>
            [inputs[0].ne(0).any(-1)];
    }

    [Test]
    public void KerasMasksOfTheInputsFlowFromTheGraph()
    {
        var q = Keras.Input([3, 4]);
        var v = Keras.Input([4, 5]);
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3);
        var output = mha.Apply(new NonZeroMask().Apply(q), new NonZeroMask().Apply(v));
        mha.SetWeights(MhaWeights(4, 5, 5, 2, 3, 3, [4]));
        var model = new Model([q, v], [output]);
        var query = Query.clone();
        query[0, 2] = tensor(0f);
        var value = Value.clone();
        value[1, 1] = tensor(0f);
        var fromGraph = model.ApplyMulti([query, value], new CallContext(false))[0];
        var queryMask = Bools(new[,] { { true, true, false }, { true, true, true } });
        var valueMask = Bools(new[,] { { true, true, true, true }, { true, false, true, true } });
        AssertClose(fromGraph, mha.Apply(query, value, queryMask: queryMask, valueMask: valueMask), 1e-6);
        var unmasked = mha.Apply(query, value);
        Assert.That((fromGraph - unmasked).abs().max().item<float>(), Is.GreaterThan(1e-3f), "the masks changed the result");
    }

    [Test]
    public void DropoutAppliesToTheWeightsInTrainingAndScoresAreReturnedBeforeIt()
    {
        RandomSeed.Set(3);
        var mha = new MultiHeadAttention(numHeads: 2, keyDim: 3, dropout: 0.5);
        mha.EnsureBuilt([2, 3, 4], [2, 4, 5]);
        mha.SetWeights(MhaWeights(4, 5, 5, 2, 3, 3, [4]));
        AssertClose(mha.Apply(Query, Value), [2, 3, 4], PlainOutput);
        var (inference, inferenceScores) = mha.ApplyWithScores(Query, Value);
        var (trained, trainedScores) = mha.ApplyWithScores(Query, Value, training: true);
        Assert.That((trained - inference).abs().max().item<float>(), Is.GreaterThan(1e-3f));
        AssertClose(trainedScores, inferenceScores, 1e-6);
        Assert.That((mha.Apply(Query, Value, training: true) - inference).abs().max().item<float>(), Is.GreaterThan(1e-3f), "fused path drops too");
    }

    [Test]
    public void FlashAttentionFollowsKerasRules()
    {
        var e = Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, 3, dropout: 0.1, flashAttention: true));
        Assert.That(e!.Message, Does.Contain("flash attention").And.Contain("dropout"));
        var mha = new MultiHeadAttention(2, 3, flashAttention: true);
        mha.EnsureBuilt([2, 3, 4], [2, 4, 5]);
        mha.SetWeights(MhaWeights(4, 5, 5, 2, 3, 3, [4]));
        AssertClose(mha.Apply(Query, Value), [2, 3, 4], PlainOutput);
        var scores = Assert.Throws<KerasNetException>(() => mha.ApplyWithScores(Query, Value));
        Assert.That(scores!.Message, Does.Contain("scores"));
    }

    [Test]
    public void ConfigHasKerasKeys()
    {
        var mha = new MultiHeadAttention(numHeads: 4, keyDim: 8, dropout: 0.1, outputShape: [7], kernelInitializer: "he_normal", name: "mha");
        var config = mha.GetConfig();
        Assert.That(config.Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "name", "trainable", "dtype", "num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape",
            "attention_axes", "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
            "activity_regularizer", "kernel_constraint", "bias_constraint", "seed",
        }));
        Assert.That((int)config["num_heads"]!, Is.EqualTo(4));
        Assert.That((int)config["value_dim"]!, Is.EqualTo(8), "value_dim defaults to key_dim");
        Assert.That(config["output_shape"]!.ToJsonString(), Is.EqualTo("[7]"));
        Assert.That(config["attention_axes"], Is.Null, "None until built");
        Assert.That(config["kernel_initializer"]!["class_name"]!.GetValue<string>(), Is.EqualTo("HeNormal"));
        mha.EnsureBuilt([2, 5, 6], [2, 9, 6]);
        Assert.That(mha.GetConfig()["attention_axes"]!.ToJsonString(), Is.EqualTo("[1]"), "Keras stores the resolved axes once built");
        Assert.That(new MultiHeadAttention(2, 3).GetConfig()["output_shape"], Is.Null);
    }

    [Test]
    public void ShortTrainingRunLowersTheLoss()
    {
        RandomSeed.Set(11);
        // Each step must output the mean of its sequence: only attention can see the other steps.
        var x = randn(64, 5, 4);
        var y = x.mean([1], keepdim: true).expand(64, 5, 4).contiguous();
        var inputs = Keras.Input([5, 4]);
        var outputs = new MultiHeadAttention(numHeads: 2, keyDim: 4).Apply(inputs, inputs);
        var model = new Model(inputs, outputs);
        model.Compile(optimizer: new KerasNet.Optimizers.Adam(learningRate: 0.01), loss: "mse");
        var history = model.Fit(x, y, epochs: 30, batchSize: 16, verbose: 0);
        Assert.That(history["loss"][^1], Is.LessThan(0.5 * history["loss"][0]), $"loss {history["loss"][0]} → {history["loss"][^1]}");
    }

    [Test]
    public void BadArgumentsAndShapesFailClearly()
    {
        Assert.Throws<KerasNetException>(() => new MultiHeadAttention(0, 3));
        Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, -1));
        Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, 3, dropout: 1.5));
        Assert.That(Assert.Throws<NotSupportedException>(() => new MultiHeadAttention(2, 3, seed: 1))!.Message, Does.Contain("seed"));
        Assert.That(Assert.Throws<NotSupportedException>(() => new MultiHeadAttention(2, 3, activityRegularizer: "l2"))!.Message,
            Does.Contain("activityRegularizer"));

        var steps = Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, 3, name: "mha").Apply(Query, Value, key: Seq([2, 6, 5], 1, 0)));
        Assert.That(steps!.Message, Does.Contain("'mha'").And.Contain("value (2, 4, 5)").And.Contain("key (2, 6, 5)"));
        var batch = Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, 3).Apply(Query, Seq([3, 4, 5], 1, 0)));
        Assert.That(batch!.Message, Does.Contain("agree on axis 0"));
        var rank = Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, 3).Apply(Query, Seq([2, 4, 5, 1], 1, 0)));
        Assert.That(rank!.Message, Does.Contain("same rank"));
        var maskShape = Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, 3).Apply(Query, Value, attentionMask: ones(2, 3, 5)));
        Assert.That(maskShape!.Message, Does.Contain("attention_mask of shape (2, 3, 5)").And.Contain("(2, 3, 4)"));
        var axes = Assert.Throws<KerasNetException>(() => new MultiHeadAttention(2, 3, attentionAxes: 2).Apply(Query, Value));
        Assert.That(axes!.Message, Does.Contain("attentionAxes"));

        // Once built, the feature sizes are fixed.
        var mha = Built(name: "mha2");
        var features = Assert.Throws<KerasNetException>(() => mha.Apply(Seq([2, 3, 6], 1, 0), Value));
        Assert.That(features!.Message, Does.Contain("'mha2'").And.Contain("query").And.Contain("6").And.Contain("built for 4"));
        var noValue = Assert.Throws<KerasNetException>(() => mha.Apply([Query]));
        Assert.That(noValue!.Message, Does.Contain("'mha2'").And.Contain("'value'"));
        var positional = Assert.Throws<KerasNetException>(() => mha.ApplyMulti([Keras.Input([3, 4]), Keras.Input([4, 5])]));
        Assert.That(positional!.Message, Does.Contain("'mha2'").And.Contain("query as its only input").And.Contain("2 inputs"));
    }
}
