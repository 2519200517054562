using KerasNet.Callbacks;
using KerasNet.Layers;
using KerasNet.Losses;
using KerasNet.Metrics;
using KerasNet.Optimizers;
using KerasNet.Trainers;
using static TorchSharp.torch;

namespace KerasNet.Models;

public partial class Model
{
    private LossSpec? _loss;
    private LossWeights? _lossWeights;
    private MetricsSpec? _metrics;
    private CompiledOutputs? _compiled;
    private IReadOnlyList<KerasVariable>? _stepVariables;
    private IReadOnlyList<Tensor?>? _outputMasks;
    private bool _stepHasConstraints;

    /// <summary>The optimizer set by <see cref="Compile"/>.</summary>
    public Optimizer? Optimizer { get; private set; }

    /// <summary>True once <see cref="Compile"/> has been called.</summary>
    public bool IsCompiled => Optimizer is not null;

    /// <summary>Set to true (e.g. from a callback) to end <c>Fit</c> after the current batch.</summary>
    public bool StopTraining { get; set; }

    /// <summary>
    /// Configures training (Keras <c>compile</c>). Strings work for every argument:
    /// <c>Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"])</c>.
    /// </summary>
    /// <param name="optimizer">Optimizer (Keras default <c>rmsprop</c>).</param>
    /// <param name="loss">One loss, a list per output, or a dictionary by output name.</param>
    /// <param name="metrics">Metrics for every output, or a dictionary of lists by output name.</param>
    /// <param name="lossWeights">Weights of the per-output losses in the total.</param>
    /// <param name="weightedMetrics">Not supported yet (throws when given).</param>
    /// <param name="stepsPerExecution">Only 1 is supported.</param>
    /// <param name="jitCompile">Not supported (throws when true).</param>
    public void Compile(Optimizer? optimizer = null, LossSpec? loss = null, MetricsSpec? metrics = null,
        LossWeights? lossWeights = null, MetricsSpec? weightedMetrics = null, int stepsPerExecution = 1, bool jitCompile = false)
    {
        if (weightedMetrics is not null) throw new NotSupportedException($"Model '{Name}': weightedMetrics is not supported yet.");
        if (stepsPerExecution != 1) throw new NotSupportedException($"Model '{Name}': stepsPerExecution other than 1 is not supported.");
        if (jitCompile) throw new NotSupportedException($"Model '{Name}': jitCompile is not supported.");
        Optimizer = optimizer ?? Optimizers.Optimizers.Get("rmsprop");
        _loss = loss;
        _lossWeights = lossWeights;
        _metrics = metrics;
        _compiled?.Dispose();
        _compiled = null;
    }

    /// <summary>The loss and metric trackers that make up the logs (Keras <c>model.metrics</c>); override to add your own.</summary>
    public virtual IReadOnlyList<Metric> Metrics => _compiled?.All.ToList() ?? [];

    /// <summary>The names of <see cref="Metrics"/>, as they appear in logs.</summary>
    public IReadOnlyList<string> MetricsNames => Metrics.Select(m => m.Name).ToList();

    // ------------------------------------------------------------------ steps (override points)

    /// <summary>
    /// One training step (Keras <c>train_step</c>): forward, loss, gradients, optimizer update, metrics.
    /// Override it to customise <c>Fit</c> while keeping callbacks and progress.
    /// </summary>
    protected virtual void TrainStep(Batch data)
    {
        var yPred = CallOutputs(data.X, training: true);
        var loss = ComputeLoss(data.X, data.Y, yPred, data.SampleWeight);
        var variables = _stepVariables ?? TrainableWeights;
        if (variables.Count > 0)
        {
            var grads = autograd.grad([loss], variables.Select(v => v.Value).ToList(), allow_unused: true);
            Optimizer!.ApplyGradients(grads.Select(g => g.IsInvalid ? null : g).ToList(), variables);
            if (_stepVariables is null ? HasConstraints : _stepHasConstraints) ApplyConstraints();
        }
        UpdateMetrics(data, yPred, loss);
    }

    /// <summary>One evaluation step (Keras <c>test_step</c>): forward, loss, metrics, no update.</summary>
    protected virtual void TestStep(Batch data)
    {
        var yPred = CallOutputs(data.X, training: false);
        var loss = ComputeLoss(data.X, data.Y, yPred, data.SampleWeight);
        UpdateMetrics(data, yPred, loss);
    }

    /// <summary>One prediction step (Keras <c>predict_step</c>).</summary>
    protected virtual IReadOnlyList<Tensor> PredictStep(Batch data) => CallOutputs(data.X, training: false);

    /// <summary>
    /// The total loss of a batch (Keras <c>compute_loss</c>): each output's loss with sample weights and
    /// reduction, times its loss weight, plus <see cref="Layer.Losses"/> (terms added during the forward pass
    /// with <see cref="Layer.AddLoss"/>, and weight regularization penalties).
    /// </summary>
    protected virtual Tensor ComputeLoss(IReadOnlyList<Tensor> x, IReadOnlyList<Tensor> y, IReadOnlyList<Tensor> yPred, Tensor? sampleWeight)
    {
        var compiled = _compiled ?? throw NotCompiled();
        Tensor? total = null;
        for (int i = 0; i < compiled.Losses.Count; i++)
        {
            if (compiled.Losses[i] is not { } loss) continue;
            var mask = _outputMasks is { } masks && i < masks.Count ? masks[i] : null;
            var value = loss.Compute(y[i], yPred[i], sampleWeight, mask);
            if (compiled.LossTrackers.Count > 0)
                compiled.LossTrackers[i]!.UpdateState(value.detach(), yPred[i].shape[0]);
            var weighted = compiled.Weights[i] == 1.0 ? value : value * compiled.Weights[i];
            total = total is null ? weighted : total + weighted;
        }
        foreach (var term in Losses)
            total = total is null ? term : total + term;
        return total ?? throw new KerasNetException($"Model '{Name}': no output has a loss.");
    }

    /// <summary>Updates the loss tracker and the compiled metrics with one batch (Keras <c>compute_metrics</c>).</summary>
    protected void UpdateMetrics(Batch data, IReadOnlyList<Tensor> yPred, Tensor loss)
    {
        var compiled = _compiled ?? throw NotCompiled();
        compiled.LossTracker.UpdateState(loss.detach(), data.Size);
        for (int i = 0; i < compiled.Metrics.Count; i++)
            foreach (var m in compiled.Metrics[i])
                m.UpdateState(data.Y[i], yPred[i], data.SampleWeight);
    }

    /// <summary>Runs the model and returns every output.</summary>
    /// <remarks>
    /// The outputs' masks (Keras attaches them to the predictions) are kept for <see cref="ComputeLoss"/>. This is an
    /// outermost call: the losses added by the previous one are dropped first.
    /// </remarks>
    protected IReadOnlyList<Tensor> CallOutputs(IReadOnlyList<Tensor> x, bool training)
    {
        var context = training ? CallContext.Train : CallContext.Inference;
        if (_graph is null)
        {
            _outputMasks = null;
            return Invoke(x, context);
        }
        var (outputs, masks) = AsCallOnData(() => _graph.Run(x, null, training), training);
        _outputMasks = masks.Any(m => m is not null) ? masks : null;
        return outputs;
    }

    private KerasNetException NotCompiled() =>
        new($"Model '{Name}' must be compiled before training or evaluation: call Compile(optimizer: …, loss: …) first.");

    // ------------------------------------------------------------------ Fit / Evaluate / Predict

    /// <summary>
    /// Trains the model (Keras <c>fit</c>). Every training step runs inside its own native dispose scope.
    /// </summary>
    /// <returns>The <see cref="History"/> of epoch results.</returns>
    public History Fit(ModelData x, ModelData y, int? batchSize = null, int epochs = 1, int verbose = 1,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0, (ModelData X, ModelData Y)? validationData = null,
        bool shuffle = true, IReadOnlyDictionary<int, double>? classWeight = null, ModelData? sampleWeight = null,
        int initialEpoch = 0, int? stepsPerEpoch = null, int? validationSteps = null, int? validationBatchSize = null,
        int validationFreq = 1)
    {
        if (!IsCompiled) throw NotCompiled();
        if (validationSplit < 0 || validationSplit >= 1)
            throw new KerasNetException($"Fit: validationSplit must be in [0, 1), got {validationSplit}.");
        if (epochs < 1 || initialEpoch < 0 || initialEpoch >= epochs)
            throw new KerasNetException($"Fit: epochs must be at least 1 and initialEpoch in [0, epochs), got epochs={epochs}, initialEpoch={initialEpoch}.");
        if (verbose is < 0 or > 2) throw new KerasNetException($"Fit: verbose must be 0, 1 or 2, got {verbose}.");

        var (xs, ys, sw) = PrepareData(x, y, sampleWeight, classWeight, "Fit");
        (IReadOnlyList<Tensor> X, IReadOnlyList<Tensor> Y, Tensor? W)? val = null;
        if (validationData is { } vd)
        {
            var (vx, vy, _) = PrepareData(vd.X, vd.Y, null, null, "Fit (validationData)");
            val = (vx, vy, null);
        }
        else if (validationSplit > 0)
        {
            long n = xs[0].shape[0];
            long split = (long)(n * (1 - validationSplit));
            if (split <= 0 || split >= n)
                throw new KerasNetException($"Fit: validationSplit {validationSplit} of {n} samples leaves an empty training or validation set.");
            val = (xs.Select(t => t.narrow(0, split, n - split)).ToList(), ys.Select(t => t.narrow(0, split, n - split)).ToList(), sw?.narrow(0, split, n - split));
            xs = xs.Select(t => t.narrow(0, 0, split)).ToList();
            ys = ys.Select(t => t.narrow(0, 0, split)).ToList();
            sw = sw?.narrow(0, 0, split);
        }

        using var adapter = new ArrayDataAdapter(xs, ys, sw, batchSize ?? 32, shuffle, stepsPerEpoch);
        Func<DataAdapter>? validation = val is { } v
            ? () => new ArrayDataAdapter(v.X, v.Y, v.W, validationBatchSize ?? batchSize ?? 32, false, validationSteps)
            : null;
        return RunFit(adapter, null, validation, null, epochs, verbose, callbacks, initialEpoch, validationFreq);
    }

    /// <summary>
    /// The training loop shared by every <c>Fit</c> overload: epochs of <paramref name="train"/>'s batches, each
    /// converted by <paramref name="prepare"/> (null: already prepared) and trained on in its own dispose scope,
    /// then validation on a fresh <paramref name="validation"/> adapter with the test hooks called.
    /// </summary>
    private History RunFit(DataAdapter train, Func<Batch, Batch>? prepare, Func<DataAdapter>? validation, Func<Batch, Batch>? prepareValidation,
        int epochs, int verbose, IEnumerable<Callback>? callbacks, int initialEpoch, int validationFreq)
    {
        var history = new History();
        var list = new CallbackList(this, callbacks, history, verbose,
            new Dictionary<string, object?> { ["epochs"] = epochs, ["steps"] = train.Steps, ["verbose"] = verbose });

        _stepVariables = TrainableWeights;
        _stepHasConstraints = HasConstraints;
        Optimizer!.Build(_stepVariables);
        StopTraining = false;
        try
        {
            var trackers = Metrics; // fixed for the whole run, as in Keras
            list.OnTrainBegin(Logs.Empty);
            for (int epoch = initialEpoch; epoch < epochs && !StopTraining; epoch++)
            {
                _compiled?.ResetState();
                list.OnEpochBegin(epoch, Logs.Empty);
                int step = 0;
                foreach (var batch in BatchesWithScope(train, prepare))
                {
                    list.OnTrainBatchBegin(step, Logs.Empty);
                    TrainStep(batch);
                    list.OnTrainBatchEnd(step, Logs.FromMetrics(trackers));
                    step++;
                    if (StopTraining) break;
                }
                if (step == 0 && !StopTraining) throw new KerasNetException($"Fit: the training data of model '{Name}' produced no batches in epoch {epoch + 1}.");
                if (train is DatasetAdapter { RanOut: true }) StopTraining = true;
                var logs = new Logs(Logs.FromMetrics(trackers).ToList());
                if (validation is not null && (epoch + 1) % validationFreq == 0)
                {
                    using var adapter = validation();
                    var valLogs = RunEvaluation(adapter, prepareValidation, list);
                    foreach (var (k, value) in valLogs) logs.Set("val_" + k, value);
                }
                list.OnEpochEnd(epoch, logs);
            }
            Optimizer.FinalizeVariableValues(_stepVariables);
            list.OnTrainEnd(Logs.Empty);
        }
        finally
        {
            _stepVariables = null;
        }
        return history;
    }

    /// <summary>
    /// Computes the loss and metrics on data (Keras <c>evaluate</c>), returned by name: <c>loss</c> first, then
    /// the metrics as they appear in logs.
    /// </summary>
    public IReadOnlyDictionary<string, double> Evaluate(ModelData x, ModelData y, int? batchSize = null, int verbose = 0,
        ModelData? sampleWeight = null, int? steps = null, IEnumerable<Callback>? callbacks = null)
    {
        if (!IsCompiled) throw NotCompiled();
        var (xs, ys, sw) = PrepareData(x, y, sampleWeight, null, "Evaluate");
        var list = new CallbackList(this, callbacks, null, 0, new Dictionary<string, object?> { ["verbose"] = verbose });
        using var adapter = new ArrayDataAdapter(xs, ys, sw, batchSize ?? 32, false, steps);
        var logs = RunEvaluation(adapter, null, list);
        if (verbose > 0) ProgressOutput.Current.WriteLine(logs.ToString());
        return logs.ToDictionary(p => p.Key, p => p.Value);
    }

    private Logs RunEvaluation(DataAdapter adapter, Func<Batch, Batch>? prepare, CallbackList callbacks)
    {
        _compiled?.ResetState();
        IReadOnlyList<Metric>? trackers = null;
        callbacks.OnTestBegin(Logs.Empty);
        int step = 0;
        using (no_grad())
            foreach (var batch in BatchesWithScope(adapter, prepare))
            {
                trackers ??= Metrics;
                callbacks.OnTestBatchBegin(step, Logs.Empty);
                TestStep(batch);
                callbacks.OnTestBatchEnd(step++, Logs.FromMetrics(trackers));
            }
        if (trackers is null) throw new KerasNetException($"Evaluate: the data for model '{Name}' produced no batches.");
        var logs = new Logs(Logs.FromMetrics(trackers).ToList());
        callbacks.OnTestEnd(logs);
        return logs;
    }

    /// <summary>Runs the model on data in batches (Keras <c>predict</c>) and returns its (single) output.</summary>
    public Tensor Predict(ModelData x, int? batchSize = null, int verbose = 0, int? steps = null, IEnumerable<Callback>? callbacks = null)
    {
        var outputs = PredictOutputs(x, batchSize, verbose, steps, callbacks);
        if (outputs.Count != 1)
        {
            foreach (var o in outputs) o.Dispose();
            throw new KerasNetException($"Model '{Name}' has {outputs.Count} outputs; use PredictOutputs to get all of them.");
        }
        return outputs[0];
    }

    /// <summary>Runs the model on data in batches and returns every output.</summary>
    public IReadOnlyList<Tensor> PredictOutputs(ModelData x, int? batchSize = null, int verbose = 0, int? steps = null, IEnumerable<Callback>? callbacks = null)
    {
        var xs = PrepareInputs(x, "Predict");
        using var adapter = new ArrayDataAdapter(xs, [], null, batchSize ?? 32, false, steps);
        return RunPredict(adapter, null, verbose, callbacks);
    }

    private IReadOnlyList<Tensor> RunPredict(DataAdapter adapter, Func<Batch, Batch>? prepare, int verbose, IEnumerable<Callback>? callbacks)
    {
        var list = new CallbackList(this, callbacks, null, 0, new Dictionary<string, object?> { ["verbose"] = verbose });
        var parts = new List<IReadOnlyList<Tensor>>();
        list.OnPredictBegin(Logs.Empty);
        int step = 0;
        using (no_grad())
            foreach (var batch in BatchesWithScope(adapter, prepare))
            {
                list.OnPredictBatchBegin(step, Logs.Empty);
                // New handles: an output may be the batch's own input tensor, which is disposed when the step ends.
                var outs = PredictStep(batch).Select(o => o.alias().MoveToOuterDisposeScope()).ToList();
                parts.Add(outs);
                list.OnPredictBatchEnd(step++, Logs.Empty);
            }
        list.OnPredictEnd(Logs.Empty);
        if (parts.Count == 0) throw new KerasNetException($"Predict: the data for model '{Name}' produced no batches.");
        var result = Enumerable.Range(0, parts[0].Count).Select(i => cat(parts.Select(p => p[i]).ToList(), 0)).ToList();
        foreach (var p in parts) foreach (var t in p) t.Dispose();
        return result;
    }

    /// <summary>One optimizer update on one batch (Keras <c>train_on_batch</c>); returns the batch's loss and metrics.</summary>
    public IReadOnlyDictionary<string, double> TrainOnBatch(ModelData x, ModelData y, ModelData? sampleWeight = null,
        IReadOnlyDictionary<int, double>? classWeight = null)
    {
        if (!IsCompiled) throw NotCompiled();
        var (xs, ys, sw) = PrepareData(x, y, sampleWeight, classWeight, "TrainOnBatch");
        _compiled!.ResetState();
        using (var scope = NewDisposeScope())
            TrainStep(new Batch(xs, ys, sw));
        return Logs.FromMetrics(Metrics).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>Loss and metrics on one batch without updating (Keras <c>test_on_batch</c>).</summary>
    public IReadOnlyDictionary<string, double> TestOnBatch(ModelData x, ModelData y, ModelData? sampleWeight = null)
    {
        if (!IsCompiled) throw NotCompiled();
        var (xs, ys, sw) = PrepareData(x, y, sampleWeight, null, "TestOnBatch");
        _compiled!.ResetState();
        using (var scope = NewDisposeScope())
        using (no_grad())
            TestStep(new Batch(xs, ys, sw));
        return Logs.FromMetrics(Metrics).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>The model's output for one batch (Keras <c>predict_on_batch</c>).</summary>
    public Tensor PredictOnBatch(ModelData x)
    {
        var xs = PrepareInputs(x, "PredictOnBatch");
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var outs = PredictStep(new Batch(xs, [], null));
        if (outs.Count != 1) throw new KerasNetException($"Model '{Name}' has {outs.Count} outputs; PredictOnBatch returns one. Use PredictOutputs.");
        return outs[0].MoveToOuterDisposeScope();
    }

    // ------------------------------------------------------------------ data preparation

    /// <summary>
    /// An epoch's batches, each prepared and used inside its own dispose scope. The consumer owns every batch (see
    /// <see cref="DataAdapter"/>): the raw batch is disposed when its step ends, whichever thread made it, and the
    /// scope frees everything the step created.
    /// </summary>
    private static IEnumerable<Batch> BatchesWithScope(DataAdapter adapter, Func<Batch, Batch>? prepare)
    {
        using var batches = adapter.Epoch().GetEnumerator();
        while (true)
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) yield break;
            var raw = batches.Current;
            try
            {
                yield return prepare is null ? raw : prepare(raw);
            }
            finally
            {
                raw.Dispose();
            }
        }
    }

    private IReadOnlyList<Tensor> PrepareInputs(ModelData x, string caller)
    {
        var xs = x.Arrange(DataInputNames, "inputs");
        long n = xs[0].shape.Length > 0 ? xs[0].shape[0] : 0;
        foreach (var t in xs)
            if (t.shape.Length == 0 || t.shape[0] != n)
                throw new KerasNetException($"{caller}: all input arrays must have the same number of samples; got shapes {string.Join(", ", xs.Select(a => Shape.Of(a.shape)))}.");
        if (n == 0)
            throw new KerasNetException($"{caller}: the input data has no samples (shapes {string.Join(", ", xs.Select(a => Shape.Of(a.shape)))}).");
        if (!Built || !IsFunctional && this is Sequential) EnsureBuilt(xs.Select(t => new Shape([null, .. t.shape.Skip(1).Select(d => (long?)d)])).ToArray());
        if (IsFunctional)
        {
            for (int i = 0; i < xs.Count; i++)
            {
                var expected = Inputs[i].Shape;
                var actual = Shape.Of(xs[i].shape);
                if (expected.Rank != actual.Rank || expected.Skip(1).Zip(actual.Skip(1)).Any(p => p.First is long e && e != p.Second))
                    throw new KerasNetException($"{caller}: input {i} ('{InputNames[i]}') of model '{Name}' expects data of shape {expected}, but received data of shape {actual}.");
            }
            return xs.Select((t, i) => ArrayDataAdapter.Prepare(t, Inputs[i].DType)).ToList();
        }
        return xs.Select(t => ArrayDataAdapter.Prepare(t, t.is_floating_point() || t.dtype == ScalarType.Byte ? ScalarType.Float32 : ScalarType.Int64)).ToList();
    }

    private (IReadOnlyList<Tensor> X, IReadOnlyList<Tensor> Y, Tensor? SampleWeight) PrepareData(
        ModelData x, ModelData y, ModelData? sampleWeight, IReadOnlyDictionary<int, double>? classWeight, string caller)
    {
        var xs = PrepareInputs(x, caller);
        var outputShapes = OutputShapesFor(xs);
        if (_compiled is null)
        {
            var names = IsFunctional ? OutputNames : outputShapes.Select((_, i) => outputShapes.Count == 1 ? "output" : $"output_{i + 1}").ToList();
            if (!IsFunctional) OutputNames = names;
            _compiled = new CompiledOutputs(_loss, _lossWeights, _metrics, names, outputShapes.Select(s => s.Rank > 0 ? s[-1] : null).ToList());
        }
        var raw = y.Arrange(OutputNames, "outputs");
        long n = xs[0].shape[0];
        foreach (var t in raw)
            if (t.shape.Length == 0 || t.shape[0] != n)
                throw new KerasNetException($"{caller}: inputs have {n} samples but labels have shape {Shape.Of(t.shape)}; the first dimension must match.");
        _compiled.ValidateLabels(raw, outputShapes);
        var ys = raw.Select((t, i) => ArrayDataAdapter.Prepare(t, LabelDType(_compiled.Losses[i], t))).ToList();

        Tensor? sw = null;
        if (sampleWeight is not null)
        {
            if (sampleWeight.Tensors.Count != 1 || sampleWeight.Tensors[0].shape[0] != n)
                throw new KerasNetException($"{caller}: sampleWeight must be one array with {n} entries.");
            sw = ArrayDataAdapter.Prepare(sampleWeight.Tensors[0], ScalarType.Float32);
        }
        if (classWeight is not null) sw = ClassWeights.Apply(ys, sw, classWeight, caller);
        return (xs, ys, sw);
    }

    private static ScalarType LabelDType(Loss? loss, Tensor labels) =>
        loss?.ClassName == "SparseCategoricalCrossentropy" ? ScalarType.Int64
        : labels.dtype == ScalarType.Float64 || !labels.is_floating_point() ? ScalarType.Float32 : labels.dtype;

    private IReadOnlyList<Shape> OutputShapesFor(IReadOnlyList<Tensor> xs)
    {
        if (IsFunctional) return Outputs.Select(o => o.Shape).ToList();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var sample = xs.Select(t => t.narrow(0, 0, Math.Min(2, t.shape[0]))).ToList();
        return Invoke(sample, CallContext.Inference).Select(o => new Shape([null, .. o.shape.Skip(1).Select(d => (long?)d)])).ToList();
    }
}
