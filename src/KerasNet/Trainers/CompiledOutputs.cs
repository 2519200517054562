using KerasNet.Losses;
using KerasNet.Metrics;
using static TorchSharp.torch;

namespace KerasNet.Trainers;

/// <summary>
/// The compile arguments resolved against the model's outputs: one loss, weight and metric list per
/// output, and the trackers whose results make up the logs (Keras's <c>CompileLoss</c> and <c>CompileMetrics</c>).
/// </summary>
internal sealed class CompiledOutputs : IDisposable
{
    public CompiledOutputs(LossSpec? loss, LossWeights? lossWeights, MetricsSpec? metrics,
        IReadOnlyList<string> outputNames, IReadOnlyList<long?> outputUnits)
    {
        int n = outputNames.Count;
        OutputNames = outputNames;
        Losses = ResolveLosses(loss, outputNames);
        Weights = ResolveWeights(lossWeights, outputNames);
        bool multi = n > 1;
        LossTrackers = multi ? outputNames.Select((name, i) => Losses[i] is null ? null : new Mean($"{name}_loss")).ToList() : [];
        var metricLists = new List<Metric>[n];
        for (int i = 0; i < n; i++)
        {
            var refs = metrics?.ByName is { } byName
                ? byName.TryGetValue(outputNames[i], out var list) ? list : []
                : metrics?.ForAll ?? [];
            metricLists[i] = refs.Select(r =>
            {
                var m = r.Instance ?? KerasNet.Metrics.Metrics.Resolve(r.Name!, Losses[i], outputUnits[i]);
                if (multi) m.Name = $"{outputNames[i]}_{m.Name}";
                return m;
            }).ToList();
        }
        Metrics = metricLists;
        if (metrics?.ByName is { } named && named.Keys.Except(outputNames).FirstOrDefault() is { } unknown)
            throw new KerasNetException($"Compile: metrics given for unknown output '{unknown}'; outputs are {string.Join(", ", outputNames)}.");
    }

    public IReadOnlyList<string> OutputNames { get; }
    public IReadOnlyList<Loss?> Losses { get; }
    public IReadOnlyList<double> Weights { get; }
    public Mean LossTracker { get; } = new("loss");
    public IReadOnlyList<Mean?> LossTrackers { get; }
    public IReadOnlyList<List<Metric>> Metrics { get; }

    /// <summary>Every tracker in log order: loss, per-output losses, then the metrics.</summary>
    public IEnumerable<Metric> All =>
        new Metric[] { LossTracker }.Concat(LossTrackers.OfType<Mean>()).Concat(Metrics.SelectMany(m => m));

    private static IReadOnlyList<Loss?> ResolveLosses(LossSpec? spec, IReadOnlyList<string> names)
    {
        if (spec is null) throw new KerasNetException("Compile: a loss is required to train or evaluate; pass loss: \"mse\" or another Keras loss.");
        if (spec.Single is { } one) return names.Select(_ => (Loss?)one).ToList();
        if (spec.List is { } list)
        {
            if (list.Count != names.Count)
                throw new KerasNetException($"Compile: {list.Count} losses given for {names.Count} outputs ({string.Join(", ", names)}).");
            return list;
        }
        var byName = spec.ByName!;
        if (byName.Keys.Except(names).FirstOrDefault() is { } unknown)
            throw new KerasNetException($"Compile: loss given for unknown output '{unknown}'; outputs are {string.Join(", ", names)}.");
        return names.Select(n => byName.TryGetValue(n, out var l) ? l : null).ToList();
    }

    private static IReadOnlyList<double> ResolveWeights(LossWeights? spec, IReadOnlyList<string> names)
    {
        if (spec is null) return names.Select(_ => 1.0).ToList();
        if (spec.List is { } list)
        {
            if (list.Count != names.Count)
                throw new KerasNetException($"Compile: {list.Count} loss weights given for {names.Count} outputs ({string.Join(", ", names)}).");
            return list;
        }
        var byName = spec.ByName!;
        if (byName.Keys.Except(names).FirstOrDefault() is { } unknown)
            throw new KerasNetException($"Compile: loss weight given for unknown output '{unknown}'; outputs are {string.Join(", ", names)}.");
        return names.Select(n => byName.TryGetValue(n, out var w) ? w : 1.0).ToList();
    }

    /// <summary>Checks label shapes against prediction shapes once, before training starts.</summary>
    public void ValidateLabels(IReadOnlyList<Tensor> y, IReadOnlyList<Shape> outputShapes)
    {
        for (int i = 0; i < Losses.Count; i++)
        {
            if (Losses[i] is not { } loss) continue;
            var predicted = outputShapes[i];
            var labels = y[i].shape;
            var sample = new long[predicted.Rank];
            for (int d = 0; d < predicted.Rank; d++) sample[d] = d == 0 ? labels.Length > 0 ? labels[0] : 1 : predicted[d] ?? (d < labels.Length ? labels[d] : 1);
            loss.ValidateShapes(labels, sample);
        }
    }

    public void ResetState()
    {
        foreach (var m in All) m.ResetState();
    }

    public void Dispose()
    {
        foreach (var m in All) m.Dispose();
    }
}
