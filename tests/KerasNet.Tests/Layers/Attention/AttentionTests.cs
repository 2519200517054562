using KerasNet.Layers;
using KerasNet.Models;
using NUnit.Framework;
using static KerasNet.Tests.Layers.Attention.AttentionTestData;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Attention;

using Attention = KerasNet.Layers.Attention;

/// <summary>
/// Attention (Luong) and AdditiveAttention (Bahdanau). Expected values come from
/// <c>Reference/keras_attention.py</c>, a numpy re-implementation of Keras 3's attention.py and additive_attention.py
/// (float32); inputs q = Seq((2,2,2), 0.7, 0.3), v = Seq((2,3,3), 0.5, −0.2), k = Seq((2,3,2), 0.9, 1.1).
/// </summary>
public class AttentionTests
{
    private static Tensor Q => Seq([2, 2, 2], 0.7, 0.3);
    private static Tensor V => Seq([2, 3, 3], 0.5, -0.2);
    private static Tensor K => Seq([2, 3, 2], 0.9, 1.1);
    private static Tensor QueryMask => Bools(new[,] { { true, false }, { true, true } });
    private static Tensor ValueMask => Bools(new[,] { { true, true, false }, { true, false, false } });

    [Test]
    public void DotProductMatchesKeras()
    {
        var layer = new Attention();
        var (output, scores) = layer.ApplyWithScores(Q, V, K);
        AssertClose(output, [2, 2, 3], [0.05389533f, 0.3566057f, 0.5720065f, 0.0001065508f, 0.3781824f, 0.663666f,
            0.1746267f, 0.3742251f, 0.4822002f, 0.6385081f, 0.7923797f, 0.7522491f]);
        AssertClose(scores, [2, 2, 3], [0.7216404f, 0.1654803f, 0.1128794f, 0.8053825f, 0.1510044f, 0.04361299f,
            0.1772519f, 0.2757913f, 0.5469568f, 0.07094648f, 0.06584918f, 0.8632044f]);
        Assert.That(layer.Weights, Is.Empty, "no scale without useScale");
        AssertClose(layer.Apply(Q, V, K), output, 0);
        AssertClose(layer.Apply([Q, V, K]), output, 0);
    }

    [Test]
    public void LearnedScaleMultipliesTheScores()
    {
        var layer = new Attention(useScale: true);
        layer.EnsureBuilt([2, 2, 2], [2, 3, 3], [2, 3, 2]);
        Assert.That(layer.Weights.Select(w => (w.Name, w.Shape.ToString())), Is.EqualTo(new[] { ("scale", "()") }));
        Assert.That(layer.Scale!.ToArray(), Is.EqualTo(new[] { 1f }), "Keras initialises the scale to ones");
        layer.SetWeights([tensor(0.5f)]);
        AssertClose(layer.Apply(Q, V, K), [2, 2, 3], [0.2108621f, 0.3731786f, 0.4441279f, 0.1780084f, 0.4085303f, 0.5390298f,
            -0.0004473031f, 0.1945261f, 0.3418727f, 0.2939833f, 0.4591507f, 0.5119021f]);
    }

    [Test]
    public void QueryAndValueMasksAsKerasAppliesThem()
    {
        var (output, scores) = new Attention().ApplyWithScores(Q, V, K, queryMask: QueryMask, valueMask: ValueMask);
        // Masked value steps get no weight; a masked query step outputs zeros.
        AssertClose(scores, [2, 2, 3], [0.8134636f, 0.1865364f, 0f, 0.8421095f, 0.1578905f, 0f, 1f, 0f, 0f, 1f, 0f, 0f]);
        AssertClose(output, [2, 2, 3], [0.01812841f, 0.422053f, 0.7226442f, 0f, 0f, 0f,
            -0.9161659f, -0.9961646f, -0.8322675f, -0.9161659f, -0.9961646f, -0.8322675f]);
    }

    [Test]
    public void CausalMaskHidesLaterSteps()
    {
        var x = Seq([2, 3, 3], 0.4, 0.1);
        var (output, scores) = new Attention().ApplyWithScores(x, x, useCausalMask: true);
        AssertClose(scores, [2, 3, 3], [1f, 0f, 0f, 0.1963644f, 0.8036356f, 0f, 0.2299989f, 0.4304976f, 0.3395035f,
            1f, 0f, 0f, 0.4449094f, 0.5550906f, 0f, 0.1897751f, 0.2630078f, 0.5472171f]);
        AssertClose(output, [2, 3, 3], [0.09983341f, 0.4794255f, 0.7833269f, 0.7939534f, 0.8910792f, 0.8475233f,
            0.6409545f, 0.6184027f, 0.4982187f, -0.5298361f, -0.8182771f, -0.9775301f, -0.7810793f, -0.826043f,
            -0.7405927f, -0.4586248f, -0.2564641f, -0.01381326f]);

        var valueMask = Bools(new[,] { { true, true, true }, { true, false, true } });
        var (_, both) = new Attention().ApplyWithScores(x, x, valueMask: valueMask, useCausalMask: true);
        AssertClose(both, [2, 3, 3], [1f, 0f, 0f, 0.1963644f, 0.8036356f, 0f, 0.2299989f, 0.4304976f, 0.3395035f,
            1f, 0f, 0f, 1f, 0f, 0f, 0.2574994f, 0f, 0.7425005f]);
    }

    [Test]
    public void ConcatScoreModeWithScale()
    {
        var layer = new Attention(useScale: true, scoreMode: "concat");
        layer.EnsureBuilt([2, 2, 2], [2, 3, 3], [2, 3, 2]);
        Assert.That(layer.Weights.Select(w => w.Name), Is.EqualTo(new[] { "scale", "concat_score_weight" }));
        layer.SetWeights([tensor(0.5f), tensor(2f)]);
        AssertClose(layer.Apply(Q, V, K), [2, 2, 3], [-0.007092869f, 0.3745084f, 0.664417f, 0.008804433f, 0.3779926f, 0.654635f,
            -0.6296566f, -0.4372205f, -0.1377377f, -0.6006242f, -0.4030637f, -0.1068191f]);
    }

    [Test]
    public void AdditiveAttentionMatchesKeras()
    {
        var layer = new AdditiveAttention();
        layer.EnsureBuilt([2, 2, 2], [2, 3, 3], [2, 3, 2]);
        Assert.That(layer.Weights.Select(w => (w.Name, w.Shape.ToString())), Is.EqualTo(new[] { ("scale", "(2,)") }));
        layer.SetWeights([tensor(new[] { 0.5f, -1.5f })]);
        var (output, scores) = layer.ApplyWithScores(Q, V, K, queryMask: QueryMask, valueMask: ValueMask);
        AssertClose(scores, [2, 2, 3], [0.2883458f, 0.7116541f, 0f, 0.2265698f, 0.7734302f, 0f, 1f, 0f, 0f, 1f, 0f, 0f]);
        AssertClose(output, [2, 2, 3], [0.6284347f, 0.7782547f, 0.7375308f, 0f, 0f, 0f,
            -0.9161659f, -0.9961646f, -0.8322675f, -0.9161659f, -0.9961646f, -0.8322675f]);
    }

    [Test]
    public void AdditiveAttentionWithoutScaleSumsTheTanh()
    {
        var kv = Seq([2, 3, 2], 0.3, 0.8);
        var layer = new AdditiveAttention(useScale: false);
        AssertClose(layer.Apply(Q, kv), [2, 2, 2], [0.8751559f, 0.8780079f, 0.872178f, 0.8780601f,
            0.2251371f, -0.0460118f, 0.1142541f, -0.1513086f]);
        Assert.That(layer.Weights, Is.Empty);
    }

    [Test]
    public void DropoutActsOnTheWeightsOnlyInTraining()
    {
        KerasNet.Utils.RandomSeed.Set(7);
        var layer = new Attention(dropout: 0.5);
        var (inference, weights) = layer.ApplyWithScores(Q, V, K);
        AssertClose(inference, new Attention().Apply(Q, V, K), 1e-6);
        var (_, dropped) = layer.ApplyWithScores(Q, V, K, training: true);
        // Each returned weight is either dropped (0) or kept and scaled by 1 / (1 − 0.5).
        var kept = dropped.ne(0);
        AssertClose(dropped.masked_select(kept), weights.masked_select(kept) * 2f, 1e-6);
        long zeros = dropped.eq(0).sum().item<long>();
        Assert.That(zeros, Is.GreaterThan(0).And.LessThan(12), "some but not all of the 12 weights dropped");
    }

    [Test]
    public void FunctionalGraphRecordsKeyAndCallArguments()
    {
        var q = Keras.Input([2, 2]);
        var v = Keras.Input([3, 3]);
        var k = Keras.Input([3, 2]);
        var layer = new Attention();
        var (output, scores) = layer.ApplyWithScores(q, v, k, useCausalMask: true);
        Assert.That(output.Shape, Is.EqualTo(new Shape([null, 2, 3])));
        Assert.That(scores.Shape, Is.EqualTo(new Shape([null, 2, 3])));
        var model = new Model([q, v, k], [output, scores]);
        var outs = model.ApplyMulti([Q, V, K], new CallContext(false));
        var (eagerOut, eagerScores) = new Attention().ApplyWithScores(Q, V, K, useCausalMask: true);
        AssertClose(outs[0], eagerOut, 1e-6);
        AssertClose(outs[1], eagerScores, 1e-6);
        Assert.That(new Attention().Apply(q, v, k).Shape, Is.EqualTo(new Shape([null, 2, 3])), "value's features, query's steps");
    }

    [Test]
    public void ConfigHasKerasKeys()
    {
        var config = new Attention(useScale: true, scoreMode: "concat", dropout: 0.25, name: "att").GetConfig();
        Assert.That(config.Select(p => p.Key), Is.EquivalentTo(new[] { "name", "trainable", "dtype", "use_scale", "score_mode", "dropout" }));
        Assert.That((bool)config["use_scale"]!, Is.True);
        Assert.That((string)config["score_mode"]!, Is.EqualTo("concat"));
        Assert.That((double)config["dropout"]!, Is.EqualTo(0.25));
        var additive = new AdditiveAttention(name: "add").GetConfig();
        Assert.That(additive.Select(p => p.Key), Is.EquivalentTo(new[] { "name", "trainable", "dtype", "use_scale", "dropout" }));
        Assert.That((bool)additive["use_scale"]!, Is.True, "AdditiveAttention scales by default");
        Assert.That(new AdditiveAttention().Name, Does.StartWith("additive_attention"));
    }

    [Test]
    public void BadArgumentsAndShapesFailClearly()
    {
        var e = Assert.Throws<KerasNetException>(() => new Attention(scoreMode: "general"));
        Assert.That(e!.Message, Does.Contain("'general'").And.Contain("dot").And.Contain("concat"));
        Assert.Throws<KerasNetException>(() => new Attention(dropout: 1.0));
        var seed = Assert.Throws<NotSupportedException>(() => new AdditiveAttention(seed: 3));
        Assert.That(seed!.Message, Does.Contain("seed"));

        var features = Assert.Throws<KerasNetException>(() => new Attention(name: "att").Apply(Q, Seq([2, 3, 5], 1, 0)));
        Assert.That(features!.Message, Does.Contain("'att'").And.Contain("(2, 2, 2)").And.Contain("(2, 3, 5)").And.Contain("feature size"));
        var steps = Assert.Throws<KerasNetException>(() => new Attention().Apply(Q, V, Seq([2, 4, 2], 1, 0)));
        Assert.That(steps!.Message, Does.Contain("same number of steps"));
        var count = Assert.Throws<KerasNetException>(() => new Attention().Apply([Q]));
        Assert.That(count!.Message, Does.Contain("[query, value]"));
        var rank = Assert.Throws<KerasNetException>(() => new Attention().Apply(Seq([2, 2], 1, 0), Seq([2, 2], 1, 0)));
        Assert.That(rank!.Message, Does.Contain("rank 3"));
        var batch = Assert.Throws<KerasNetException>(() => new Attention().Apply(Q, Seq([3, 3, 2], 1, 0)));
        Assert.That(batch!.Message, Does.Contain("batch size"));
    }
}
