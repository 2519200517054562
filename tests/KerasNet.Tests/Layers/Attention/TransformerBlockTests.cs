using KerasNet.Layers;
using KerasNet.Models;
using KerasNet.Utils;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Attention;

/// <summary>
/// A Transformer encoder block composed with the Functional API: MultiHeadAttention + Add + LayerNormalization and a
/// Dense feed-forward.
/// </summary>
public class TransformerBlockTests
{
    private static KerasTensor EncoderBlock(KerasTensor x, int heads, int keyDim, int feedForward, bool causal = false)
    {
        var attention = new MultiHeadAttention(numHeads: heads, keyDim: keyDim, dropout: 0.1).Apply(x, x, useCausalMask: causal);
        var h = new LayerNormalization().Apply(new Add().Apply([x, attention]));
        var ff = new Dense(feedForward, activation: "relu").Apply(h);
        ff = new Dense((int)x.Shape[-1]!).Apply(ff);
        return new LayerNormalization().Apply(new Add().Apply([h, ff]));
    }

    [Test]
    public void EncoderBlockBuildsRunsAndTrains()
    {
        RandomSeed.Set(21);
        var inputs = Keras.Input([6, 8]);
        var encoded = EncoderBlock(inputs, heads: 2, keyDim: 4, feedForward: 16);
        var outputs = new Dense(1).Apply(encoded);
        var model = new Model(inputs, outputs);
        Assert.That(outputs.Shape, Is.EqualTo(new Shape([null, 6, 1])));
        // MHA 3·(8·2·4 + 2·4) + 2·4·8 + 8 = 288, two layer norms 2·16, Dense 8→16→8 = 144 + 136, head 9.
        Assert.That(model.CountParams(), Is.EqualTo(288 + 32 + 144 + 136 + 9));

        // Task: every position predicts the sequence's maximum of feature 0 — it needs attention across positions.
        var x = randn(128, 6, 8);
        var y = x[.., .., 0].amax([1], keepdim: true).unsqueeze(-1).expand(128, 6, 1).contiguous();
        model.Compile(optimizer: new KerasNet.Optimizers.Adam(learningRate: 0.005), loss: "mse");
        var history = model.Fit(x, y, epochs: 25, batchSize: 32, verbose: 0);
        Assert.That(history["loss"][^1], Is.LessThan(0.5 * history["loss"][0]), $"loss {history["loss"][0]} → {history["loss"][^1]}");

        // Inference is deterministic (dropout off) and matches a second prediction.
        var p1 = model.Predict(x[..8]);
        var p2 = model.Predict(x[..8]);
        Assert.That(p1.eq(p2).all().item<bool>(), Is.True);
        Assert.That(p1.isnan().any().item<bool>(), Is.False);
    }

    [Test]
    public void CausalBlockDoesNotLookAhead()
    {
        RandomSeed.Set(4);
        var inputs = Keras.Input([5, 8]);
        var model = new Model(inputs, EncoderBlock(inputs, heads: 2, keyDim: 4, feedForward: 16, causal: true));
        var x = randn(2, 5, 8);
        var changed = x.clone();
        changed[.., 4] = randn(2, 8); // alter only the last step
        var a = model.Predict(x);
        var b = model.Predict(changed);
        Assert.That(a[.., ..4].allclose(b[.., ..4], 1e-5, 1e-6), Is.True, "earlier steps ignore a later one");
        Assert.That(a[.., 4].allclose(b[.., 4]), Is.False);
    }
}
