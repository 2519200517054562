using System.Text.Json.Nodes;

namespace KerasNet.Layers;

/// <summary>
/// A Keras padding or cropping argument, as <c>ZeroPadding2D(padding=…)</c> takes it: one integer for every side
/// of every spatial axis (<c>2</c>), one integer per axis used on both sides (<c>[2, 3]</c>; for a 1-D layer the pair
/// is <c>(before, after)</c> instead), or a <c>(before, after)</c> pair per axis (<c>((1, 2), (3, 4))</c>).
/// </summary>
public sealed class IntPairs
{
    private readonly int[]? _flat;
    private readonly (int Before, int After)[]? _pairs;

    private IntPairs(int[]? flat, (int, int)[]? pairs)
    {
        _flat = flat;
        _pairs = pairs;
    }

    /// <summary>The same amount on every side of every axis.</summary>
    public static implicit operator IntPairs(int value) => new([value], null);

    /// <summary>One amount per axis (both sides), or <c>(before, after)</c> for a 1-D layer.</summary>
    public static implicit operator IntPairs(int[] values) => new((int[])values.Clone(), null);

    /// <summary>Two amounts: per axis for 2-D layers, <c>(before, after)</c> for 1-D layers.</summary>
    public static implicit operator IntPairs((int, int) values) => new([values.Item1, values.Item2], null);

    /// <summary>A <c>(before, after)</c> pair for each axis.</summary>
    public static implicit operator IntPairs((int, int)[] pairs) => new(null, ((int, int)[])pairs.Clone());

    /// <summary>A <c>(before, after)</c> pair for each of two axes.</summary>
    public static implicit operator IntPairs(((int, int), (int, int)) pairs) => new(null, [pairs.Item1, pairs.Item2]);

    /// <summary>A <c>(before, after)</c> pair for each of three axes.</summary>
    public static implicit operator IntPairs(((int, int), (int, int), (int, int)) pairs) => new(null, [pairs.Item1, pairs.Item2, pairs.Item3]);

    /// <summary>Reads what Keras writes into a config (an integer, a list of integers, or a list of pairs); errors name <paramref name="owner"/>.</summary>
    public static IntPairs FromJson(JsonNode? node, string owner, string argument)
    {
        KerasNetException Bad() => new($"{owner}: {argument} must be an integer, a list of integers or a list of (before, after) pairs, got {node?.ToJsonString() ?? "null"}.");
        static int? Int(JsonNode? n) => n is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
        if (Int(node) is int single) return single;
        if (node is not JsonArray list || list.Count == 0) throw Bad();
        if (list.All(e => Int(e) is not null)) return list.Select(e => Int(e)!.Value).ToArray();
        // A list with pairs: each entry is a (before, after) pair or one integer for both sides.
        return list.Select(e => e switch
        {
            JsonArray { Count: 2 } p when Int(p[0]) is int b && Int(p[1]) is int a => (b, a),
            _ when Int(e) is int v => (v, v),
            _ => throw Bad(),
        }).ToArray();
    }

    /// <summary>One <c>(before, after)</c> pair per spatial axis (<paramref name="rank"/> of them), all non-negative.</summary>
    public (int Before, int After)[] Expand(int rank, string layer, string argument)
    {
        (int, int)[] pairs;
        if (_pairs is not null)
            pairs = _pairs.Length == rank ? _pairs
                : throw new KerasNetException($"Layer '{layer}': {argument} needs {rank} (before, after) pair(s), got {_pairs.Length}: {this}.");
        else if (_flat!.Length == 1) pairs = Enumerable.Repeat((_flat[0], _flat[0]), rank).ToArray();
        else if (rank == 1 && _flat.Length == 2) pairs = [(_flat[0], _flat[1])];
        else if (rank > 1 && _flat.Length == rank) pairs = _flat.Select(v => (v, v)).ToArray();
        else throw new KerasNetException($"Layer '{layer}': {argument} must be one integer, {(rank == 1 ? "a (before, after) pair" : $"{rank} integers")} or {rank} (before, after) pair(s), got {this}.");
        if (pairs.Any(p => p.Item1 < 0 || p.Item2 < 0))
            throw new KerasNetException($"Layer '{layer}': {argument} must not be negative, got {this}.");
        return pairs;
    }

    /// <summary>Keras's config form: <c>[before, after]</c> for one axis, a list of pairs otherwise.</summary>
    public static JsonArray ToJson(IReadOnlyList<(int Before, int After)> pairs) => pairs.Count == 1
        ? new JsonArray(pairs[0].Before, pairs[0].After)
        : new JsonArray(pairs.Select(p => (JsonNode)new JsonArray(p.Before, p.After)).ToArray());

    /// <inheritdoc />
    public override string ToString() => _pairs is not null
        ? "(" + string.Join(", ", _pairs.Select(p => $"({p.Before}, {p.After})")) + ")"
        : _flat!.Length == 1 ? _flat[0].ToString() : "(" + string.Join(", ", _flat) + ")";
}
