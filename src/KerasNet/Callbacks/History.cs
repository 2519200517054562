namespace KerasNet.Callbacks;

/// <summary>
/// Records the epoch results of <c>Fit</c>, which returns it (Keras <c>History</c>):
/// <c>history["loss"]</c> lists the loss of each epoch.
/// </summary>
public sealed class History : Callback
{
    private readonly Dictionary<string, List<double>> _values = [];

    /// <summary>Per-metric lists of epoch values (Keras <c>history.history</c>).</summary>
    public IReadOnlyDictionary<string, List<double>> Values => _values;

    /// <summary>The epochs recorded (0-based).</summary>
    public List<int> Epochs { get; } = [];

    /// <summary>The values of <paramref name="key"/> per epoch.</summary>
    public IReadOnlyList<double> this[string key] => _values.TryGetValue(key, out var v) ? v
        : throw new KeyNotFoundException($"History has no '{key}'. Keys: {string.Join(", ", _values.Keys)}.");

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, Logs logs)
    {
        Epochs.Add(epoch);
        foreach (var (k, v) in logs)
        {
            if (!_values.TryGetValue(k, out var list)) _values[k] = list = [];
            list.Add(v);
        }
    }
}
