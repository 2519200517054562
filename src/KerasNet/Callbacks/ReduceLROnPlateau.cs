using System.Globalization;

namespace KerasNet.Callbacks;

/// <summary>
/// Multiplies the learning rate by <c>factor</c> when a monitored quantity has stopped improving for
/// <c>patience</c> epochs (Keras <c>ReduceLROnPlateau</c>). Adds <c>learning_rate</c> to the epoch logs.
/// </summary>
public sealed class ReduceLROnPlateau : MonitorCallback
{
    private readonly double _factor;
    private readonly int _patience;
    private readonly int _verbose;
    private readonly int _cooldown;
    private readonly double _minLr;
    private int _wait;
    private int _cooldownCounter;
    private double? _best;

    /// <summary>Creates the callback.</summary>
    /// <param name="monitor">Quantity to watch.</param>
    /// <param name="factor">New rate = rate × factor (below 1).</param>
    /// <param name="patience">Epochs without improvement before the rate is reduced.</param>
    /// <param name="verbose">1 prints each reduction.</param>
    /// <param name="mode"><c>auto</c>, <c>min</c> or <c>max</c>.</param>
    /// <param name="minDelta">Smallest change that counts as an improvement.</param>
    /// <param name="cooldown">Epochs to wait after a reduction before counting again.</param>
    /// <param name="minLr">Lower bound on the learning rate.</param>
    public ReduceLROnPlateau(string monitor = "val_loss", double factor = 0.1, int patience = 10, int verbose = 0,
        string mode = "auto", double minDelta = 1e-4, int cooldown = 0, double minLr = 0.0)
        : base(monitor, mode, minDelta, null)
    {
        if (factor >= 1.0) throw new KerasNetException($"ReduceLROnPlateau does not support a factor >= 1.0, got factor={factor}.");
        _factor = factor;
        _patience = patience;
        _verbose = verbose;
        _cooldown = cooldown;
        _minLr = minLr;
    }

    /// <inheritdoc />
    public override void OnTrainBegin(Logs logs)
    {
        _wait = 0;
        _cooldownCounter = 0;
        _best = null;
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        var optimizer = Model.Optimizer!;
        logs.Set("learning_rate", optimizer.LearningRate);
        if (MonitorValue(logs) is not double current) return;
        if (_cooldownCounter > 0)
        {
            _cooldownCounter--;
            _wait = 0;
        }
        if (IsImprovement(current, _best))
        {
            _best = current;
            _wait = 0;
            return;
        }
        if (_cooldownCounter > 0 || ++_wait < _patience) return;
        double old = optimizer.LearningRate;
        if (old > (float)_minLr)
        {
            double lr = Math.Max(old * _factor, _minLr);
            optimizer.LearningRate = lr;
            if (_verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {lr.ToString(CultureInfo.InvariantCulture)}.");
            _cooldownCounter = _cooldown;
            _wait = 0;
        }
    }
}
