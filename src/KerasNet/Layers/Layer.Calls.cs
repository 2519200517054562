using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Layers;

public abstract partial class Layer
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();
    private static readonly string[] InputsOnly = ["inputs"];

    // The layer calls on data running on this thread: how deeply they are nested (the outermost one, at depth 0, starts a
    // fresh set of added losses) and the innermost one's training mode, which the calls nested in it inherit.
    // Thread-local like Keras's call context: work started on another thread (a data pipeline's worker) starts at the top.
    [ThreadStatic] private static int _callDepth;
    [ThreadStatic] private static bool _callTraining;

    /// <summary>The training mode of the innermost layer call running on this thread, or null outside any call.</summary>
    internal static bool? CurrentTraining => _callDepth > 0 ? _callTraining : null;

    /// <summary>
    /// The names of the parameters of the layer's Keras <c>call</c>, in order (<c>["inputs"]</c> by default). The first
    /// names the inputs; the others are keyword arguments that Keras may also pass by position — <see cref="MultiHeadAttention"/>
    /// lists <c>query, value, key, query_mask, value_mask, key_mask, attention_mask, …</c>. A Keras 3 node's extra positional
    /// arguments are read as the keyword arguments of these names, and in a Functional graph an argument <c>{name}_mask</c>
    /// listed here receives the mask of the tensor passed as <c>name</c> unless the call gives it.
    /// </summary>
    public virtual IReadOnlyList<string> CallArgumentNames => InputsOnly;

    // ---------------------------------------------------------------- on data

    /// <summary>Runs the layer on data.</summary>
    /// <param name="inputs">The input batch.</param>
    /// <param name="training">
    /// Training mode (dropout active). Null, the default, inherits the mode of the layer call this one runs in — a layer
    /// applied inside another layer's <c>Call</c> during <c>Fit</c> trains — and is inference at the top level, as Keras's
    /// <c>training=None</c>.
    /// </param>
    public Tensor Apply(Tensor inputs, bool? training = null) => Single(ApplyMulti([inputs], new CallContext(training)));

    /// <summary>Runs a multi-input layer on data and returns its (single) output; <paramref name="training"/> as in <see cref="Apply(Tensor, bool?)"/>.</summary>
    public Tensor Apply(IReadOnlyList<Tensor> inputs, bool? training = null) => Single(ApplyMulti(inputs, new CallContext(training)));

    /// <summary>Runs the layer on data with masks and keyword arguments (named tensors included) and returns all its outputs.</summary>
    public IReadOnlyList<Tensor> ApplyMulti(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        CheckAndBuild(inputs.Select(t => Shape.Of(t.shape)).ToList(), CallArguments.Map<Tensor, Shape>(context.Arguments, t => Shape.Of(t.shape)));
        return Invoke(inputs, context);
    }

    /// <summary>Runs <c>Call</c> on data in the context's training mode (a Functional graph runs its nodes this way).</summary>
    internal IReadOnlyList<Tensor> Invoke(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        bool outer = EnterCall(context.Training);
        try
        {
            return Call(inputs, context);
        }
        finally
        {
            ExitCall(outer);
        }
    }

    /// <summary>Runs <paramref name="call"/>, a computation of this layer on data, as <see cref="Invoke"/> runs <c>Call</c>.</summary>
    private protected T AsCallOnData<T>(Func<T> call, bool training)
    {
        bool outer = EnterCall(training);
        try
        {
            return call();
        }
        finally
        {
            ExitCall(outer);
        }
    }

    /// <summary>
    /// Enters a call of this layer on data in <paramref name="training"/> mode, which the layer calls nested in it inherit,
    /// and returns the enclosing call's mode for <see cref="ExitCall"/>. The outermost call (not one nested in another
    /// layer's call) first drops the losses added by the previous one, as Keras does at its entry layer.
    /// </summary>
    private bool EnterCall(bool training)
    {
        if (_callDepth == 0) ClearAddedLosses();
        bool outer = _callTraining;
        _callDepth++;
        _callTraining = training;
        return outer;
    }

    private static void ExitCall(bool outerTraining)
    {
        _callDepth--;
        _callTraining = outerTraining;
    }

    // ---------------------------------------------------------------- in a Functional graph

    /// <summary>Records a call of this layer on a symbolic tensor and returns its symbolic output.</summary>
    /// <param name="inputs">The input.</param>
    /// <param name="arguments">Keyword arguments, as in <see cref="ApplyMulti(IReadOnlyList{KerasTensor}, IReadOnlyDictionary{string, object?}?)"/>.</param>
    public KerasTensor Apply(KerasTensor inputs, IReadOnlyDictionary<string, object?>? arguments = null) => Single(ApplyMulti([inputs], arguments));

    /// <summary>Records a call of this layer on several symbolic tensors (e.g. a merge) and returns its output.</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="arguments">Keyword arguments, as in <see cref="ApplyMulti(IReadOnlyList{KerasTensor}, IReadOnlyDictionary{string, object?}?)"/>.</param>
    public KerasTensor Apply(IReadOnlyList<KerasTensor> inputs, IReadOnlyDictionary<string, object?>? arguments = null) => Single(ApplyMulti(inputs, arguments));

    /// <summary>
    /// Records a call of this layer in a Functional graph (a node) and returns every symbolic output (e.g. an RNN's
    /// output and states).
    /// </summary>
    /// <param name="inputs">The inputs: Keras's first call argument, one tensor or a list.</param>
    /// <param name="arguments">
    /// Keras keyword arguments under their Keras names: plain values (<c>["return_attention_scores"] = true</c>;
    /// <c>["training"] = false</c> fixes this call's mode), <see cref="KerasTensor"/>s and lists of them
    /// (<c>["initial_state"] = new[] { h, c }</c>, <c>["mask"] = m</c>). Every tensor among them is a dependency of the call;
    /// when the graph runs, <c>Call</c> receives their values in <see cref="CallContext.Arguments"/>.
    /// </param>
    public KerasTensor[] ApplyMulti(IReadOnlyList<KerasTensor> inputs, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        if (inputs.Count == 0) throw new KerasNetException($"Layer '{Name}' ({ClassName}) was called with no inputs.");
        var normalized = CallArguments.Normalize<KerasTensor, Tensor>(arguments, $"Layer '{Name}' ({ClassName})") ?? new Dictionary<string, object?>();
        var shapes = inputs.Select(t => t.Shape).ToList();
        var argumentShapes = CallArguments.Map<KerasTensor, Shape>(normalized, t => t.Shape);
        CheckAndBuild(shapes, argumentShapes);
        var dtypes = inputs.Select(t => t.DType).ToList();
        IReadOnlyList<Shape> outShapes;
        IReadOnlyList<ScalarType> outTypes;
        if (dtypes.All(d => d == ScalarType.Float32))
        {
            outShapes = ComputeOutputShape(shapes, argumentShapes);
            outTypes = ComputeOutputDTypes(dtypes, outShapes.Count);
        }
        else (outShapes, outTypes) = DryRun(shapes, dtypes, normalized);
        return new Node(this, inputs, normalized).AddOutputs(outShapes, outTypes);
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

    // ---------------------------------------------------------------- building

    /// <summary>Builds the layer for <paramref name="inputShapes"/> if it is not built yet (checks the input spec).</summary>
    public void EnsureBuilt(params Shape[] inputShapes) => CheckAndBuild(inputShapes, NoArguments);

    private void CheckAndBuild(IReadOnlyList<Shape> shapes, IReadOnlyDictionary<string, object?> argumentShapes)
    {
        if (InputSpec is { } spec)
            for (int i = 0; i < shapes.Count; i++) spec.Check(this, i, shapes[i]);
        if (Built) return;
        try
        {
            Build(shapes, argumentShapes);
        }
        catch (Exception e) when (e is not KerasNetException and not NotSupportedException)
        {
            throw new KerasNetException($"Layer '{Name}' ({ClassName}) could not be built for input shape {string.Join(", ", shapes)}: {e.Message}", e);
        }
        BuiltInputShapes = shapes;
        Built = true;
    }

    /// <summary>
    /// Runs the layer twice on zero tensors, with different sizes for the unknown dimensions, and returns the output shapes
    /// (a dimension that changed is unknown) and dtypes. <paramref name="arguments"/> hold plain values and, for tensors,
    /// a <see cref="Shape"/> (float32) or a <see cref="KerasTensor"/> (its dtype), or lists of them.
    /// </summary>
    private (IReadOnlyList<Shape> Shapes, IReadOnlyList<ScalarType> DTypes) DryRun(IReadOnlyList<Shape> shapes, IReadOnlyList<ScalarType> dtypes,
        IReadOnlyDictionary<string, object?> arguments)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        IReadOnlyList<Tensor> Run(long batch, long unknown)
        {
            Tensor Zeros(Shape shape, ScalarType dtype) =>
                zeros(shape.Select((d, j) => d ?? (j == 0 ? batch : unknown)).ToArray(), dtype: dtype, device: Engine.Device);
            var inputs = shapes.Select((s, i) => Zeros(s, dtypes[i])).ToList();
            var tensors = CallArguments.Map<KerasTensor, Tensor>(
                CallArguments.Map<Shape, Tensor>(arguments, s => Zeros(s, ScalarType.Float32)), t => Zeros(t.Shape, t.DType));
            try
            {
                return Invoke(inputs, new CallContext(false, arguments: tensors));
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
}
