namespace KerasNet.Callbacks;

/// <summary>
/// The base of callbacks that watch one logged quantity (Keras <c>MonitorCallback</c>): EarlyStopping,
/// ModelCheckpoint and ReduceLROnPlateau. It decides whether a value improves on a reference.
/// </summary>
public abstract class MonitorCallback : Callback
{
    private static readonly HashSet<string> Increasing =
    [
        "Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy", "TopKCategoricalAccuracy",
        "SparseTopKCategoricalAccuracy", "AUC", "Precision", "Recall", "F1Score", "FBetaScore", "CosineSimilarity",
    ];

    private bool? _maximize;

    /// <summary>Sets the watched quantity and how improvement is judged.</summary>
    /// <param name="monitor">Log entry to watch, e.g. <c>val_loss</c>.</param>
    /// <param name="mode"><c>min</c>, <c>max</c>, or <c>auto</c> (from the metric's direction: losses go down, accuracies up).</param>
    /// <param name="minDelta">Smallest change that counts as an improvement.</param>
    /// <param name="baseline">Value the quantity must beat, if any.</param>
    protected MonitorCallback(string monitor, string mode, double minDelta, double? baseline)
    {
        if (mode is not ("auto" or "min" or "max"))
            throw new KerasNetException($"{GetType().Name}: mode must be 'auto', 'min' or 'max', got '{mode}'.");
        Monitor = monitor;
        Mode = mode;
        MinDelta = Math.Abs(minDelta);
        Baseline = baseline;
        _maximize = mode == "auto" ? null : mode == "max";
    }

    /// <summary>The watched log entry.</summary>
    public string Monitor { get; }

    /// <summary><c>auto</c>, <c>min</c> or <c>max</c>.</summary>
    public string Mode { get; }

    /// <summary>Smallest change that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>The value to beat, if any.</summary>
    public double? Baseline { get; }

    /// <summary>True when larger values are better (resolved on first use in <c>auto</c> mode).</summary>
    protected bool Maximize => _maximize ??= ResolveDirection();

    /// <summary>Whether <paramref name="value"/> improves on <paramref name="reference"/> by more than <see cref="MinDelta"/> (null: always).</summary>
    protected bool IsImprovement(double value, double? reference) =>
        reference is not double r || (Maximize ? value - MinDelta > r : value + MinDelta < r);

    /// <summary>The watched value in <paramref name="logs"/>, or null with a warning naming the entries there are.</summary>
    protected double? MonitorValue(Logs logs)
    {
        if (logs.TryGetValue(Monitor, out var value)) return value;
        Console.Error.WriteLine($"{GetType().Name}: '{Monitor}' is not in the logs; available entries: {string.Join(", ", logs.Keys)}.");
        return null;
    }

    private bool ResolveDirection()
    {
        var name = Monitor.StartsWith("val_", StringComparison.Ordinal) ? Monitor[4..] : Monitor;
        if (name == "loss" || name.EndsWith("_loss", StringComparison.Ordinal)) return false;
        if (Model?.Metrics.FirstOrDefault(m => m.Name == name) is { } metric)
            return Increasing.Contains(metric.ClassName);
        throw new KerasNetException($"{GetType().Name} received monitor='{Monitor}', but cannot tell whether that metric should be " +
                                    "maximized or minimized. Pass mode: \"max\" to keep the highest value, or mode: \"min\" for the lowest.");
    }
}
