using System.Text.Json.Nodes;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Multi-head attention as Keras 3 computes it (Keras <c>MultiHeadAttention</c>). The query, key and value are
/// projected by the <see cref="EinsumDense"/> sublayers <c>query</c>, <c>key</c>, <c>value</c> (kernels
/// <c>(dim, num_heads, key_dim|value_dim)</c>, biases <c>(num_heads, key_dim|value_dim)</c>); the query is scaled by
/// <c>1/√key_dim</c>; masked logits get −1e9 (finite: a fully masked row attends uniformly); softmax over the key
/// positions of the attention axes; dropout on the weights in training; heads are merged by the sublayer
/// <c>attention_output</c> (kernel <c>(num_heads, value_dim, out)</c>, bias <c>(out,)</c>).
/// </summary>
/// <remarks>
/// <para>Calls take Keras's arguments: the input is the <c>query</c>; <c>value</c> (required), <c>key</c> (the value when
/// absent) and <c>attention_mask</c> are named tensor arguments, as in a Keras 3 node
/// (<c>{"args": [query, value], "kwargs": {"key": …, "attention_mask": …}}</c>), and so are <c>value_mask</c> and
/// <c>key_mask</c>, which a Functional graph fills from the masks the value and key carry. Plain arguments:
/// <c>return_attention_scores</c> (adds the weights <c>(batch, num_heads, T, S)</c> as a second output) and
/// <c>use_causal_mask</c>. <see cref="Apply(KerasTensor, KerasTensor, KerasTensor?, KerasTensor?, bool)"/> and its siblings
/// build these calls; <see cref="Layer.ApplyMulti(IReadOnlyList{KerasTensor}, IReadOnlyDictionary{string, object?}?)"/> with
/// the Keras names works too.</para>
/// <para>Masks are combined as Keras 3 does: the query's Keras mask as <c>(B, T, 1)</c>, the value's and key's as
/// <c>(B, 1, S)</c>, the causal mask <c>(1, T, S)</c> and <c>attention_mask</c> (<c>(B, T, S)</c>, broadcastable) are
/// and-ed. The output carries the query's mask. Unmasked, unscored rank-3 calls run libtorch's fused
/// <c>scaled_dot_product_attention</c> with the same additive −1e9 bias (Keras's fused path); the others run the explicit
/// einsum path. The projections and the attention dropout run in the caller's training mode.</para>
/// </remarks>
public sealed partial class MultiHeadAttention : Layer
{
    private EinsumDense _query = null!, _key = null!, _value = null!, _output = null!;
    private string _dotProductEquation = "", _combineEquation = "";
    private int[]? _attentionAxes;
    private (Shape Query, Shape Value, Shape? Key)? _buildShapes;

    /// <summary>Creates the layer; arguments as Keras's.</summary>
    /// <param name="numHeads">Number of attention heads.</param>
    /// <param name="keyDim">Size of each head for query and key.</param>
    /// <param name="valueDim">Size of each head for value; <paramref name="keyDim"/> when null.</param>
    /// <param name="dropout">Fraction of the attention weights dropped in training.</param>
    /// <param name="useBias">Whether the projections have biases.</param>
    /// <param name="outputShape">Output feature shape (an int or a tuple); the query's last dimension when null.</param>
    /// <param name="attentionAxes">Input axes attention runs over; all axes but batch and features when null.</param>
    /// <param name="flashAttention">true requires the fused kernel (no dropout, no returned scores), as Keras.</param>
    /// <param name="kernelInitializer">Projection kernel initializer (glorot_uniform), copied per sublayer.</param>
    /// <param name="biasInitializer">Projection bias initializer (zeros), copied per sublayer.</param>
    /// <param name="kernelRegularizer">Penalty on every projection kernel.</param>
    /// <param name="biasRegularizer">Penalty on every projection bias.</param>
    /// <param name="activityRegularizer">Not supported (throws when given).</param>
    /// <param name="kernelConstraint">Projection of every kernel.</param>
    /// <param name="biasConstraint">Projection of every bias.</param>
    /// <param name="seed">Not supported: seed the whole program with <c>RandomSeed.Set</c> (throws when given).</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Whether the weights are trained.</param>
    public MultiHeadAttention(int numHeads, int keyDim, int? valueDim = null, double dropout = 0.0, bool useBias = true,
        Shape? outputShape = null, IntTuple? attentionAxes = null, bool? flashAttention = null,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null, Regularizer? activityRegularizer = null,
        Constraint? kernelConstraint = null, Constraint? biasConstraint = null, int? seed = null,
        string? name = null, bool trainable = true)
        : base(name, trainable)
    {
        if (numHeads <= 0) throw new KerasNetException($"MultiHeadAttention '{Name}': numHeads must be positive, got {numHeads}.");
        if (keyDim <= 0) throw new KerasNetException($"MultiHeadAttention '{Name}': keyDim must be positive, got {keyDim}.");
        if (valueDim < 0) throw new KerasNetException($"MultiHeadAttention '{Name}': valueDim must be positive, got {valueDim}.");
        if (dropout is < 0 or >= 1) throw new KerasNetException($"MultiHeadAttention '{Name}': dropout must be in [0, 1), got {dropout}.");
        if (outputShape is not null && outputShape.Any(d => d is null or <= 0))
            throw new KerasNetException($"MultiHeadAttention '{Name}': outputShape must be positive integers, got {outputShape}.");
        if (flashAttention == true && dropout > 0)
            throw new KerasNetException($"MultiHeadAttention '{Name}': dropout is not supported with flash attention; set dropout to 0.0 (got {dropout}) or flashAttention to null.");
        if (activityRegularizer is not null) throw new NotSupportedException($"MultiHeadAttention '{Name}': activityRegularizer is not supported.");
        if (seed is not null) throw new NotSupportedException($"MultiHeadAttention '{Name}': a per-layer seed is not supported; use RandomSeed.Set.");
        NumHeads = numHeads;
        KeyDim = keyDim;
        ValueDim = valueDim is > 0 ? valueDim.Value : keyDim; // Keras: value_dim if value_dim else key_dim
        Dropout = dropout;
        UseBias = useBias;
        OutputShape = outputShape is { Rank: > 0 } ? outputShape : null;
        AttentionAxes = attentionAxes;
        FlashAttention = flashAttention;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        BiasRegularizer = biasRegularizer;
        KernelConstraint = kernelConstraint;
        BiasConstraint = biasConstraint;
    }

    /// <summary>Number of heads.</summary>
    public int NumHeads { get; }
    /// <summary>Size of each head for query and key.</summary>
    public int KeyDim { get; }
    /// <summary>Size of each head for value.</summary>
    public int ValueDim { get; }
    /// <summary>Fraction of the attention weights dropped in training.</summary>
    public double Dropout { get; }
    /// <summary>Whether the projections have biases.</summary>
    public bool UseBias { get; }
    /// <summary>The output feature shape, or null for the query's feature size.</summary>
    public Shape? OutputShape { get; }
    /// <summary>The attention axes as given (null: all axes but batch and features).</summary>
    public IntTuple? AttentionAxes { get; }
    /// <summary>Keras's <c>flash_attention</c>: true forces the fused kernel.</summary>
    public bool? FlashAttention { get; }
    /// <summary>Projection kernel initializer.</summary>
    public Initializer KernelInitializer { get; }
    /// <summary>Projection bias initializer.</summary>
    public Initializer BiasInitializer { get; }
    /// <summary>Projection kernel penalty.</summary>
    public Regularizer? KernelRegularizer { get; }
    /// <summary>Projection bias penalty.</summary>
    public Regularizer? BiasRegularizer { get; }
    /// <summary>Projection kernel constraint.</summary>
    public Constraint? KernelConstraint { get; }
    /// <summary>Projection bias constraint.</summary>
    public Constraint? BiasConstraint { get; }

    /// <summary>The query projection (Keras <c>query_dense</c>), once built.</summary>
    public EinsumDense QueryDense => Built ? _query : throw NotBuilt();
    /// <summary>The key projection (Keras <c>key_dense</c>), once built.</summary>
    public EinsumDense KeyDense => Built ? _key : throw NotBuilt();
    /// <summary>The value projection (Keras <c>value_dense</c>), once built.</summary>
    public EinsumDense ValueDense => Built ? _value : throw NotBuilt();
    /// <summary>The output projection (Keras <c>output_dense</c>), once built.</summary>
    public EinsumDense OutputDense => Built ? _output : throw NotBuilt();

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    private KerasNetException NotBuilt() => new($"MultiHeadAttention '{Name}' is not built yet; call it on inputs first.");

    // ---------------------------------------------------------------- build

    /// <summary>Builds for the shapes of <c>[query, value]</c> or <c>[query, value, key]</c>, in Keras's <c>build(query_shape, value_shape, key_shape)</c> order.</summary>
    public override void Build(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count is < 2 or > 3)
            throw new KerasNetException($"MultiHeadAttention '{Name}' builds for [query, value] or [query, value, key] shapes, got {inputShapes.Count} ({string.Join(", ", inputShapes)}).");
        BuildFor(inputShapes[0], inputShapes[1], inputShapes.Count > 2 ? inputShapes[2] : null);
    }

    /// <summary>Builds for a call: the query's shape, and the <c>value</c> and <c>key</c> argument shapes.</summary>
    public override void Build(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments)
    {
        if (inputShapes.Count != 1 || !arguments.ContainsKey(ValueArgument)) Build(inputShapes);
        else BuildFor(inputShapes[0], ArgumentShape(arguments, ValueArgument)!, ArgumentShape(arguments, KeyArgument));
    }

    private void BuildFor(Shape query, Shape value, Shape? key)
    {
        CheckInputs(query, value, key, null);
        key ??= value;
        int rank = query.Rank;
        _attentionAxes = NormalizedAxes(rank);
        var (projection, projectionBias) = ProjectionEquation(rank - 1, 1, 2);
        var headsShape = new Shape([.. Enumerable.Repeat<long?>(null, rank - 2), NumHeads, KeyDim]);
        _query = Projection("query", projection, headsShape, projectionBias, query);
        _key = Projection("key", projection, headsShape, projectionBias, key);
        _value = Projection("value", projection, new Shape([.. Enumerable.Repeat<long?>(null, rank - 2), NumHeads, ValueDim]), projectionBias, value);
        var outputShape = OutputShape ?? Shape.Of((long)query[-1]!);
        var (outputEquation, outputBias) = ProjectionEquation(rank - 1, 2, outputShape.Rank);
        _output = Projection("attention_output", outputEquation, new Shape([.. Enumerable.Repeat<long?>(null, rank - 2), .. outputShape]), outputBias,
            new Shape([.. query.Take(rank - 1), NumHeads, ValueDim]));
        (_dotProductEquation, _combineEquation) = AttentionEquations(rank + 1, _attentionAxes);
        _buildShapes = (query, value, ReferenceEquals(key, value) ? null : key);
    }

    /// <summary>Keras's build config: <c>{"shapes_dict": {"query_shape", "value_shape"(, "key_shape")}}</c>.</summary>
    public override JsonObject? GetBuildConfig()
    {
        if (_buildShapes is not var (query, value, key)) return null;
        var shapes = new JsonObject { ["query_shape"] = ShapeToJson(query), ["value_shape"] = ShapeToJson(value) };
        if (key is not null) shapes["key_shape"] = ShapeToJson(key);
        return new JsonObject { ["shapes_dict"] = shapes };
    }

    /// <summary>The shape of a tensor argument in a build or shape call (null when absent).</summary>
    private Shape? ArgumentShape(IReadOnlyDictionary<string, object?> arguments, string name) => arguments.GetValueOrDefault(name) switch
    {
        null => null,
        Shape shape => shape,
        var other => throw new KerasNetException($"MultiHeadAttention '{Name}': argument '{name}' must be one tensor, got {other.GetType().Name}."),
    };

    private EinsumDense Projection(string name, string equation, Shape outputShape, string biasAxes, Shape inputShape)
    {
        var layer = AddSublayer(new EinsumDense(equation, outputShape, biasAxes: UseBias ? biasAxes : null,
            kernelInitializer: FreshCopy(KernelInitializer), biasInitializer: FreshCopy(BiasInitializer),
            kernelRegularizer: KernelRegularizer, biasRegularizer: BiasRegularizer,
            kernelConstraint: KernelConstraint, biasConstraint: BiasConstraint, name: name, trainable: Trainable));
        layer.EnsureBuilt(inputShape);
        foreach (var w in layer.Weights) w.Path = $"{Name}/{name}/{w.Name}";
        return layer;
    }

    /// <summary>
    /// A new initializer with the same config (Keras clones per sublayer): an unseeded random initializer draws its
    /// values from a seed fixed at construction, so sharing one would give the query, key and value equal kernels.
    /// </summary>
    private static Initializer FreshCopy(Initializer initializer) =>
        Initializers.Initializers.Names.Contains(initializer.ClassName) ? Initializers.Initializers.Deserialize(initializer.ToConfig()) : initializer;

    /// <summary>The attention axes as non-negative input axes (negative ones count from the input's end, as in Keras).</summary>
    private int[] NormalizedAxes(int rank)
    {
        if (AttentionAxes is null) return [.. Enumerable.Range(1, rank - 2)];
        var axes = AttentionAxes.Select(a => a >= 0 ? a : rank + a).ToArray();
        if (axes.Any(a => a < 1 || a > rank - 2) || axes.Distinct().Count() != axes.Length)
            throw new KerasNetException($"MultiHeadAttention '{Name}': attentionAxes {AttentionAxes} must be distinct axes between 1 and {rank - 2} " +
                $"(neither the batch nor the feature axis) for inputs of rank {rank}.");
        return axes;
    }

    /// <summary>Keras's projection equation: <paramref name="free"/> kept axes, <paramref name="bound"/> contracted, <paramref name="output"/> new.</summary>
    private static (string Equation, string BiasAxes) ProjectionEquation(int free, int bound, int output)
    {
        string Letters(int start, int count) => new([.. Enumerable.Range(start, count).Select(i => (char)('a' + i))]);
        string kept = Letters(0, free), contracted = Letters(free, bound), added = Letters(free + bound, output);
        return ($"{kept}{contracted},{contracted}{added}->{kept}{added}", added);
    }

    /// <summary>
    /// Keras's attention einsums for projected tensors of <paramref name="rank"/> <c>(batch, …, heads, channels)</c>:
    /// <c>key, query → scores (batch dims…, heads, query attention dims…, key attention dims…)</c> and
    /// <c>scores, value → output</c>.
    /// </summary>
    private static (string DotProduct, string Combine) AttentionEquations(int rank, int[] axes)
    {
        char Letter(int i) => (char)('a' + i);
        var target = new string([.. Enumerable.Range(0, rank).Select(Letter)]);
        var batchDims = Enumerable.Range(0, rank - 1).Where(i => !axes.Contains(i)).ToArray();
        var source = target.ToCharArray();
        int next = rank;
        foreach (int a in axes.Order()) source[a] = Letter(next++);
        var product = new string([.. batchDims.Select(i => target[i]), .. axes.Select(i => target[i]), .. axes.Select(i => source[i])]);
        var sourceText = new string(source);
        return ($"{sourceText},{target}->{product}", $"{product},{sourceText}->{target}");
    }

    /// <summary>Validates the ranks and matching sizes of query, value, key (the value when null) and the attention mask.</summary>
    private (Shape Query, Shape Value, Shape Key) CheckInputs(Shape query, Shape value, Shape? keyOrNull, Shape? attentionMask)
    {
        var key = keyOrNull ?? value;
        if (query.Rank < 3)
            throw new KerasNetException($"MultiHeadAttention '{Name}': the query must have rank >= 3 (batch, steps…, features), got {query}.");
        if (value.Rank != query.Rank || key.Rank != query.Rank)
            throw new KerasNetException($"MultiHeadAttention '{Name}': query, value and key must have the same rank, got query {query}, value {value}, key {key}.");
        static bool Differ(long? a, long? b) => a is long x && b is long y && x != y;
        for (int i = 1; i < value.Rank - 1; i++)
            if (Differ(value[i], key[i]))
                throw new KerasNetException($"MultiHeadAttention '{Name}': all dimensions of value and key except the last must be equal, got value {value} and key {key}.");
        var axes = NormalizedAxes(query.Rank);
        for (int i = 0; i < query.Rank - 1; i++)
            if (!axes.Contains(i) && Differ(query[i], value[i]))
                throw new KerasNetException($"MultiHeadAttention '{Name}': query and value must agree on axis {i} (attention runs over axes " +
                    $"[{string.Join(", ", axes)}]), got query {query} and value {value}.");
        foreach (var (what, shape) in new[] { ("query", query), ("value", value), ("key", key) })
            if (shape[-1] is null)
                throw new KerasNetException($"MultiHeadAttention '{Name}': the {what}'s feature size (last axis) must be known, got {shape}.");
        if (attentionMask is not null) CheckAttentionMask(query, value, attentionMask, axes.Length);
        return (query, value, key);
    }

    /// <summary>The projections fix the feature sizes of query, value and key at build time.</summary>
    private void CheckFeatureSizes((Shape Query, Shape Value, Shape Key) shapes)
    {
        foreach (var (what, shape, projection) in new[] { ("query", shapes.Query, _query), ("value", shapes.Value, _value), ("key", shapes.Key, _key) })
            if (shape[-1] != projection.Kernel.Shape[0])
                throw new KerasNetException($"MultiHeadAttention '{Name}': the {what}'s feature size is {shape[-1]} (shape {shape}), " +
                    $"but the layer was built for {projection.Kernel.Shape[0]}.");
    }

    /// <summary>The attention mask must broadcast to the scores without the heads axis: <c>(batch dims…, T…, S…)</c>.</summary>
    private void CheckAttentionMask(Shape query, Shape value, Shape mask, int axisCount)
    {
        var expected = ScoresShape(query, value, withHeads: false);
        bool fits = mask.Rank >= 2 * axisCount && mask.Rank <= expected.Rank && mask.Select((d, i) => (d, e: expected[expected.Rank - mask.Rank + i]))
            .All(p => p.d is null or 1 || p.e is null || p.d == p.e);
        if (!fits)
            throw new KerasNetException($"MultiHeadAttention '{Name}': attention_mask of shape {mask} does not broadcast to {expected} (batch, query steps, key steps).");
    }

    // ---------------------------------------------------------------- shapes & config

    /// <summary>The output shape for the shapes of <c>[query, value]</c> or <c>[query, value, key]</c> (Keras's <c>compute_output_shape</c> order).</summary>
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) =>
        inputShapes.Count is 2 or 3
            ? OutputShapes(inputShapes[0], inputShapes[1], inputShapes.Count > 2 ? inputShapes[2] : null, null, false)
            : throw new KerasNetException($"MultiHeadAttention '{Name}' computes output shapes for [query, value] or [query, value, key], got {inputShapes.Count} shapes.");

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments) =>
        OutputShapes(QueryOf(inputShapes), ArgumentShape(arguments, ValueArgument) ?? throw MissingValue(), ArgumentShape(arguments, KeyArgument),
            ArgumentShape(arguments, AttentionMaskArgument), arguments.GetValueOrDefault(AttentionMasks.ReturnAttentionScores) is true);

    private IReadOnlyList<Shape> OutputShapes(Shape queryShape, Shape valueShape, Shape? keyShape, Shape? attentionMaskShape, bool returnScores)
    {
        var (query, value, _) = CheckInputs(queryShape, valueShape, keyShape, attentionMaskShape);
        var output = new Shape([.. query.Take(query.Rank - 1), .. OutputShape ?? [query[-1]]]);
        return returnScores ? [output, ScoresShape(query, value, withHeads: true)] : [output];
    }

    /// <summary>The single input, the query (the value, key and attention mask are named arguments).</summary>
    private T QueryOf<T>(IReadOnlyList<T> inputs) => inputs.Count == 1 ? inputs[0]
        : throw new KerasNetException($"MultiHeadAttention '{Name}' takes the query as its only input and the value, key and attention_mask as named " +
            $"arguments (Apply(query, value, key, attentionMask), or ApplyMulti([query], {{\"value\": …}})); it was called on {inputs.Count} inputs.");

    private KerasNetException MissingValue() =>
        new($"MultiHeadAttention '{Name}' needs the 'value' argument (Keras: mha(query, value)); it was called without one.");

    /// <summary>The scores' shape: query axes other than the attention axes, heads, query attention axes, value attention axes.</summary>
    private Shape ScoresShape(Shape query, Shape value, bool withHeads)
    {
        var axes = NormalizedAxes(query.Rank);
        var batch = Enumerable.Range(0, query.Rank - 1).Where(i => !axes.Contains(i)).Select(i => query[i]);
        return new Shape([.. batch, .. withHeads ? [(long?)NumHeads] : Array.Empty<long?>(), .. axes.Select(a => query[a]), .. axes.Select(a => value[a])]);
    }

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["num_heads"] = NumHeads;
        c["key_dim"] = KeyDim;
        c["value_dim"] = ValueDim;
        c["dropout"] = Dropout;
        c["use_bias"] = UseBias;
        c["output_shape"] = OutputShape is { } o ? ShapeToJson(o) : null;
        // Keras stores the normalized axes once built.
        var axes = _attentionAxes ?? AttentionAxes?.ToArray();
        c["attention_axes"] = axes is null ? null : new JsonArray([.. axes.Select(a => (JsonNode?)JsonValue.Create(a))]);
        c["kernel_initializer"] = KernelInitializer.ToConfig();
        c["bias_initializer"] = BiasInitializer.ToConfig();
        c["kernel_regularizer"] = KernelRegularizer?.ToConfig();
        c["bias_regularizer"] = BiasRegularizer?.ToConfig();
        c["activity_regularizer"] = null;
        c["kernel_constraint"] = KernelConstraint?.ToConfig();
        c["bias_constraint"] = BiasConstraint?.ToConfig();
        c["seed"] = null;
        return c;
    }
}
