using System.Collections;
using System.Runtime.CompilerServices;
using KerasNet.Losses;
using KerasNet.Metrics;

namespace KerasNet.Trainers;

/// <summary>
/// The <c>loss</c> argument of <c>Compile</c>: one loss for every output, a list (one per output), or a
/// dictionary by output name. Strings work anywhere: <c>loss: "mse"</c>, <c>loss: ["mse", "binary_crossentropy"]</c>.
/// </summary>
[CollectionBuilder(typeof(LossSpec), nameof(Create))]
public sealed class LossSpec : IEnumerable<Loss>
{
    internal Loss? Single { get; private init; }
    internal IReadOnlyList<Loss>? List { get; private init; }
    internal IReadOnlyDictionary<string, Loss>? ByName { get; private init; }

    /// <summary>One loss per output, in order.</summary>
    public static LossSpec Create(ReadOnlySpan<Loss> losses) => new() { List = losses.ToArray() };

    /// <summary>The same loss for every output.</summary>
    public static implicit operator LossSpec(Loss loss) => new() { Single = loss };

    /// <summary>A loss by Keras name.</summary>
    public static implicit operator LossSpec(string name) => new() { Single = name };

    /// <summary>Losses by output name.</summary>
    public static implicit operator LossSpec(Dictionary<string, Loss> byName) => new() { ByName = byName };

    /// <summary>Losses by output name, as Keras names.</summary>
    public static implicit operator LossSpec(Dictionary<string, string> byName) =>
        new() { ByName = byName.ToDictionary(p => p.Key, p => (Loss)p.Value) };

    /// <inheritdoc />
    public IEnumerator<Loss> GetEnumerator() =>
        (Single is not null ? [Single] : List ?? ByName?.Values.ToList() ?? []).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A metric given by Keras name (resolved at compile time, e.g. "accuracy") or as an object.</summary>
public readonly struct MetricRef
{
    internal string? Name { get; private init; }
    internal Metric? Instance { get; private init; }

    /// <summary>A metric by Keras name.</summary>
    public static implicit operator MetricRef(string name) => new() { Name = name };

    /// <summary>A metric object.</summary>
    public static implicit operator MetricRef(Metric metric) => new() { Instance = metric };
}

/// <summary>
/// The <c>metrics</c> argument of <c>Compile</c>: a list applied to every output (<c>["accuracy"]</c>), or a
/// dictionary of lists by output name.
/// </summary>
[CollectionBuilder(typeof(MetricsSpec), nameof(Create))]
public sealed class MetricsSpec : IEnumerable<MetricRef>
{
    internal IReadOnlyList<MetricRef>? ForAll { get; private init; }
    internal IReadOnlyDictionary<string, IReadOnlyList<MetricRef>>? ByName { get; private init; }

    /// <summary>Metrics for every output.</summary>
    public static MetricsSpec Create(ReadOnlySpan<MetricRef> metrics) => new() { ForAll = metrics.ToArray() };

    /// <summary>Metrics by output name.</summary>
    public static implicit operator MetricsSpec(Dictionary<string, MetricRef[]> byName) =>
        new() { ByName = byName.ToDictionary(p => p.Key, p => (IReadOnlyList<MetricRef>)p.Value) };

    /// <inheritdoc />
    public IEnumerator<MetricRef> GetEnumerator() => (ForAll ?? ByName?.Values.SelectMany(v => v).ToList() ?? []).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The <c>lossWeights</c> argument of <c>Compile</c>: a list (one per output) or a dictionary by output name.</summary>
[CollectionBuilder(typeof(LossWeights), nameof(Create))]
public sealed class LossWeights : IEnumerable<double>
{
    internal IReadOnlyList<double>? List { get; private init; }
    internal IReadOnlyDictionary<string, double>? ByName { get; private init; }

    /// <summary>One weight per output.</summary>
    public static LossWeights Create(ReadOnlySpan<double> weights) => new() { List = weights.ToArray() };

    /// <summary>Weights by output name.</summary>
    public static implicit operator LossWeights(Dictionary<string, double> byName) => new() { ByName = byName };

    /// <inheritdoc />
    public IEnumerator<double> GetEnumerator() => (List ?? ByName?.Values.ToList() ?? []).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
