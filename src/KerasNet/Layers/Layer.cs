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
/// <see cref="Call(Tensor, bool)"/> computes. <see cref="Apply(Tensor, bool)"/> runs the layer on data,
/// <see cref="Apply(KerasTensor)"/> records it in a Functional graph.
/// </summary>
public abstract partial class Layer : IDisposable
{
    private readonly List<KerasVariable> _weights = [];
    private readonly List<Layer> _sublayers = [];
    private readonly Dictionary<KerasVariable, (Regularizer? Regularizer, Constraint? Constraint)> _weightRules = new(ReferenceEqualityComparer.Instance);
    private readonly List<Tensor> _addedLosses = [];
    private bool _trainable;

    // Depth of nested data calls on this thread: the outermost call (depth 0) starts a fresh set of added losses.
    [ThreadStatic] private static int _callDepth;

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
        Engine.Initialize();
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
    /// Whether the weights are trained. Setting it to false freezes the layer and its sublayers
    /// (their weights move to <see cref="NonTrainableWeights"/>).
    /// </summary>
    public virtual bool Trainable
    {
        get => _trainable;
        set
        {
            _trainable = value;
            foreach (var l in Sublayers) l.Trainable = value;
            foreach (var w in _weights) w.SetTrainable(value && IsOwnTrainable(w));
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

    /// <summary>Tracks a layer used inside this one so that its weights count as this layer's.</summary>
    protected T AddSublayer<T>(T layer) where T : Layer
    {
        if (!_sublayers.Contains(layer)) _sublayers.Add(layer);
        if (!_trainable) layer.Trainable = false;
        return layer;
    }

    /// <summary>Layers tracked inside this one.</summary>
    public virtual IReadOnlyList<Layer> Sublayers => _sublayers;

    /// <summary>Weights the optimizer updates: own trainable weights, then the sublayers'.</summary>
    public IReadOnlyList<KerasVariable> TrainableWeights =>
        !_trainable ? [] : [.. _weights.Where(IsOwnTrainable), .. Sublayers.SelectMany(l => l.TrainableWeights)];

    /// <summary>Weights the optimizer leaves alone (moving statistics, frozen weights).</summary>
    public IReadOnlyList<KerasVariable> NonTrainableWeights =>
        !_trainable
            ? [.. _weights, .. Sublayers.SelectMany(l => l.Weights)]
            : [.. _weights.Where(w => !IsOwnTrainable(w)), .. Sublayers.SelectMany(l => l.NonTrainableWeights)];

    /// <summary>All weights: own (trainable, then non-trainable), then each sublayer's — Keras's order.</summary>
    public IReadOnlyList<KerasVariable> Weights =>
        [.. _weights.Where(IsOwnTrainable), .. _weights.Where(w => !IsOwnTrainable(w)), .. Sublayers.SelectMany(l => l.Weights)];

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

    /// <summary>Sum of the weight regularization penalties of this layer and its sublayers.</summary>
    public IEnumerable<Tensor> RegularizationLosses()
    {
        foreach (var (w, rules) in _weightRules)
            if (rules.Regularizer is { } r) yield return r.Call(w.Value);
        foreach (var l in Sublayers)
            foreach (var loss in l.RegularizationLosses()) yield return loss;
    }

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

    private IEnumerable<Tensor> AddedLosses() =>
        _addedLosses.Where(t => !t.IsInvalid).Concat(Sublayers.SelectMany(l => l.AddedLosses()));

    private void ClearAddedLosses()
    {
        _addedLosses.Clear();
        foreach (var l in Sublayers) l.ClearAddedLosses();
    }

    /// <summary>Runs <c>Call</c> as a call on data (see <see cref="AsCallOnData{T}"/>).</summary>
    private protected IReadOnlyList<Tensor> CallOnData(IReadOnlyList<Tensor> inputs, CallContext context) =>
        AsCallOnData(() => Call(inputs, context));

    /// <summary>
    /// Runs <paramref name="call"/>, a computation of this layer on data. The outermost such call (not one nested in
    /// another layer's call) first drops the losses added by the previous one, as Keras does at its entry layer.
    /// </summary>
    private protected T AsCallOnData<T>(Func<T> call)
    {
        if (_callDepth == 0) ClearAddedLosses();
        _callDepth++;
        try
        {
            return call();
        }
        finally
        {
            _callDepth--;
        }
    }

    /// <summary>Projects constrained weights back into their sets (after each optimizer step).</summary>
    internal void ApplyConstraints()
    {
        foreach (var (w, rules) in _weightRules)
            rules.Constraint?.Apply(w);
        foreach (var l in Sublayers) l.ApplyConstraints();
    }

    /// <summary>True when this layer or a sublayer has a constrained weight.</summary>
    internal bool HasConstraints => _weightRules.Values.Any(r => r.Constraint is not null) || Sublayers.Any(l => l.HasConstraints);

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
        DryRun(inputShapes, inputShapes.Select(_ => ScalarType.Float32).ToList(), null).Shapes;

    /// <summary>
    /// Output shapes for a call with non-tensor <paramref name="arguments"/> (e.g. <c>return_attention_scores</c>,
    /// which adds an output). The default ignores the arguments; layers whose outputs depend on them override it.
    /// </summary>
    public virtual IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes, IReadOnlyDictionary<string, object?> arguments) =>
        ComputeOutputShape(inputShapes);

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

    // ---------------------------------------------------------------- machinery

    private (IReadOnlyList<Shape> Shapes, IReadOnlyList<ScalarType> DTypes) DryRun(IReadOnlyList<Shape> shapes, IReadOnlyList<ScalarType> dtypes,
        IReadOnlyDictionary<string, object?>? arguments)
    {
        var context = new CallContext(false, arguments: arguments);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        IReadOnlyList<Tensor> Run(long batch, long unknown)
        {
            var inputs = shapes.Select((s, i) => zeros(s.Select((d, j) => d ?? (j == 0 ? batch : unknown)).ToArray(),
                dtype: dtypes[i], device: Engine.Device)).ToList();
            try
            {
                return Call(inputs, context);
            }
            catch (Exception e) when (e is not KerasNetException)
            {
                throw new KerasNetException(
                    $"Layer '{Name}' ({ClassName}) failed on inputs of shape {string.Join(", ", shapes)}: {e.Message}", e);
            }
        }
        var a = Run(2, 11);
        var b = Run(3, 13);
        ClearAddedLosses(); // losses added while probing shapes are not a real call's
        var outShapes = a.Select((t, i) => new Shape(t.shape.Select((d, j) => d == b[i].shape[j] ? (long?)d : null))).ToList();
        return (outShapes, a.Select(t => t.dtype).ToList());
    }

    private void CheckAndBuild(IReadOnlyList<Shape> shapes)
    {
        if (InputSpec is { } spec)
            for (int i = 0; i < shapes.Count; i++) spec.Check(this, i, shapes[i]);
        if (Built) return;
        try
        {
            Build(shapes);
        }
        catch (Exception e) when (e is not KerasNetException and not NotSupportedException)
        {
            throw new KerasNetException($"Layer '{Name}' ({ClassName}) could not be built for input shape {string.Join(", ", shapes)}: {e.Message}", e);
        }
        BuiltInputShapes = shapes;
        Built = true;
    }

    /// <summary>Builds the layer for <paramref name="inputShapes"/> if it is not built yet (checks the input spec).</summary>
    public void EnsureBuilt(params Shape[] inputShapes) => CheckAndBuild(inputShapes);

    /// <summary>Runs the layer on data.</summary>
    public Tensor Apply(Tensor inputs, bool training = false) => Single(ApplyMulti([inputs], new CallContext(training)));

    /// <summary>Runs a multi-input layer on data and returns its (single) output.</summary>
    public Tensor Apply(IReadOnlyList<Tensor> inputs, bool training = false) => Single(ApplyMulti(inputs, new CallContext(training)));

    /// <summary>Runs the layer on data and returns all its outputs.</summary>
    public IReadOnlyList<Tensor> ApplyMulti(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        CheckAndBuild(inputs.Select(t => Shape.Of(t.shape)).ToList());
        return CallOnData(inputs, context);
    }

    /// <summary>Records a call of this layer on a symbolic tensor and returns its symbolic output.</summary>
    public KerasTensor Apply(KerasTensor inputs) => Single(ApplyMulti([inputs]));

    /// <summary>Records a call of this layer on several symbolic tensors (e.g. a merge) and returns its output.</summary>
    public KerasTensor Apply(IReadOnlyList<KerasTensor> inputs) => Single(ApplyMulti(inputs));

    /// <summary>Records a call and returns every symbolic output (e.g. an RNN's output and states).</summary>
    public KerasTensor[] ApplyMulti(IReadOnlyList<KerasTensor> inputs, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        if (inputs.Count == 0) throw new KerasNetException($"Layer '{Name}' was called with no inputs.");
        var shapes = inputs.Select(t => t.Shape).ToList();
        CheckAndBuild(shapes);
        IReadOnlyList<Shape> outShapes;
        IReadOnlyList<ScalarType> outTypes;
        var dtypes = inputs.Select(t => t.DType).ToList();
        arguments ??= new Dictionary<string, object?>();
        if (dtypes.All(d => d == ScalarType.Float32))
        {
            outShapes = ComputeOutputShape(shapes, arguments);
            outTypes = ComputeOutputDTypes(dtypes, outShapes.Count);
        }
        else (outShapes, outTypes) = DryRun(shapes, dtypes, arguments);
        var node = new Node(this, inputs, arguments);
        return node.AddOutputs(outShapes, outTypes);
    }

    private T Single<T>(IReadOnlyList<T> outputs) => outputs.Count == 1
        ? outputs[0]
        : throw new KerasNetException($"Layer '{Name}' ({ClassName}) has {outputs.Count} outputs; use ApplyMulti to get all of them.");

    /// <summary>The symbolic input of the layer's first call (Keras <c>layer.input</c>).</summary>
    public KerasTensor Input => InboundNodes.Count > 0 && InboundNodes[0].Inputs.Count == 1 ? InboundNodes[0].Inputs[0]
        : InboundNodes.Count > 0 && this is InputLayer ? InboundNodes[0].Outputs[0]
        : throw new KerasNetException($"Layer '{Name}' has no single symbolic input: it has been called {InboundNodes.Count} times in Functional graphs.");

    /// <summary>The symbolic output of the layer's first call (Keras <c>layer.output</c>).</summary>
    public KerasTensor Output => InboundNodes.Count > 0 && InboundNodes[0].Outputs.Count == 1 ? InboundNodes[0].Outputs[0]
        : throw new KerasNetException($"Layer '{Name}' has no single symbolic output: it has been called {InboundNodes.Count} times in Functional graphs.");

    /// <summary>Moves every weight to <paramref name="device"/>.</summary>
    public void To(Device device)
    {
        foreach (var w in _weights) w.MoveTo(device);
        foreach (var l in Sublayers) l.To(device);
    }

    /// <summary>Releases the native memory of the weights.</summary>
    public virtual void Dispose()
    {
        foreach (var w in _weights) w.Dispose();
        foreach (var l in _sublayers) l.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"<{ClassName} name={Name}, built={Built}>";
}
