using KerasNet.Layers;
using static TorchSharp.torch;

namespace KerasNet.Models;

/// <summary>
/// A model: layers plus training (<c>Compile</c>, <c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>). Build one three ways,
/// as in Keras: the Functional API (<c>new Model(inputs, outputs)</c>), <see cref="Sequential"/>, or a subclass that
/// creates layers in its constructor and overrides <c>Call</c>.
/// </summary>
public partial class Model : Layer
{
    private FunctionalGraph? _graph;
    private (IReadOnlyList<Tensor> Inputs, IReadOnlyList<Tensor?> Masks)? _lastRun;

    /// <summary>A subclassed model: create layers in the constructor (they are tracked automatically) and override <c>Call</c>.</summary>
    public Model(string? name = null, bool trainable = true) : base(name, trainable) { }

    /// <summary>A Functional model from one input to one output.</summary>
    public Model(KerasTensor inputs, KerasTensor outputs, string? name = null) : this([inputs], [outputs], name) { }

    /// <summary>A Functional model with several inputs and/or outputs.</summary>
    public Model(IReadOnlyList<KerasTensor> inputs, IReadOnlyList<KerasTensor> outputs, string? name = null) : base(name ?? LayerNames.Unique("functional"))
    {
        SetGraph(inputs, outputs);
    }

    /// <summary>A Functional model whose inputs and outputs are named (data can then be passed by name).</summary>
    public Model(IReadOnlyDictionary<string, KerasTensor> inputs, IReadOnlyDictionary<string, KerasTensor> outputs, string? name = null)
        : this(inputs.Values.ToList(), outputs.Values.ToList(), name)
    {
        InputNames = inputs.Keys.ToList();
        OutputNames = outputs.Keys.ToList();
    }

    /// <summary>Installs the graph of a Functional model (also used by <see cref="Sequential"/>).</summary>
    private protected void SetGraph(IReadOnlyList<KerasTensor> inputs, IReadOnlyList<KerasTensor> outputs)
    {
        if (inputs.Count == 0 || outputs.Count == 0)
            throw new KerasNetException($"Model '{Name}' needs at least one input and one output.");
        _graph = new FunctionalGraph(Name, inputs, outputs);
        InputNames = inputs.Select(t => t.Layer.Name).ToList();
        OutputNames = outputs.Select(t => t.Layer.Name).ToList();
        if (OutputNames.Distinct().Count() != OutputNames.Count)
            OutputNames = outputs.Select((t, i) => $"{t.Layer.Name}_{i}").ToList();
        BatchInputShape = inputs[0].Shape;
        Built = true;
    }

    /// <summary>True for a model built with the Functional API (or a built Sequential).</summary>
    public bool IsFunctional => _graph is not null;

    /// <summary>The symbolic inputs of a Functional model.</summary>
    public IReadOnlyList<KerasTensor> Inputs => _graph?.Inputs ?? throw NotFunctional("inputs");

    /// <summary>The symbolic outputs of a Functional model.</summary>
    public IReadOnlyList<KerasTensor> Outputs => _graph?.Outputs ?? throw NotFunctional("outputs");

    /// <summary>Names used to match input data given as a dictionary.</summary>
    public IReadOnlyList<string> InputNames { get; private set; } = ["input"];

    /// <summary>Names of the outputs (the output layers' names), used for per-output losses, metrics and logs.</summary>
    public IReadOnlyList<string> OutputNames { get; private set; } = ["output"];

    private KerasNetException NotFunctional(string what) =>
        new($"Model '{Name}' is not a Functional model (or is not built yet), so it has no symbolic {what}.");

    /// <summary>The model's layers: for a Functional model in topological order including input layers (as Keras).</summary>
    public virtual IReadOnlyList<Layer> Layers => _graph?.Layers ?? Sublayers;

    /// <summary>
    /// Layers whose weights belong to this model: a Functional model's layers, or the layers a subclassed model tracks
    /// (held in its fields, see <see cref="Layer.Sublayers"/>).
    /// </summary>
    public override IReadOnlyList<Layer> Sublayers =>
        _graph is not null ? _graph.Layers.Where(l => l is not InputLayer).ToList() : base.Sublayers;

    /// <summary>Looks a layer up by name (Keras <c>get_layer</c>).</summary>
    public Layer GetLayer(string name) => Layers.FirstOrDefault(l => l.Name == name)
        ?? throw new KerasNetException($"Model '{Name}' has no layer named '{name}'. Layers: {string.Join(", ", Layers.Select(l => l.Name))}.");

    /// <summary>Looks a layer up by position in <see cref="Layers"/>.</summary>
    public Layer GetLayer(int index) => index >= 0 && index < Layers.Count ? Layers[index]
        : throw new KerasNetException($"Model '{Name}' has {Layers.Count} layers; index {index} is out of range.");

    /// <inheritdoc />
    protected internal override IReadOnlyList<Tensor> Call(IReadOnlyList<Tensor> inputs, CallContext context)
    {
        if (_graph is null) return base.Call(inputs, context);
        var (outputs, masks) = _graph.Run(inputs, context.Masks, context.Training);
        _lastRun = (inputs, masks);
        return outputs;
    }

    /// <summary>
    /// The output masks. Right after a call on the same tensors (how an enclosing graph asks) they are the masks that
    /// call produced, so the graph is not run a second time.
    /// </summary>
    public override IReadOnlyList<Tensor?>? ComputeMask(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor?>? masks)
    {
        if (_graph is null) return base.ComputeMask(inputs, masks);
        var last = _lastRun;
        _lastRun = null;
        if (last is { } run && run.Inputs.Count == inputs.Count && run.Inputs.Zip(inputs).All(p => ReferenceEquals(p.First, p.Second)))
            return run.Masks;
        return _graph.Run(inputs, masks, false).Masks;
    }

    /// <summary>
    /// For a Functional model, the outputs' shapes once the inputs are checked against the model's inputs
    /// (count, rank and known sizes): a nested model called on the wrong tensors fails when the graph is built.
    /// </summary>
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes)
    {
        if (_graph is null) return base.ComputeOutputShape(inputShapes);
        if (inputShapes.Count != _graph.Inputs.Count)
            throw new KerasNetException($"Model '{Name}' expects {_graph.Inputs.Count} inputs ({string.Join(", ", InputNames)}) but was called on {inputShapes.Count}.");
        for (int i = 0; i < inputShapes.Count; i++)
            if (!Compatible(inputShapes[i], _graph.Inputs[i].Shape))
                throw new KerasNetException($"Input {i} ('{InputNames[i]}') of model '{Name}' is incompatible with the model: expected shape {_graph.Inputs[i].Shape}, but received a tensor of shape {inputShapes[i]}.");
        return _graph.Outputs.Select(o => o.Shape).ToList();
    }

    private static bool Compatible(Shape a, Shape b) =>
        a.Rank == b.Rank && a.Zip(b).All(p => p.First is null || p.Second is null || p.First == p.Second);
}
