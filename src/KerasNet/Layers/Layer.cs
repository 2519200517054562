using System.Text.Json.Nodes;
using KerasNet.Backend;
using KerasNet.Constraints;
using KerasNet.Initializers;
using KerasNet.Regularizers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The Keras layer contract. Construction only records hyper-parameters; <see cref="Build(Shape)"/> runs
/// once, lazily, on the first input and creates the weights with <see cref="AddWeight"/>;
/// <see cref="Call(Tensor, bool)"/> computes. <see cref="Apply(Tensor, bool?)"/> runs the layer on data,
/// <see cref="Apply(KerasTensor, IReadOnlyDictionary{string, object?}?)"/> records it in a Functional graph. Layers held
/// in fields are tracked as sublayers (see <see cref="Sublayers"/>).
/// </summary>
public abstract partial class Layer : IDisposable
{
    private readonly List<KerasVariable> _weights = [];
    private readonly Dictionary<KerasVariable, (Regularizer? Regularizer, Constraint? Constraint)> _weightRules = new(ReferenceEqualityComparer.Instance);
    private readonly List<Tensor> _addedLosses = [];
    private bool _trainable;

    static Layer() => Engine.Initialize();

    /// <summary>Sets the arguments every Keras layer takes.</summary>
    /// <param name="name">Unique name; defaults to the snake_case class name made unique (<c>dense_1</c>).</param>
    /// <param name="trainable">Whether the layer's weights are trained.</param>
    /// <param name="inputShape">Shape of one sample (Keras <c>input_shape</c>), for the first layer of a Sequential.</param>
    /// <param name="inputDim">Shorthand for a 1-D <paramref name="inputShape"/> (Keras <c>input_dim</c>).</param>
    /// <param name="batchSize">Fixed batch size for <paramref name="inputShape"/>.</param>
    /// <param name="dtype">Compute dtype; only <c>float32</c> is supported for now.</param>
    protected Layer(string? name = null, bool trainable = true, Shape? inputShape = null, long? inputDim = null,
        int? batchSize = null, string dtype = "float32")
    {
        if (dtype != "float32")
            throw new NotSupportedException($"Layer '{name ?? GetType().Name}': dtype '{dtype}' is not supported yet (float32 only).");
        Name = name ?? LayerNames.Unique(LayerNames.ToSnakeCase(GetType().Name));
        _trainable = trainable;
        if (inputShape is not null && inputDim is not null)
            throw new KerasNetException($"Layer '{Name}': give either inputShape or inputDim, not both.");
        var sample = inputShape ?? (inputDim is long d ? Shape.Of(d) : null);
        BatchInputShape = sample?.WithBatch(batchSize);
    }

    /// <summary>The layer's name.</summary>
    public string Name { get; protected set; }

    /// <summary>
    /// Whether the weights are trained. Setting it freezes or unfreezes the layer and every layer it tracks
    /// (<see cref="Sublayers"/>, recursively); frozen weights move to <see cref="NonTrainableWeights"/>.
    /// </summary>
    public virtual bool Trainable
    {
        get => _trainable;
        set
        {
            foreach (var layer in FlattenLayers())
            {
                layer._trainable = value;
                foreach (var w in layer._weights) w.SetTrainable(value && layer.IsOwnTrainable(w));
            }
        }
    }

    /// <summary>The expected input shape including the batch dimension, when given at construction.</summary>
    public Shape? BatchInputShape { get; protected set; }

    /// <summary>True once <see cref="Build(IReadOnlyList{Shape})"/> has run.</summary>
    public bool Built { get; protected set; }

    /// <summary>The input shapes the layer was built for (batch included).</summary>
    public IReadOnlyList<Shape>? BuiltInputShapes { get; private set; }

    /// <summary>Whether a mask arriving with the input flows through to the output (Keras <c>supports_masking</c>).</summary>
    public virtual bool SupportsMasking => false;

    /// <summary>Rank and axis constraints on the inputs, checked on every call.</summary>
    protected InputSpec? InputSpec { get; set; }

    /// <summary>The Keras class name written into configs (the C# class name by default).</summary>
    public virtual string ClassName => GetType().Name;

    internal List<Node> InboundNodes { get; } = [];

    // ---------------------------------------------------------------- weights

    private readonly HashSet<KerasVariable> _ownTrainable = new(ReferenceEqualityComparer.Instance);
    private bool IsOwnTrainable(KerasVariable w) => _ownTrainable.Contains(w);

    /// <summary>
    /// Creates a weight of this layer (Keras <c>add_weight</c>), initialised on the engine's device.
    /// Its path is <c>layer_name/weight_name</c>.
    /// </summary>
    protected KerasVariable AddWeight(string name, Shape shape, Initializer? initializer = null, bool trainable = true,
        Regularizer? regularizer = null, Constraint? constraint = null, ScalarType dtype = ScalarType.Float32)
    {
        var dims = shape.ToLongArray($"shape of weight '{Name}/{name}'");
        if (trainable && !is_floating_point(dtype))
            throw new KerasNetException($"Layer '{Name}': weight '{name}' of dtype {dtype} cannot be trainable; only floating-point weights get gradients.");
        Tensor value;
        using (no_grad())
            value = (initializer ?? new GlorotUniform()).Call(dims, dtype);
        var v = new KerasVariable(name, value, trainable && _trainable, $"{Name}/{name}");
        _weights.Add(v);
        if (trainable) _ownTrainable.Add(v);
        _weightRules[v] = (regularizer, constraint);
        return v;
    }

    /// <summary>
    /// All weights (Keras <c>weights</c>): this layer's own (trainable, then non-trainable), then those of every tracked
    /// layer in depth-first order, each layer once — a layer shared or referenced twice is counted once.
    /// </summary>
    public IReadOnlyList<KerasVariable> Weights =>
        [.. FlattenLayers().SelectMany(l => l._weights.Where(l.IsOwnTrainable).Concat(l._weights.Where(w => !l.IsOwnTrainable(w))))];

    /// <summary>Weights the optimizer updates: the trainable ones among <see cref="Weights"/>, none when the layer is frozen.</summary>
    public IReadOnlyList<KerasVariable> TrainableWeights => !_trainable ? [] : [.. Weights.Where(w => w.Trainable)];

    /// <summary>Weights the optimizer leaves alone (moving statistics, frozen weights): all of them when the layer is frozen.</summary>
    public IReadOnlyList<KerasVariable> NonTrainableWeights => !_trainable ? Weights : [.. Weights.Where(w => !w.Trainable)];

    /// <summary>The weights this layer created itself, in creation order.</summary>
    public IReadOnlyList<KerasVariable> OwnWeights => _weights;

    /// <summary>Total number of scalars in all weights.</summary>
    public long CountParams()
    {
        if (!Built) throw new KerasNetException($"Layer '{Name}' is not built yet, so it has no weights to count. Call it on an input or give it an input shape first.");
        return Weights.Sum(w => w.Value.numel());
    }

    /// <summary>Copies of the weight values (Keras <c>get_weights</c>), in <see cref="Weights"/> order.</summary>
    public IReadOnlyList<Tensor> GetWeights() => Weights.Select(w => w.Numpy()).ToList();

    /// <summary>Sets the weight values (Keras <c>set_weights</c>), in <see cref="Weights"/> order; shapes must match.</summary>
    public void SetWeights(IReadOnlyList<Tensor> values)
    {
        var weights = Weights;
        if (values.Count != weights.Count)
            throw new KerasNetException($"Layer '{Name}' expects {weights.Count} weight arrays ({string.Join(", ", weights.Select(w => $"{w.Name} {w.Shape}"))}), got {values.Count}.");
        for (int i = 0; i < values.Count; i++) weights[i].Assign(values[i]);
    }

    /// <summary>The weight regularization penalties of this layer and the layers it tracks.</summary>
    public IEnumerable<Tensor> RegularizationLosses() =>
        FlattenLayers().SelectMany(l => l._weightRules).Where(p => p.Value.Regularizer is not null).Select(p => p.Value.Regularizer!.Call(p.Key.Value));

    /// <summary>
    /// Adds a scalar loss term from inside <c>Call</c> (Keras <c>add_loss</c>), e.g. an activity penalty. The
    /// terms of one outermost call (a model's forward pass, or <c>Apply</c> on data) are collected in
    /// <see cref="Losses"/> and added to the training loss by <c>Model.ComputeLoss</c>; the next outermost call
    /// starts afresh.
    /// </summary>
    public void AddLoss(Tensor loss)
    {
        if (loss.dim() != 0)
            throw new KerasNetException($"Layer '{Name}': AddLoss expects a scalar tensor, got shape {Shape.Of(loss.shape)}.");
        _addedLosses.Add(loss);
    }

    /// <summary>
    /// The loss terms of this layer and its sublayers (Keras <c>losses</c>): those added with
    /// <see cref="AddLoss"/> during the last outermost call, then the weight regularization penalties. Added terms
    /// live as long as the call's tensors: those of a <c>Fit</c>/<c>Evaluate</c> step are released with its dispose
    /// scope and no longer listed.
    /// </summary>
    public IReadOnlyList<Tensor> Losses => [.. AddedLosses(), .. RegularizationLosses()];

    private IEnumerable<Tensor> AddedLosses() => FlattenLayers().SelectMany(l => l._addedLosses).Where(t => !t.IsInvalid);

    private void ClearAddedLosses()
    {
        foreach (var l in FlattenLayers()) l._addedLosses.Clear();
    }

    /// <summary>Projects constrained weights back into their sets (after each optimizer step).</summary>
    internal void ApplyConstraints()
    {
        foreach (var (w, rules) in FlattenLayers().SelectMany(l => l._weightRules))
            rules.Constraint?.Apply(w);
    }

    /// <summary>True when this layer or a layer it tracks has a constrained weight.</summary>
    internal bool HasConstraints => FlattenLayers().Any(l => l._weightRules.Values.Any(r => r.Constraint is not null));

    // ---------------------------------------------------------------- build & call (override points)

    /// <summary>Creates the weights for inputs of <paramref name="inputShape"/> (batch dimension first).</summary>
    public virtual void Build(Shape inputShape) { }

    /// <summary>Creates the weights for several inputs; by default requires exactly one.</summary>
    public virtual void Build(IReadOnlyList<Shape> inputShapes)
    {
        if (inputShapes.Count != 1)
            throw new KerasNetException($"Layer '{Name}' ({ClassName}) takes one input, got {inputShapes.Count}.");
        Build(inputShapes[0]);
    }

    /// <summary>
    /// Creates the weights for a call with keyword <paramref name="arguments"/>, in which every tensor is replaced by its
    /// <see cref="Shape"/> (a list of tensors by a list of shapes) — Keras passes the shapes of all tensor arguments to
    /// <c>build</c>. The default builds from the inputs alone; override it when a named tensor's shape matters (the
    /// <c>value</c> of <see cref="MultiHeadAttention"/>).
    /// </summary>
    public virtual void Build(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments) => Build(inputShapes);

    /// <summary>The computation of a single-input, single-output layer.</summary>
    protected virtual Tensor Call(Tensor inputs, bool training) =>
        throw new KerasNetException($"Layer '{Name}' ({ClassName}) must override Call(Tensor, bool) or Call(IReadOnlyList<Tensor>, CallContext).");

    /// <summary>
    /// The general computation: any number of inputs and outputs, masks and call arguments. The default
    /// forwards a single input to <see cref="Call(Tensor, bool)"/>.
    /// </summary>
    protected internal virtual IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        if (inputs.Count != 1)
            throw new KerasNetException($"Layer '{Name}' ({ClassName}) takes one input, got {inputs.Count}.");
        return [Call(inputs[0], context.Training)];
    }

    /// <summary>
    /// Output shapes for the given input shapes (batch first, <c>null</c> = unknown). The default runs
    /// the layer on small zero tensors twice, with different sizes for unknown dimensions, and marks the
    /// output dimensions that changed as unknown. Override it where a formula is cheaper.
    /// </summary>
    public virtual IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) =>
        DryRun(inputShapes, inputShapes.Select(_ => ScalarType.Float32).ToList(), new Dictionary<string, object?>()).Shapes;

    /// <summary>
    /// Output shapes for a call with keyword <paramref name="arguments"/>: plain values (e.g. <c>return_attention_scores</c>,
    /// which adds an output) and, in place of tensors, their <see cref="Shape"/>s. The default uses
    /// <see cref="ComputeOutputShape(IReadOnlyList{Shape})"/> when no argument is a tensor, and otherwise runs the layer
    /// on zero tensors of those shapes; layers whose outputs depend on the arguments override it.
    /// </summary>
    public virtual IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments) =>
        CallArguments.Flatten<Shape>(arguments).Any()
            ? DryRun(inputShapes, inputShapes.Select(_ => ScalarType.Float32).ToList(), arguments).Shapes
            : ComputeOutputShape(inputShapes);

    /// <summary>Output dtypes; the default keeps a floating input's dtype and uses float32 otherwise.</summary>
    protected virtual IReadOnlyList<ScalarType> ComputeOutputDTypes(IReadOnlyList<ScalarType> inputDTypes, int outputCount) =>
        Enumerable.Repeat(inputDTypes.Count > 0 && IsFloating(inputDTypes[0]) ? inputDTypes[0] : ScalarType.Float32, outputCount).ToList();

    private static bool IsFloating(ScalarType t) => t is ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16;

    /// <summary>
    /// The output masks (Keras <c>compute_mask</c>). The default passes the first input's mask through
    /// when <see cref="SupportsMasking"/>, and drops it otherwise.
    /// </summary>
    public virtual IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks) =>
        SupportsMasking && masks is { Count: > 0 } ? [masks[0]] : null;

    /// <summary>The constructor arguments with Keras's keys (Keras <c>get_config</c>).</summary>
    public virtual JsonObject GetConfig()
    {
        var config = new JsonObject { ["name"] = Name, ["trainable"] = Trainable, ["dtype"] = "float32" };
        if (BatchInputShape is { } s) config["batch_input_shape"] = ShapeToJson(s);
        return config;
    }

    /// <summary>Writes a shape as Keras does (a JSON list with <c>null</c> for unknown).</summary>
    protected static JsonArray ShapeToJson(Shape shape) => new(shape.Select(d => (JsonNode?)(d is long v ? JsonValue.Create(v) : null)).ToArray());

    /// <summary>Moves every weight of this layer and the layers it tracks to <paramref name="device"/>.</summary>
    public void To(Device device)
    {
        foreach (var w in FlattenLayers().SelectMany(l => l._weights)) w.MoveTo(device);
    }

    /// <summary>Releases the native memory of the weights of this layer and of every layer it tracks, each once.</summary>
    public virtual void Dispose()
    {
        foreach (var w in FlattenLayers().SelectMany(l => l._weights)) w.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"<{ClassName} name={Name}, built={Built}>";
}
