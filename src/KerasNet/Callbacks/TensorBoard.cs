using System.Globalization;

namespace KerasNet.Callbacks;

/// <summary>
/// Writes TensorBoard logs (Keras <c>TensorBoard</c>): epoch scalars <c>epoch_loss</c>, <c>epoch_accuracy</c>…
/// (and <c>epoch_learning_rate</c>) in <c>logDir/train</c> and <c>logDir/validation</c>, batch scalars
/// <c>batch_*</c> when <paramref name="updateFreq"/> asks, and weight histograms every <paramref name="histogramFreq"/> epochs.
/// </summary>
/// <param name="logDir">Folder of the logs; <c>train</c> and <c>validation</c> subfolders are created.</param>
/// <param name="histogramFreq">Write weight histograms every this many epochs (0: never).</param>
/// <param name="updateFreq"><c>epoch</c>, <c>batch</c>, or a number N: batch scalars every N batches.</param>
public sealed class TensorBoard(string logDir = "logs", int histogramFreq = 0, string updateFreq = "epoch") : Callback
{
    private readonly int _batchEvery = updateFreq switch
    {
        "epoch" => 0,
        "batch" => 1,
        _ when int.TryParse(updateFreq, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
        _ => throw new KerasNetException($"TensorBoard: updateFreq must be 'epoch', 'batch' or a positive number of batches, got '{updateFreq}'."),
    };
    private EventFile? _train;
    private EventFile? _validation;
    private long _globalBatch;

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs)
    {
        _train = new EventFile(Path.Combine(logDir, "train"));
        _globalBatch = 0;
    }

    /// <inheritdoc />
    public override void OnTrainBatchEnd(int batch, Logs logs)
    {
        _globalBatch++;
        if (_batchEvery == 0 || _globalBatch % _batchEvery != 0 || _train is null) return;
        foreach (var (k, v) in logs) _train.Scalar("batch_" + k, v, _globalBatch);
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        if (_train is null) return;
        foreach (var (k, v) in logs.Where(p => !p.Key.StartsWith("val_", StringComparison.Ordinal)))
            _train.Scalar("epoch_" + k, v, epoch);
        if (!logs.ContainsKey("learning_rate") && Model.Optimizer is { } optimizer)
            _train.Scalar("epoch_learning_rate", optimizer.LearningRate, epoch);
        var val = logs.Where(p => p.Key.StartsWith("val_", StringComparison.Ordinal)).ToList();
        if (val.Count > 0)
        {
            _validation ??= new EventFile(Path.Combine(logDir, "validation"));
            foreach (var (k, v) in val) _validation.Scalar("epoch_" + k[4..], v, epoch);
        }
        if (histogramFreq > 0 && epoch % histogramFreq == 0)
            foreach (var layer in Model.Layers)
                foreach (var weight in layer.Weights)
                    _train.Histogram($"{layer.Name}/{weight.Name}/histogram", weight.Value, epoch);
    }

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs)
    {
        _train?.Dispose();
        _validation?.Dispose();
        _train = _validation = null;
    }
}
