using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// What the attention layers share: the names of their call arguments, Keras's causal mask and the additive
/// bias Keras puts on masked scores.
/// </summary>
internal static class AttentionMasks
{
    /// <summary>Keras call argument: also return the attention scores (a second output).</summary>
    public const string ReturnAttentionScores = "return_attention_scores";

    /// <summary>Keras call argument: position i may not attend to positions j &gt; i.</summary>
    public const string UseCausalMask = "use_causal_mask";

    /// <summary>
    /// The bias Keras adds to masked float32 scores before the softmax. It is finite, so a row whose every
    /// position is masked becomes a uniform distribution rather than NaN.
    /// </summary>
    public const double MaskedScore = -1e9;

    /// <summary>The non-tensor call arguments of a node, only those that differ from Keras's defaults.</summary>
    public static Dictionary<string, object?> Arguments(bool returnAttentionScores, bool useCausalMask)
    {
        var arguments = new Dictionary<string, object?>();
        if (returnAttentionScores) arguments[ReturnAttentionScores] = true;
        if (useCausalMask) arguments[UseCausalMask] = true;
        return arguments;
    }

    /// <summary>The masks list of a call (null when no input has a mask).</summary>
    public static IReadOnlyList<Tensor?>? Masks(params Tensor?[] masks) => masks.Any(m => m is not null) ? masks : null;

    /// <summary>Keras's causal mask, <c>(queryLength, keyLength)</c>: true where the key position j ≤ query position i.</summary>
    public static Tensor Causal(long queryLength, long keyLength, Device device) =>
        ones(queryLength, keyLength, dtype: ScalarType.Bool, device: device).tril_();

    /// <summary><c>(1 − mask) · (−1e9)</c> in <paramref name="dtype"/>: 0 where attention is allowed, −1e9 where masked.</summary>
    public static Tensor Bias(Tensor mask, ScalarType dtype) => mask.to(ScalarType.Bool).logical_not().to(dtype).mul_(MaskedScore);
}
