using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace KerasNet.Layers;

/// <summary>The call of <see cref="MultiHeadAttention"/>: its Keras arguments, the attention itself and the Keras-style <c>Apply</c> overloads.</summary>
public sealed partial class MultiHeadAttention
{
    private const string ValueArgument = "value", KeyArgument = "key", AttentionMaskArgument = "attention_mask",
        ValueMaskArgument = "value_mask", KeyMaskArgument = "key_mask";
    private static readonly string[] KerasCallArguments =
        ["query", ValueArgument, KeyArgument, "query_mask", ValueMaskArgument, KeyMaskArgument, AttentionMaskArgument,
         AttentionMasks.ReturnAttentionScores, CallArguments.Training, AttentionMasks.UseCausalMask];

    /// <summary>Keras's <c>call(query, value, key, query_mask, value_mask, key_mask, attention_mask, return_attention_scores, training, use_causal_mask)</c>.</summary>
    public override IReadOnlyList<string> CallArgumentNames => KerasCallArguments;

    // ---------------------------------------------------------------- call

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        var query = QueryOf(inputs);
        var value = context.Tensor(ValueArgument) ?? throw MissingValue();
        var key = context.Tensor(KeyArgument);
        var attentionMask = context.Tensor(AttentionMaskArgument);
        CheckFeatureSizes(CheckInputs(Shape.Of(query.shape), Shape.Of(value.shape), key is null ? null : Shape.Of(key.shape),
            attentionMask is null ? null : Shape.Of(attentionMask.shape)));
        bool returnScores = context.Argument(AttentionMasks.ReturnAttentionScores, false);
        if (returnScores && FlashAttention == true)
            throw new KerasNetException($"MultiHeadAttention '{Name}': attention scores cannot be returned with flash attention; set flashAttention to null.");
        using var scope = NewDisposeScope();
        var mask = AttentionMask(query, value, context.Mask(0), context.Tensor(ValueMaskArgument), context.Tensor(KeyMaskArgument),
            attentionMask, context.Argument(AttentionMasks.UseCausalMask, false));
        key ??= value;
        var q = _query.Apply(query);
        var k = _key.Apply(key);
        var v = _value.Apply(value);
        var bias = mask is null ? null : AttentionMasks.Bias(ExpandMask(mask, q.dim() - 1 + _attentionAxes!.Length), q.dtype);
        Tensor attended;
        Tensor? scores = null;
        if (q.dim() == 4 && !returnScores)
            attended = FusedAttention(q, k, v, bias, context.Training);
        else
            (attended, scores) = ExplicitAttention(q, k, v, bias, context.Training);
        var output = _output.Apply(attended);
        IReadOnlyList<Tensor> outputs = returnScores ? [output, scores!] : [output];
        foreach (var o in outputs) o.MoveToOuterDisposeScope();
        return outputs;
    }

    /// <summary>
    /// Keras's <c>_compute_attention_mask</c>: the query mask as <c>(B, T, 1)</c>, value and key masks as <c>(B, 1, S)</c>, the
    /// causal mask <c>(T, S)</c> and the explicit mask, and-ed; null when there is none.
    /// </summary>
    private Tensor? AttentionMask(Tensor query, Tensor value, Tensor? queryMask, Tensor? valueMask, Tensor? keyMask, Tensor? attentionMask, bool useCausalMask)
    {
        Tensor? auto = null;
        void And(Tensor m) => auto = auto is null ? m : auto.logical_and(m);
        if (queryMask is not null || valueMask is not null || keyMask is not null || useCausalMask)
        {
            int rank = (int)query.dim();
            if (_attentionAxes is not [var axis] || axis != rank - 2)
                throw new NotSupportedException($"MultiHeadAttention '{Name}': input masks and useCausalMask need attention over the last axis before " +
                    $"the features only; this layer attends over axes [{string.Join(", ", _attentionAxes!)}] of rank-{rank} inputs. Pass an attentionMask instead.");
            if (queryMask is not null) And(queryMask.to(ScalarType.Bool).unsqueeze(-1));
            if (valueMask is not null) And(valueMask.to(ScalarType.Bool).unsqueeze(-2));
            if (keyMask is not null) And(keyMask.to(ScalarType.Bool).unsqueeze(-2));
            if (useCausalMask) And(AttentionMasks.Causal(query.shape[axis], value.shape[axis], query.device));
        }
        if (attentionMask is null) return auto;
        var explicitMask = attentionMask.to(ScalarType.Bool);
        return auto is null ? explicitMask : explicitMask.logical_and(auto);
    }

    /// <summary>
    /// Inserts axes in front of the attention axes, as Keras does, until the mask has the scores' rank
    /// <paramref name="scoresRank"/>: a <c>(B, T, S)</c> mask becomes <c>(B, 1, T, S)</c> against <c>(B, heads, T, S)</c>.
    /// </summary>
    private Tensor ExpandMask(Tensor mask, long scoresRank)
    {
        long at = -_attentionAxes!.Length * 2 - 1;
        while (mask.dim() < scoresRank) mask = mask.unsqueeze(at);
        return mask;
    }

    /// <summary>
    /// The single-axis case through libtorch's fused kernel: <c>(B, T, N, H)</c> → <c>(B, N, T, H)</c> and back. Its scale,
    /// 1/√(last dimension of the query) = 1/√key_dim, is Keras's; the mask is the same additive −1e9 bias.
    /// </summary>
    private Tensor FusedAttention(Tensor q, Tensor k, Tensor v, Tensor? bias, bool training) =>
        F.scaled_dot_product_attention(q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2), bias,
            training ? Dropout : 0.0).transpose(1, 2);

    /// <summary>Keras's explicit path: scaled query, einsum scores, masked softmax over the attention axes, dropout, einsum.</summary>
    private (Tensor Output, Tensor Scores) ExplicitAttention(Tensor q, Tensor k, Tensor v, Tensor? bias, bool training)
    {
        var scores = einsum(_dotProductEquation, k, q.mul(1.0 / Math.Sqrt(KeyDim)));
        if (bias is not null) scores = scores.add_(bias);
        int n = _attentionAxes!.Length;
        if (n == 1) scores = scores.softmax(-1);
        else
        {
            var shape = scores.shape;
            scores = scores.flatten(-n).softmax(-1).reshape(shape);
        }
        var weights = training && Dropout > 0 ? F.dropout(scores, Dropout, training: true) : scores;
        return (einsum(_combineEquation, weights, v), scores);
    }

    // ---------------------------------------------------------------- Keras-style calls

    /// <summary>Records <c>mha(query, value, key=…, attention_mask=…, use_causal_mask=…)</c> in a Functional graph.</summary>
    public KerasTensor Apply(KerasTensor query, KerasTensor value, KerasTensor? key = null, KerasTensor? attentionMask = null, bool useCausalMask = false) =>
        ApplyMulti([query], Arguments(value, key, attentionMask, null, null, false, useCausalMask))[0];

    /// <summary>Records a call with <c>return_attention_scores=True</c>: the output and the scores <c>(batch, heads, T, S)</c>.</summary>
    public (KerasTensor Output, KerasTensor Scores) ApplyWithScores(KerasTensor query, KerasTensor value, KerasTensor? key = null,
        KerasTensor? attentionMask = null, bool useCausalMask = false)
    {
        var outputs = ApplyMulti([query], Arguments(value, key, attentionMask, null, null, true, useCausalMask));
        return (outputs[0], outputs[1]);
    }

    /// <summary>
    /// Runs the layer on data. Keras reads the query/value/key masks from the tensors; here they are passed as
    /// <paramref name="queryMask"/> <c>(B, T)</c>, <paramref name="valueMask"/> and <paramref name="keyMask"/> <c>(B, S)</c>.
    /// <paramref name="training"/> (dropout on the attention weights) inherits the enclosing call's mode when null.
    /// </summary>
    public Tensor Apply(Tensor query, Tensor value, Tensor? key = null, Tensor? attentionMask = null, bool useCausalMask = false,
        Tensor? queryMask = null, Tensor? valueMask = null, Tensor? keyMask = null, bool? training = null) =>
        ApplyMulti([query], new CallContext(training, AttentionMasks.Masks(queryMask),
            Arguments(value, key, attentionMask, valueMask, keyMask, false, useCausalMask)))[0];

    /// <summary>Runs the layer on data and also returns the scores <c>(batch, heads, T, S)</c>.</summary>
    public (Tensor Output, Tensor Scores) ApplyWithScores(Tensor query, Tensor value, Tensor? key = null, Tensor? attentionMask = null,
        bool useCausalMask = false, Tensor? queryMask = null, Tensor? valueMask = null, Tensor? keyMask = null, bool? training = null)
    {
        var outputs = ApplyMulti([query], new CallContext(training, AttentionMasks.Masks(queryMask),
            Arguments(value, key, attentionMask, valueMask, keyMask, true, useCausalMask)));
        return (outputs[0], outputs[1]);
    }

    /// <summary>The keyword arguments of a call (tensors symbolic or data), without those left at their defaults.</summary>
    private static Dictionary<string, object?> Arguments(object value, object? key, object? attentionMask, object? valueMask, object? keyMask,
        bool returnScores, bool useCausalMask)
    {
        var arguments = AttentionMasks.Arguments(returnScores, useCausalMask);
        arguments[ValueArgument] = value;
        foreach (var (name, tensor) in new[] { (KeyArgument, key), (AttentionMaskArgument, attentionMask), (ValueMaskArgument, valueMask), (KeyMaskArgument, keyMask) })
            if (tensor is not null) arguments[name] = tensor;
        return arguments;
    }
}
