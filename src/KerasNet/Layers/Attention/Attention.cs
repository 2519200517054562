using System.Text.Json.Nodes;
using KerasNet.Initializers;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace KerasNet.Layers;

/// <summary>
/// Dot-product (Luong-style) attention (Keras <c>Attention</c>). Inputs are <c>[query, value]</c> or
/// <c>[query, value, key]</c>, shaped <c>(batch, Tq, dim)</c>, <c>(batch, Tv, dim_v)</c>, <c>(batch, Tv, dim)</c>; the key
/// defaults to the value. Scores <c>query · keyᵀ</c> (times the trainable <c>scale</c> when <see cref="UseScale"/>), or with
/// <c>score_mode="concat"</c> <c>w · Σ tanh(scale · (query + key))</c>; masked scores get −1e9; softmax over the value
/// steps; dropout on the weights in training; output <c>weights · value</c>, zeroed where the query mask is false.
/// </summary>
/// <remarks>
/// Masks: the query mask (input 0's) and value mask (input 1's) as Keras applies them; a key's own mask is ignored, as in
/// Keras. Call arguments (Keras keyword arguments): <c>return_attention_scores</c> (adds the weights, after dropout, as a
/// second output <c>(batch, Tq, Tv)</c>) and <c>use_causal_mask</c>; explicit masks as Keras's <c>mask=[query_mask, value_mask]</c>.
/// Use <see cref="Apply(KerasTensor, KerasTensor, KerasTensor?, bool, KerasTensor?, KerasTensor?)"/> and its siblings, or
/// <see cref="Layer.ApplyMulti(IReadOnlyList{KerasTensor}, IReadOnlyDictionary{string, object?}?)"/> with those argument names.
/// </remarks>
public class Attention : Layer
{
    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="useScale">Learn a scalar <c>scale</c> multiplying the scores.</param>
    /// <param name="scoreMode"><c>"dot"</c> (dot product) or <c>"concat"</c> (tanh of the sum of query and key).</param>
    /// <param name="dropout">Fraction of the attention weights dropped in training.</param>
    /// <param name="seed">Not supported: seed the whole program with <c>RandomSeed.Set</c> (throws when given).</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    public Attention(bool useScale = false, string scoreMode = "dot", double dropout = 0.0, int? seed = null,
        string? name = null, bool trainable = true) : base(name, trainable)
    {
        if (scoreMode is not ("dot" or "concat"))
            throw new KerasNetException($"{ClassName} '{Name}': invalid scoreMode '{scoreMode}'; expected one of 'dot', 'concat'.");
        if (dropout is < 0 or >= 1) throw new KerasNetException($"{ClassName} '{Name}': dropout must be in [0, 1), got {dropout}.");
        if (seed is not null) throw new NotSupportedException($"{ClassName} '{Name}': a per-layer seed is not supported; use RandomSeed.Set.");
        UseScale = useScale;
        ScoreMode = scoreMode;
        Dropout = dropout;
    }

    /// <summary>Whether the scores are scaled by a trainable weight.</summary>
    public bool UseScale { get; }
    /// <summary>How scores are computed (<c>dot</c> or <c>concat</c>; <see cref="AdditiveAttention"/> ignores it).</summary>
    public string ScoreMode { get; }
    /// <summary>Fraction of the attention weights dropped in training.</summary>
    public double Dropout { get; }

    /// <summary>The <c>scale</c> weight, when <see cref="UseScale"/>: a scalar here, <c>(dim,)</c> in <see cref="AdditiveAttention"/>.</summary>
    public KerasVariable? Scale { get; protected set; }
    /// <summary>The scalar <c>concat_score_weight</c>, with <c>score_mode="concat"</c>.</summary>
    public KerasVariable? ConcatScoreWeight { get; private set; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(IReadOnlyList<Shape> inputShapes)
    {
        CheckInputs(inputShapes);
        BuildScoreWeights(inputShapes[0]);
    }

    /// <summary>Creates the weights of the score function for a query of <paramref name="queryShape"/>.</summary>
    protected virtual void BuildScoreWeights(Shape queryShape)
    {
        if (UseScale) Scale = AddWeight("scale", [], new Ones());
        if (ScoreMode == "concat") ConcatScoreWeight = AddWeight("concat_score_weight", [], new Ones());
    }

    /// <summary>The scores <c>(batch, Tq, Tv)</c> of <paramref name="query"/> against <paramref name="key"/>.</summary>
    protected virtual Tensor CalculateScores(Tensor query, Tensor key)
    {
        if (ScoreMode == "dot")
        {
            var scores = matmul(query, key.transpose(1, 2));
            return Scale is { } s ? scores.mul(s.Value) : scores;
        }
        // (batch, Tq, 1, dim) + (batch, 1, Tv, dim)
        var sum = query.unsqueeze(-2) + key.unsqueeze(-3);
        if (Scale is { } scale) sum = sum.mul(scale.Value);
        return sum.tanh_().sum(-1).mul(ConcatScoreWeight!.Value);
    }

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        CheckInputs([.. inputs.Select(t => Shape.Of(t.shape))]);
        using var scope = NewDisposeScope();
        var (query, value) = (inputs[0], inputs[1]);
        var key = inputs.Count > 2 ? inputs[2] : value;
        var scores = CalculateScores(query, key);
        if (ScoresMask(scores, context.Mask(1), context.Argument(AttentionMasks.UseCausalMask, false)) is { } mask)
            scores = scores.add(AttentionMasks.Bias(mask, scores.dtype));
        var weights = scores.softmax(-1);
        if (context.Training && Dropout > 0) weights = F.dropout(weights, Dropout, training: true);
        var result = matmul(weights, value);
        if (context.Mask(0) is { } queryMask) result = result.mul(queryMask.unsqueeze(-1).to(result.dtype));
        IReadOnlyList<Tensor> outputs = context.Argument(AttentionMasks.ReturnAttentionScores, false) ? [result, weights] : [result];
        foreach (var o in outputs) o.MoveToOuterDisposeScope();
        return outputs;
    }

    /// <summary>
    /// The boolean mask of allowed scores: the value mask as <c>(batch, 1, Tv)</c> (Keras broadcasts it over the query
    /// steps), and-ed with the causal mask <c>(1, Tq, Tv)</c> when asked for.
    /// </summary>
    private static Tensor? ScoresMask(Tensor scores, Tensor? valueMask, bool useCausalMask)
    {
        var mask = valueMask?.to(ScalarType.Bool);
        if (mask is not null && mask.dim() == 2) mask = mask.unsqueeze(-2);
        if (!useCausalMask) return mask;
        var causal = AttentionMasks.Causal(scores.shape[^2], scores.shape[^1], scores.device).unsqueeze(0);
        return mask is null ? causal : mask.logical_and(causal);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) =>
        ComputeOutputShape(inputShapes, new Dictionary<string, object?>());

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments)
    {
        CheckInputs(inputShapes);
        var (query, value) = (inputShapes[0], inputShapes[1]);
        var output = new Shape([.. query.Take(query.Rank - 1), value[-1]]);
        return arguments.TryGetValue(AttentionMasks.ReturnAttentionScores, out var r) && r is true
            ? [output, new Shape([query[0], query[1], value[1]])]
            : [output];
    }

    /// <summary>Validates the count, ranks and matching sizes of the inputs (when the graph is built).</summary>
    private void CheckInputs(IReadOnlyList<Shape> shapes)
    {
        string Shapes() => string.Join(", ", shapes);
        if (shapes.Count is < 2 or > 3)
            throw new KerasNetException($"{ClassName} '{Name}' takes the inputs [query, value] or [query, value, key], got {shapes.Count} inputs ({Shapes()}).");
        if (shapes.Any(s => s.Rank != 3))
            throw new KerasNetException($"{ClassName} '{Name}': query, value and key must have rank 3 (batch, steps, features), got shapes {Shapes()}.");
        var (query, value) = (shapes[0], shapes[1]);
        var key = shapes.Count > 2 ? shapes[2] : value;
        string keyName = shapes.Count > 2 ? "key" : "value (used as the key)";
        static bool Differ(long? a, long? b) => a is long x && b is long y && x != y;
        if (Differ(query[-1], key[-1]))
            throw new KerasNetException($"{ClassName} '{Name}': the query's feature size must equal the {keyName}'s; got query {query} and {keyName} {key}.");
        if (Differ(key[1], value[1]))
            throw new KerasNetException($"{ClassName} '{Name}': key and value must have the same number of steps; got key {key} and value {value}.");
        if (Differ(query[0], value[0]) || Differ(query[0], key[0]))
            throw new KerasNetException($"{ClassName} '{Name}': query, value and key must have the same batch size; got shapes {Shapes()}.");
        if (query[-1] is null) throw new KerasNetException($"{ClassName} '{Name}': the query's feature size must be known, got shape {query}.");
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["use_scale"] = UseScale;
        c["score_mode"] = ScoreMode;
        c["dropout"] = Dropout;
        return c;
    }

    // ---------------------------------------------------------------- Keras-style calls

    /// <summary>
    /// Records <c>attention([query, value(, key)], mask=[query_mask, value_mask], use_causal_mask=…)</c> in a Functional graph;
    /// explicit masks (boolean <c>(batch, Tq)</c> and <c>(batch, Tv)</c> tensors) replace those the inputs carry.
    /// </summary>
    public KerasTensor Apply(KerasTensor query, KerasTensor value, KerasTensor? key = null, bool useCausalMask = false,
        KerasTensor? queryMask = null, KerasTensor? valueMask = null) =>
        ApplyMulti(Inputs(query, value, key), Arguments(false, useCausalMask, queryMask, valueMask))[0];

    /// <summary>Records a call with <c>return_attention_scores=True</c>: the output and the weights <c>(batch, Tq, Tv)</c>.</summary>
    public (KerasTensor Output, KerasTensor Scores) ApplyWithScores(KerasTensor query, KerasTensor value, KerasTensor? key = null, bool useCausalMask = false,
        KerasTensor? queryMask = null, KerasTensor? valueMask = null)
    {
        var outputs = ApplyMulti(Inputs(query, value, key), Arguments(true, useCausalMask, queryMask, valueMask));
        return (outputs[0], outputs[1]);
    }

    /// <summary>
    /// Runs the layer on data; masks are <c>(batch, Tq)</c> and <c>(batch, Tv)</c> booleans. <paramref name="training"/>
    /// (dropout on the weights) inherits the enclosing call's mode when null.
    /// </summary>
    public Tensor Apply(Tensor query, Tensor value, Tensor? key = null, Tensor? queryMask = null, Tensor? valueMask = null,
        bool useCausalMask = false, bool? training = null) =>
        ApplyMulti(Inputs(query, value, key), new CallContext(training, AttentionMasks.Masks(queryMask, valueMask), AttentionMasks.Arguments(false, useCausalMask)))[0];

    /// <summary>Runs the layer on data and also returns the attention weights <c>(batch, Tq, Tv)</c>.</summary>
    public (Tensor Output, Tensor Scores) ApplyWithScores(Tensor query, Tensor value, Tensor? key = null, Tensor? queryMask = null,
        Tensor? valueMask = null, bool useCausalMask = false, bool? training = null)
    {
        var outputs = ApplyMulti(Inputs(query, value, key), new CallContext(training, AttentionMasks.Masks(queryMask, valueMask), AttentionMasks.Arguments(true, useCausalMask)));
        return (outputs[0], outputs[1]);
    }

    /// <summary>The plain arguments, plus Keras's <c>mask=[query_mask, value_mask]</c> when a mask is given.</summary>
    private static Dictionary<string, object?> Arguments(bool returnScores, bool useCausalMask, KerasTensor? queryMask, KerasTensor? valueMask)
    {
        var arguments = AttentionMasks.Arguments(returnScores, useCausalMask);
        if (queryMask is not null || valueMask is not null) arguments[CallArguments.Mask] = new[] { queryMask, valueMask };
        return arguments;
    }

    private static List<T> Inputs<T>(T query, T value, T? key) where T : class => key is null ? [query, value] : [query, value, key];
}
