using KerasNet.Callbacks;
using KerasNet.Data;
using KerasNet.Trainers;
using static TorchSharp.torch;

namespace KerasNet.Models;

public partial class Model
{
    /// <summary>
    /// Trains the model on a <see cref="Dataset"/> of batches (Keras <c>fit</c> with a <c>tf.data.Dataset</c>): elements
    /// are <c>(x, y)</c> or <c>(x, y, sampleWeight)</c>, where <c>x</c> and <c>y</c> are tensors, tuples (one per
    /// input/output) or dictionaries by name. Each batch is converted and moved to the engine just before its step.
    /// </summary>
    /// <param name="x">The batched training data.</param>
    /// <param name="epochs">Index of the epoch to stop after.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch.</param>
    /// <param name="callbacks">Callbacks called during training and validation.</param>
    /// <param name="validationData">Batched <c>(x, y)</c> data evaluated at the end of epochs.</param>
    /// <param name="classWeight">Weight per class index, multiplied into the sample weights.</param>
    /// <param name="initialEpoch">Epoch to start from (to resume a run).</param>
    /// <param name="stepsPerEpoch">Batches per epoch; the pass carries on across epochs. Required for an infinite dataset.</param>
    /// <param name="validationSteps">Batches of <paramref name="validationData"/> per validation; null runs it to the end.</param>
    /// <param name="validationFreq">Validate every this many epochs.</param>
    /// <returns>The <see cref="History"/> of epoch results.</returns>
    public History Fit(Dataset x, int epochs = 1, int verbose = 1, IEnumerable<Callback>? callbacks = null,
        Dataset? validationData = null, IReadOnlyDictionary<int, double>? classWeight = null, int initialEpoch = 0,
        int? stepsPerEpoch = null, int? validationSteps = null, int validationFreq = 1)
    {
        if (!IsCompiled) throw NotCompiled();
        if (epochs < 1 || initialEpoch < 0 || initialEpoch >= epochs)
            throw new KerasNetException($"Fit: epochs must be at least 1 and initialEpoch in [0, epochs), got epochs={epochs}, initialEpoch={initialEpoch}.");
        if (verbose is < 0 or > 2) throw new KerasNetException($"Fit: verbose must be 0, 1 or 2, got {verbose}.");
        if (validationFreq < 1) throw new KerasNetException($"Fit: validationFreq must be at least 1, got {validationFreq}.");
        var prepare = BatchPreparer("Fit", labels: true, classWeight);
        using var train = new DatasetAdapter(x, stepsPerEpoch, e => Unpack(e, labels: true, "Fit"), "Fit");
        PrepareFirst(train, prepare, "Fit");
        Func<DataAdapter>? validation = validationData is null ? null
            : () => new DatasetAdapter(validationSteps is int s ? validationData.Take(s) : validationData, null,
                e => Unpack(e, labels: true, "Fit (validationData)"), "Fit (validationData)");
        return RunFit(train, prepare, validation, BatchPreparer("Fit (validationData)", labels: true, null),
            epochs, verbose, callbacks, initialEpoch, validationFreq);
    }

    /// <summary>Trains on a sequence of batches, e.g. an iterator method that yields <c>(x, y)</c> tuples.</summary>
    /// <inheritdoc cref="Fit(Dataset, int, int, IEnumerable{Callback}?, Dataset?, IReadOnlyDictionary{int, double}?, int, int?, int?, int)"/>
    public History Fit(IEnumerable<Element> x, int epochs = 1, int verbose = 1, IEnumerable<Callback>? callbacks = null,
        Dataset? validationData = null, IReadOnlyDictionary<int, double>? classWeight = null, int initialEpoch = 0,
        int? stepsPerEpoch = null, int? validationSteps = null, int validationFreq = 1) =>
        Fit(Dataset.FromEnumerable(x), epochs, verbose, callbacks, validationData, classWeight, initialEpoch, stepsPerEpoch, validationSteps, validationFreq);

    /// <summary>Loss and metrics on a <see cref="Dataset"/> of <c>(x, y)</c> batches (Keras <c>evaluate</c>).</summary>
    /// <param name="x">The batched data.</param>
    /// <param name="verbose">Print the results when above 0.</param>
    /// <param name="steps">Batches to evaluate; null runs the dataset to the end.</param>
    /// <param name="callbacks">Callbacks whose test hooks are called.</param>
    public IReadOnlyDictionary<string, double> Evaluate(Dataset x, int verbose = 0, int? steps = null, IEnumerable<Callback>? callbacks = null)
    {
        if (!IsCompiled) throw NotCompiled();
        var list = new CallbackList(this, callbacks, null, 0, new Dictionary<string, object?> { ["verbose"] = verbose });
        using var adapter = new DatasetAdapter(steps is int s ? x.Take(s) : x, null, e => Unpack(e, labels: true, "Evaluate"), "Evaluate");
        var logs = RunEvaluation(adapter, BatchPreparer("Evaluate", labels: true, null), list);
        if (verbose > 0) Console.WriteLine(logs.ToString());
        return logs.ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>Loss and metrics on a sequence of batches.</summary>
    /// <inheritdoc cref="Evaluate(Dataset, int, int?, IEnumerable{Callback}?)"/>
    public IReadOnlyDictionary<string, double> Evaluate(IEnumerable<Element> x, int verbose = 0, int? steps = null, IEnumerable<Callback>? callbacks = null) =>
        Evaluate(Dataset.FromEnumerable(x), verbose, steps, callbacks);

    /// <summary>
    /// The model's (single) output on a <see cref="Dataset"/> of batches (Keras <c>predict</c>); in <c>(x, y)</c>
    /// elements the labels are ignored.
    /// </summary>
    /// <param name="x">The batched inputs.</param>
    /// <param name="verbose">Unused beyond Keras compatibility: prediction prints nothing.</param>
    /// <param name="steps">Batches to predict; null runs the dataset to the end.</param>
    /// <param name="callbacks">Callbacks whose predict hooks are called.</param>
    public Tensor Predict(Dataset x, int verbose = 0, int? steps = null, IEnumerable<Callback>? callbacks = null)
    {
        var outputs = PredictOutputs(x, verbose, steps, callbacks);
        if (outputs.Count == 1) return outputs[0];
        foreach (var o in outputs) o.Dispose();
        throw new KerasNetException($"Model '{Name}' has {outputs.Count} outputs; use PredictOutputs to get all of them.");
    }

    /// <summary>Every output of the model on a <see cref="Dataset"/> of batches.</summary>
    /// <inheritdoc cref="Predict(Dataset, int, int?, IEnumerable{Callback}?)"/>
    public IReadOnlyList<Tensor> PredictOutputs(Dataset x, int verbose = 0, int? steps = null, IEnumerable<Callback>? callbacks = null)
    {
        using var adapter = new DatasetAdapter(steps is int s ? x.Take(s) : x, null, e => Unpack(e, labels: false, "Predict"), "Predict");
        return RunPredict(adapter, BatchPreparer("Predict", labels: false, null), verbose, callbacks);
    }

    /// <summary>The model's output on a sequence of batches.</summary>
    /// <inheritdoc cref="Predict(Dataset, int, int?, IEnumerable{Callback}?)"/>
    public Tensor Predict(IEnumerable<Element> x, int verbose = 0, int? steps = null, IEnumerable<Callback>? callbacks = null) =>
        Predict(Dataset.FromEnumerable(x), verbose, steps, callbacks);

    /// <summary>The names data inputs are matched against: the model's input names, or "input" for a Sequential.</summary>
    private IReadOnlyList<string> DataInputNames => InputNames.Count == 1 && !IsFunctional ? ["input"] : InputNames;

    /// <summary>Builds the model and resolves the compiled outputs from the first batch, before callbacks see the model.</summary>
    private static void PrepareFirst(DatasetAdapter data, Func<Batch, Batch> prepare, string caller)
    {
        var first = data.Peek() ?? throw new KerasNetException($"{caller}: the training data produced no batches.");
        using var scope = NewDisposeScope();
        prepare(first);
    }

    /// <summary>Splits a batched element into x, y and sample weights arranged by the model's inputs and outputs.</summary>
    private Batch Unpack(Element element, bool labels, string caller)
    {
        var (x, y, sw) = element.IsTuple && element.Components!.Count is 2 or 3
            ? (element[0], element[1], element.Components.Count == 3 ? element[2] : null)
            : (element, null, null);
        if (labels && y is null)
            throw new KerasNetException($"{caller}: the dataset's elements are {element.Structure}; training and evaluation need (x, y) or (x, y, sampleWeight) elements.");
        var xs = ToModelData(x, caller, "x").Arrange(DataInputNames, "inputs");
        if (!labels) return new Batch(xs, [], null);
        var ys = ToModelData(y!, caller, "y").Arrange(OutputNames, "outputs");
        if (sw is not null && sw.Tensor is null)
            throw new KerasNetException($"{caller}: the sample weights of an element must be one tensor, got {sw.Structure}.");
        return new Batch(xs, ys, sw?.Tensor);
    }

    private static ModelData ToModelData(Element part, string caller, string what)
    {
        if (part.Tensor is { } t) return ModelData.FromTensors([t]);
        var components = part.Components!;
        if (components.Any(c => c.Tensor is null))
            throw new KerasNetException($"{caller}: {what} of an element must be a tensor, or a tuple or dictionary of tensors; got {part.Structure}.");
        return ModelData.FromTensors(components.Select(c => c.Tensor!).ToList(), part.Names);
    }

    /// <summary>
    /// Converts raw batches for the steps (dtypes, device, class weights). The first batch, and any batch whose
    /// shapes differ from the previous one, is checked in full against the model; the rest take the fast path.
    /// </summary>
    private Func<Batch, Batch> BatchPreparer(string caller, bool labels, IReadOnlyDictionary<int, double>? classWeight)
    {
        string? checkedSignature = null;
        ScalarType[] xTypes = [], yTypes = [];
        return raw =>
        {
            var signature = Signature(raw);
            if (signature == checkedSignature)
            {
                var xs = raw.X.Select((t, i) => ArrayDataAdapter.Prepare(t, xTypes[i])).ToList();
                var ys = raw.Y.Select((t, i) => ArrayDataAdapter.Prepare(t, yTypes[i])).ToList();
                var sw = raw.SampleWeight is { } w ? ArrayDataAdapter.Prepare(w, ScalarType.Float32) : null;
                return new Batch(xs, ys, classWeight is null ? sw : ClassWeights.Apply(ys, sw, classWeight, caller));
            }
            Batch prepared;
            if (labels)
            {
                var (xs, ys, sw) = PrepareData(ModelData.FromTensors(raw.X), ModelData.FromTensors(raw.Y),
                    raw.SampleWeight is { } w ? ModelData.FromTensors([w]) : null, classWeight, caller);
                prepared = new Batch(xs, ys, sw);
            }
            else prepared = new Batch(PrepareInputs(ModelData.FromTensors(raw.X), caller), [], null);
            checkedSignature = signature;
            xTypes = prepared.X.Select(t => t.dtype).ToArray();
            yTypes = prepared.Y.Select(t => t.dtype).ToArray();
            return prepared;
        };
    }

    /// <summary>Dtypes and per-sample shapes of a batch, and whether all its tensors agree on the batch size.</summary>
    private static string Signature(Batch batch)
    {
        var tensors = batch.X.Concat(batch.Y).Append(batch.SampleWeight).ToList();
        bool sameSize = tensors.All(t => t is null || t.dim() > 0 && t.shape[0] == batch.X[0].shape[0]);
        return sameSize + ";" + string.Join(";", tensors.Select(t => t is null ? "-" : $"{t.dtype}{string.Join(",", t.shape.Skip(1))}"));
    }
}
