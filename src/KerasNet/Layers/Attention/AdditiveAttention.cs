using System.Text.Json.Nodes;
using KerasNet.Initializers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Additive (Bahdanau-style) attention (Keras <c>AdditiveAttention</c>): scores
/// <c>Σ_d scale_d · tanh(query + key)_d</c>, with the trainable <c>scale</c> of shape <c>(dim,)</c> (glorot_uniform) when
/// <see cref="Attention.UseScale"/>, else a plain sum. Inputs, masks, dropout and call arguments as <see cref="Attention"/>.
/// </summary>
public sealed class AdditiveAttention : Attention
{
    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="useScale">Learn the per-feature <c>scale</c> (Keras's default: true).</param>
    /// <param name="dropout">Fraction of the attention weights dropped in training.</param>
    /// <param name="seed">Not supported: seed the whole program with <c>RandomSeed.Set</c> (throws when given).</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    public AdditiveAttention(bool useScale = true, double dropout = 0.0, int? seed = null, string? name = null, bool trainable = true)
        : base(useScale, "dot", dropout, seed, name, trainable)
    {
    }

    /// <inheritdoc />
    protected override void BuildScoreWeights(Shape queryShape)
    {
        if (UseScale) Scale = AddWeight("scale", Shape.Of((long)queryShape[-1]!), new GlorotUniform());
    }

    /// <inheritdoc />
    protected override Tensor CalculateScores(Tensor query, Tensor key)
    {
        // (batch, Tq, 1, dim) + (batch, 1, Tv, dim)
        var t = (query.unsqueeze(-2) + key.unsqueeze(-3)).tanh_();
        return (Scale is { } s ? t.mul(s.Value) : t).sum(-1);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c.Remove("score_mode");
        return c;
    }
}
