using System.Text.Json.Nodes;

namespace KerasNet.Optimizers.Schedules;

/// <summary>
/// Keras <c>PiecewiseConstantDecay</c>: <c>values[0]</c> while <c>step ≤ boundaries[0]</c>,
/// <c>values[i]</c> while <c>boundaries[i−1] &lt; step ≤ boundaries[i]</c>, and the last value after
/// the last boundary.
/// </summary>
public sealed class PiecewiseConstantDecay : LearningRateSchedule
{
    private readonly long[] _boundaries;
    private readonly double[] _values;

    /// <summary>Creates the schedule.</summary>
    /// <param name="boundaries">Strictly increasing step boundaries.</param>
    /// <param name="values">One more value than boundaries.</param>
    /// <param name="name">The schedule's name.</param>
    public PiecewiseConstantDecay(IReadOnlyList<long> boundaries, IReadOnlyList<double> values, string name = "PiecewiseConstant")
    {
        if (boundaries.Count != values.Count - 1)
            throw new KerasNetException($"{ClassName}: the length of boundaries should be 1 less than the length of values; got {boundaries.Count} boundaries and {values.Count} values.");
        for (int i = 1; i < boundaries.Count; i++)
            if (boundaries[i] <= boundaries[i - 1])
                throw new KerasNetException($"{ClassName}: boundaries must be strictly increasing; got {boundaries[i - 1]} then {boundaries[i]}.");
        _boundaries = [.. boundaries];
        _values = [.. values];
        Name = name;
    }

    /// <summary>The step boundaries.</summary>
    public IReadOnlyList<long> Boundaries => _boundaries;

    /// <summary>The value of each interval.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The schedule's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ClassName => "PiecewiseConstantDecay";

    /// <inheritdoc />
    public override double Call(long step)
    {
        int interval = 0;
        while (interval < _boundaries.Length && step > _boundaries[interval]) interval++;
        return _values[interval];
    }

    /// <inheritdoc />
    public override JsonObject GetConfig() => new()
    {
        ["boundaries"] = new JsonArray([.. _boundaries.Select(b => JsonValue.Create(b))]),
        ["values"] = new JsonArray([.. _values.Select(v => JsonValue.Create(v))]),
        ["name"] = Name,
    };
}
