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

    /// <summary>
    /// Draws the training curves to a PNG file (Keras users' <c>plt.plot(history.history[...])</c>): for each metric,
    /// the training values as a solid line and the validation values (<c>val_</c>) dashed in the same colour, by epoch.
    /// </summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="metrics">Metrics to draw (without <c>val_</c>); default every recorded metric but the learning rate.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public void Plot(string path, IEnumerable<string>? metrics = null, int width = 800, int height = 500)
    {
        var names = (metrics ?? _values.Keys.Where(k => !k.StartsWith("val_", StringComparison.Ordinal) && k != "learning_rate")).ToList();
        if (names.Count == 0) throw new KerasNetException("History.Plot: nothing to plot; train with Fit first.");
        var plot = new ScottPlot.Plot();
        var epochs = Epochs.Select(e => (double)(e + 1)).ToArray();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var color = plot.Add.Palette.GetColor(i);
            var train = plot.Add.ScatterLine(epochs, this[name].ToArray(), color);
            train.LegendText = name;
            if (!_values.TryGetValue("val_" + name, out var val)) continue;
            var validation = plot.Add.ScatterLine(epochs, val.ToArray(), color);
            validation.LegendText = "val_" + name;
            validation.LinePattern = ScottPlot.LinePattern.Dashed;
        }
        plot.XLabel("epoch");
        plot.ShowLegend();
        try
        {
            plot.SavePng(path, width, height);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KerasNetException($"History.Plot: cannot write '{path}': {e.Message}", e);
        }
    }

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
