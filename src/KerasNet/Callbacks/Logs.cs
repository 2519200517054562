using System.Collections;
using KerasNet.Metrics;

namespace KerasNet.Callbacks;

/// <summary>
/// Metric values passed to callbacks (Keras's <c>logs</c> dict). Values are read from the engine only
/// when first accessed, so batch-level callbacks that ignore them cost no device-to-host copy.
/// </summary>
public sealed class Logs : IReadOnlyDictionary<string, double>
{
    private readonly Func<IReadOnlyList<KeyValuePair<string, double>>> _read;
    private Dictionary<string, double>? _values;
    private List<string>? _order;

    /// <summary>Logs read lazily from <paramref name="read"/>.</summary>
    public Logs(Func<IReadOnlyList<KeyValuePair<string, double>>> read) => _read = read;

    /// <summary>Logs from known values.</summary>
    public Logs(IEnumerable<KeyValuePair<string, double>> values) : this(() => values.ToList()) { }

    /// <summary>Empty logs.</summary>
    public static Logs Empty => new(() => []);

    /// <summary>Logs whose values are the current results of <paramref name="metrics"/>, prefixed.</summary>
    internal static Logs FromMetrics(IEnumerable<Metric> metrics, string prefix = "")
    {
        var list = metrics.ToList();
        return new Logs(() => list.Select(m =>
        {
            using var r = m.Result();
            return KeyValuePair.Create(prefix + m.Name, (double)r.item<float>());
        }).ToList());
    }

    private Dictionary<string, double> Materialized
    {
        get
        {
            if (_values is null)
            {
                var read = _read();
                _order = read.Select(p => p.Key).ToList();
                _values = read.ToDictionary(p => p.Key, p => p.Value);
            }
            return _values;
        }
    }

    /// <summary>Adds or replaces a value (e.g. <c>val_loss</c>, <c>learning_rate</c>).</summary>
    public void Set(string key, double value)
    {
        if (!Materialized.ContainsKey(key)) _order!.Add(key);
        _values![key] = value;
    }

    /// <summary>Copies <paramref name="other"/>'s values into these logs.</summary>
    public void Merge(Logs other)
    {
        foreach (var (k, v) in other) Set(k, v);
    }

    /// <inheritdoc />
    public double this[string key] => Materialized.TryGetValue(key, out var v) ? v
        : throw new KeyNotFoundException($"No log entry '{key}'. Entries: {string.Join(", ", Keys)}.");

    /// <inheritdoc />
    public IEnumerable<string> Keys
    {
        get
        {
            _ = Materialized;
            return _order!;
        }
    }

    /// <inheritdoc />
    public IEnumerable<double> Values => Keys.Select(k => _values![k]);

    /// <inheritdoc />
    public int Count => Materialized.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => Materialized.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out double value) => Materialized.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() =>
        Keys.Select(k => KeyValuePair.Create(k, _values![k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(" - ", this.Select(p => $"{p.Key}: {p.Value:0.####}"));
}
