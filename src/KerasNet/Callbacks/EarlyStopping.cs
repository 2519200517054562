using static TorchSharp.torch;

namespace KerasNet.Callbacks;

/// <summary>
/// Stops training when a monitored quantity has stopped improving (Keras <c>EarlyStopping</c>).
/// </summary>
/// <param name="monitor">Quantity to watch.</param>
/// <param name="minDelta">Smallest change that counts as an improvement.</param>
/// <param name="patience">Epochs without improvement after which training stops.</param>
/// <param name="verbose">1 prints when training stops and when weights are restored.</param>
/// <param name="mode"><c>auto</c>, <c>min</c> or <c>max</c>.</param>
/// <param name="baseline">Training stops unless the quantity beats this value within <paramref name="patience"/> epochs.</param>
/// <param name="restoreBestWeights">Restore the weights of the best epoch at the end.</param>
/// <param name="startFromEpoch">Epochs to wait before watching (a warm-up).</param>
public sealed class EarlyStopping(string monitor = "val_loss", double minDelta = 0, int patience = 0, int verbose = 0,
    string mode = "auto", double? baseline = null, bool restoreBestWeights = false, int startFromEpoch = 0)
    : MonitorCallback(monitor, mode, minDelta, baseline)
{
    private int _wait;
    private double? _best;
    private List<Tensor>? _bestWeights;

    /// <summary>The epoch (0-based) at which training was stopped, or 0.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>The epoch (0-based) with the best value so far.</summary>
    public int BestEpoch { get; private set; }

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs)
    {
        _wait = 0;
        _best = null;
        StoppedEpoch = 0;
        BestEpoch = 0;
        ReleaseBestWeights();
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        if (MonitorValue(logs) is not double current || epoch < startFromEpoch) return;
        if (restoreBestWeights && _bestWeights is null) KeepWeights(epoch);
        _wait++;
        if (IsImprovement(current, _best))
        {
            _best = current;
            BestEpoch = epoch;
            if (restoreBestWeights) KeepWeights(epoch);
            if (Baseline is null || IsImprovement(current, Baseline)) _wait = 0;
            return;
        }
        if (_wait >= patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            Model.StopTraining = true;
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(Logs logs)
    {
        if (StoppedEpoch > 0 && verbose > 0) Console.WriteLine($"Epoch {StoppedEpoch + 1}: early stopping");
        if (restoreBestWeights && _bestWeights is not null)
        {
            if (verbose > 0) Console.WriteLine($"Restoring model weights from the end of the best epoch: {BestEpoch + 1}.");
            Model.SetWeights(_bestWeights);
        }
        ReleaseBestWeights();
    }

    private void KeepWeights(int epoch)
    {
        ReleaseBestWeights();
        _bestWeights = Model.GetWeights().Select(t => t.DetachFromDisposeScope()).ToList();
        BestEpoch = epoch;
    }

    private void ReleaseBestWeights()
    {
        foreach (var t in _bestWeights ?? []) t.Dispose();
        _bestWeights = null;
    }
}
