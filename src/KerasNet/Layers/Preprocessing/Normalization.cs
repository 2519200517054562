using System.Text.Json.Nodes;
using KerasNet.Backend;
using KerasNet.Initializers;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// Feature-wise standardization (Keras <c>Normalization</c> preprocessing layer):
/// <c>(x − mean) / max(√variance, 1e-7)</c>, or the inverse <c>mean + x·max(√variance, 1e-7)</c> with
/// <see cref="Invert"/>. There is one mean and variance per position of the kept <see cref="Axis"/> axes; they are
/// given to the constructor or learnt with <see cref="Adapt(Tensor)"/> over all other axes (biased variance).
/// </summary>
public sealed class Normalization : Layer
{
    private const double Fuzz = 1e-7; // keras.config.epsilon()
    private readonly Tensor? _givenMean;
    private readonly Tensor? _givenVariance;
    private long[] _reduceAxes = [];
    private long[] _broadcastShape = [];
    private Tensor? _mean;
    private Tensor? _variance;

    /// <summary>Creates the layer.</summary>
    /// <param name="axis">The axes that keep their own statistics (Keras default −1; <c>[]</c> is Keras's <c>None</c>: one mean and variance overall).</param>
    /// <param name="mean">Given means (scalar, or aligned from the right with the kept axes); with <paramref name="variance"/>, instead of <see cref="Adapt(Tensor)"/>.</param>
    /// <param name="variance">Given variances, of the shape of <paramref name="mean"/>.</param>
    /// <param name="invert">Whether to undo the normalization instead.</param>
    /// <param name="name">Layer name.</param>
    /// <param name="trainable">Unused (the statistics are not trained), kept for Keras parity.</param>
    /// <param name="inputShape">Shape of one sample.</param>
    public Normalization(IntTuple? axis = null, Tensor? mean = null, Tensor? variance = null, bool invert = false,
        string? name = null, bool trainable = true, Shape? inputShape = null)
        : base(name, trainable, inputShape)
    {
        Axis = axis is null ? [-1] : [.. axis];
        if (mean is null != variance is null)
            throw new KerasNetException($"Normalization '{Name}': give both mean and variance, or neither (and call Adapt).");
        if (mean is not null && !mean.shape.SequenceEqual(variance!.shape))
            throw new KerasNetException($"Normalization '{Name}': mean {Shape.Of(mean.shape)} and variance {Shape.Of(variance.shape)} must have the same shape.");
        if (mean is not null && mean.dim() > Axis.Count)
            throw new KerasNetException($"Normalization '{Name}': mean has rank {mean.dim()}, more than the {Axis.Count} kept axes ({string.Join(", ", Axis)}).");
        _givenMean = mean?.detach().to(ScalarType.Float32, Engine.Device).DetachFromDisposeScope();
        _givenVariance = variance?.detach().to(ScalarType.Float32, Engine.Device).DetachFromDisposeScope();
        Invert = invert;
    }

    /// <summary>The kept axes, as given (empty: one statistic overall).</summary>
    public IReadOnlyList<int> Axis { get; }

    /// <summary>Whether the layer undoes the normalization.</summary>
    public bool Invert { get; }

    /// <summary>The adapted means (shape of the kept axes); null when the statistics were given.</summary>
    public KerasVariable? AdaptMean { get; private set; }

    /// <summary>The adapted variances; null when the statistics were given.</summary>
    public KerasVariable? AdaptVariance { get; private set; }

    /// <inheritdoc />
    public override bool SupportsMasking => true;

    /// <inheritdoc />
    public override void Build(Shape inputShape)
    {
        int rank = inputShape.Rank;
        if (Axis.Any(a => a < -rank || a >= rank))
            throw new KerasNetException($"Normalization '{Name}': axis ({string.Join(", ", Axis)}) is out of range for input shape {inputShape}.");
        var keep = Axis.Select(a => a < 0 ? a + rank : a).Distinct().Order().ToArray();
        var keptSizes = keep.Select(d => inputShape[d] ?? throw new KerasNetException(
            $"Normalization '{Name}': kept axis {d} of input shape {inputShape} must be known.")).ToArray();
        _reduceAxes = Enumerable.Range(0, rank).Where(d => !keep.Contains(d)).Select(d => (long)d).ToArray();
        _broadcastShape = Enumerable.Range(0, rank).Select(d => keep.Contains(d) ? inputShape[d]!.Value : 1L).ToArray();
        if (_givenMean is null)
        {
            AdaptMean = AddWeight("mean", Shape.Of(keptSizes), new Zeros(), trainable: false);
            AdaptVariance = AddWeight("variance", Shape.Of(keptSizes), new Ones(), trainable: false);
            AddWeight("count", Shape.Of(), new Zeros(), trainable: false, dtype: ScalarType.Int64); // kept for Keras's weight layout
            return;
        }
        // Given statistics: align their axes with the kept axes from the right, then broadcast.
        var aligned = Enumerable.Repeat(1L, rank).ToArray();
        for (int i = 1; i <= _givenMean.dim(); i++) aligned[keep[^i]] = _givenMean.shape[^i];
        try
        {
            _mean = _givenMean.reshape(aligned).expand(_broadcastShape).contiguous().DetachFromDisposeScope();
            _variance = _givenVariance!.reshape(aligned).expand(_broadcastShape).contiguous().DetachFromDisposeScope();
        }
        catch (Exception e) when (e is not KerasNetException)
        {
            throw new KerasNetException($"Normalization '{Name}': mean/variance of shape {Shape.Of(_givenMean.shape)} do not broadcast to the kept axes of input shape {inputShape}.", e);
        }
    }

    /// <summary>
    /// Learns the mean and (biased) variance of <paramref name="data"/> (batch first) over every axis but the kept
    /// ones, as Keras's <c>adapt</c> on an array.
    /// </summary>
    public void Adapt(Tensor data) => Adapt([data]);

    /// <summary>
    /// Learns the mean and variance from a sequence of batches, combined exactly (Keras's streaming formula for
    /// datasets: running mean plus the lack-of-fit sum of squares).
    /// </summary>
    public void Adapt(IEnumerable<Tensor> batches)
    {
        if (_givenMean is not null)
            throw new KerasNetException($"Normalization '{Name}': Adapt cannot be used when mean and variance were given.");
        Tensor? totalMean = null, totalVariance = null;
        long totalCount = 0;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            foreach (var raw in batches)
            {
                var batch = raw.to(ScalarType.Float32, Engine.Device);
                EnsureBuilt(new Shape([null, .. batch.shape.Skip(1).Select(d => (long?)d)]));
                CheckKeptSizes(batch);
                var (variance, mean) = _reduceAxes.Length > 0
                    ? var_mean(batch, _reduceAxes, unbiased: false, keepdim: false)
                    : (zeros_like(batch), batch);
                long count = _reduceAxes.Aggregate(1L, (n, d) => n * batch.shape[d]);
                if (totalMean is null)
                {
                    (totalMean, totalVariance, totalCount) = (mean, variance, count);
                    continue;
                }
                totalCount += count;
                double batchWeight = (double)count / totalCount, existingWeight = 1.0 - batchWeight;
                var newMean = totalMean.mul(existingWeight).add(mean.mul(batchWeight));
                totalVariance = totalVariance!.add(totalMean.sub(newMean).square()).mul(existingWeight)
                    .add(variance.add(mean.sub(newMean).square()).mul(batchWeight));
                totalMean = newMean;
            }
            if (totalMean is null) throw new KerasNetException($"Normalization '{Name}': Adapt received no data.");
            AdaptMean!.Assign(totalMean.reshape(AdaptMean.Value.shape));
            AdaptVariance!.Assign(totalVariance!.reshape(AdaptVariance.Value.shape));
        }
    }

    private void CheckKeptSizes(Tensor batch)
    {
        var built = BuiltInputShapes![0];
        bool ok = batch.dim() == built.Rank && Enumerable.Range(1, built.Rank - 1).All(d => built[d] is not long s || s == batch.shape[d]);
        if (!ok)
            throw new KerasNetException($"Normalization '{Name}' was built for input shape {built}; Adapt got data of shape {Shape.Of(batch.shape)}.");
    }

    /// <inheritdoc />
    protected override Tensor Call(Tensor inputs, bool training)
    {
        using var scope = NewDisposeScope();
        var x = inputs.to(ScalarType.Float32);
        var mean = _mean ?? AdaptMean!.Value.reshape(_broadcastShape);
        var variance = _variance ?? AdaptVariance!.Value.reshape(_broadcastShape);
        var std = variance.sqrt().clamp_min(Fuzz);
        var y = Invert ? addcmul(mean, x, std, 1) : x.sub(mean).div(std);
        return y.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Shape> ComputeOutputShape(IReadOnlyList<Shape> inputShapes) => inputShapes;

    /// <inheritdoc />
    public override JsonObject GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = new JsonArray(Axis.Select(a => (JsonNode)a).ToArray());
        c["invert"] = Invert;
        c["mean"] = _givenMean is null ? null : ToJson(_givenMean);
        c["variance"] = _givenVariance is null ? null : ToJson(_givenVariance);
        return c;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        foreach (var t in new[] { _givenMean, _givenVariance, _mean, _variance }) t?.Dispose();
        base.Dispose();
    }

    /// <summary>Builds the layer from its Keras config (<c>mean</c>/<c>variance</c> as numbers or nested lists).</summary>
    public static Layer FromConfig(JsonObject config)
    {
        var c = new LayerConfig(config, nameof(Normalization));
        IntTuple axis = c.Take("axis") switch
        {
            null => [],
            JsonValue v => v.GetValue<int>(),
            JsonArray list => list.Select(e => e!.GetValue<int>()).ToArray(),
            var other => throw new KerasNetException($"Normalization config '{config["name"]}': axis must be an integer, a list or null, got {other.ToJsonString()}."),
        };
        var mean = FromJson(c.Take("mean"));
        var variance = FromJson(c.Take("variance"));
        var layer = new Normalization(axis, mean, variance, c.Bool("invert", false), c.Name, c.Trainable, c.InputShape);
        c.EnsureAllRead();
        return layer;
    }

    private static JsonNode ToJson(Tensor t)
    {
        using var cpu = t.cpu().to(ScalarType.Float64);
        JsonNode Node(Tensor x) => x.dim() == 0 ? JsonValue.Create(x.item<double>())
            : new JsonArray(Enumerable.Range(0, (int)x.shape[0]).Select(i => { using var row = x[i]; return Node(row); }).ToArray());
        return Node(cpu);
    }

    private static Tensor? FromJson(JsonNode? node)
    {
        if (node is null) return null;
        var shape = new List<long>();
        for (var n = node; n is JsonArray a; n = a.Count > 0 ? a[0] : null) shape.Add(a.Count);
        var values = new List<float>();
        void Flatten(JsonNode? n)
        {
            if (n is JsonArray a) foreach (var e in a) Flatten(e);
            else values.Add((float)n!.GetValue<double>());
        }
        Flatten(node);
        return tensor(values.ToArray(), [.. shape]);
    }
}
