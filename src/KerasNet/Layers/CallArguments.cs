using System.Collections;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// The keyword arguments of a layer call (Keras <c>**kwargs</c>, its <c>SymbolicArguments</c>): a dictionary whose values
/// are plain values, tensors, or lists of tensors. The same dictionary shape serves three stages — symbolic tensors
/// (<see cref="KerasTensor"/>) when a Functional graph is recorded, their <see cref="Shape"/>s when a layer is built or
/// its output shape computed, data tensors when it runs — and these helpers convert between them.
/// </summary>
internal static class CallArguments
{
    /// <summary>Keras's reserved argument that fixes the training mode of one call.</summary>
    public const string Training = "training";

    /// <summary>Keras's reserved argument that passes the inputs' masks explicitly.</summary>
    public const string Mask = "mask";

    /// <summary>
    /// A copy of <paramref name="arguments"/> in which every sequence holding <typeparamref name="T"/>s becomes a
    /// <c>T?[]</c> (so it reads as <c>IReadOnlyList&lt;T?&gt;</c>); null when there are no arguments.
    /// </summary>
    /// <exception cref="KerasNetException">A value holds <typeparamref name="TOther"/> (the other kind of tensor), or mixes tensors and other values.</exception>
    public static Dictionary<string, object?>? Normalize<T, TOther>(IReadOnlyDictionary<string, object?>? arguments, string owner)
        where T : class where TOther : class
    {
        if (arguments is null || arguments.Count == 0) return null;
        var result = new Dictionary<string, object?>(arguments.Count, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
            result[name] = value switch
            {
                T => value,
                TOther => throw WrongKind<T, TOther>(owner, name),
                IEnumerable items and not string and not JsonNode and not Shape => List<T, TOther>(items, owner, name) ?? value,
                _ => value,
            };
        return result;
    }

    /// <summary>The items as <c>T?[]</c> when they are tensors (nulls allowed), null when none is.</summary>
    private static T?[]? List<T, TOther>(IEnumerable items, string owner, string name) where T : class where TOther : class
    {
        var list = items.Cast<object?>().ToList();
        if (list.Any(i => i is TOther)) throw WrongKind<T, TOther>(owner, name);
        if (!list.Any(i => i is T)) return null;
        if (list.Any(i => i is not null and not T))
            throw new KerasNetException($"{owner}: call argument '{name}' mixes tensors and other values ({string.Join(", ", list.Select(i => i?.GetType().Name ?? "null"))}); pass tensors (or null) only.");
        return [.. list.Cast<T?>()];
    }

    private static KerasNetException WrongKind<T, TOther>(string owner, string name) => new(typeof(T) == typeof(KerasTensor)
        ? $"{owner}: call argument '{name}' holds a data tensor, but the layer is being called on symbolic tensors (a Functional graph); pass KerasTensors."
        : $"{owner}: call argument '{name}' holds a KerasTensor, but the layer is being called on data; pass data tensors.");

    /// <summary>The <typeparamref name="T"/>s held by the arguments, in Keras's order: by name (ordinal), lists in order, nulls skipped.</summary>
    public static IEnumerable<T> Flatten<T>(IReadOnlyDictionary<string, object?> arguments) where T : class =>
        arguments.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value switch
        {
            T t => [t],
            IReadOnlyList<T?> list => list.OfType<T>(),
            _ => [],
        });

    /// <summary>A copy with every <typeparamref name="T"/> replaced by <paramref name="map"/>'s result (lists entry by entry).</summary>
    public static Dictionary<string, object?> Map<T, TResult>(IReadOnlyDictionary<string, object?> arguments, Func<T, TResult> map)
        where T : class where TResult : class
    {
        var result = new Dictionary<string, object?>(arguments.Count, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
            result[name] = value switch
            {
                T t => map(t),
                IReadOnlyList<T?> list => list.Select(t => t is null ? null : map(t)).ToArray(),
                _ => value,
            };
        return result;
    }

    /// <summary>Removes the reserved <c>training</c> argument and returns its value (null when absent or null).</summary>
    public static bool? TakeTraining(ref Dictionary<string, object?>? arguments)
    {
        if (arguments is null || !arguments.Remove(Training, out var value) || value is null) return null;
        return value as bool? ?? throw new KerasNetException($"Call argument '{Training}' must be true, false or null, got {value} ({value.GetType().Name}).");
    }

    /// <summary>Removes the reserved <c>mask</c> argument and returns the masks it gives (one tensor reads as a list of one).</summary>
    public static IReadOnlyList<Tensor?>? TakeMask(ref Dictionary<string, object?>? arguments)
    {
        if (arguments is null || !arguments.Remove(Mask, out var value)) return null;
        return value switch
        {
            null => null,
            Tensor t => [t],
            IReadOnlyList<Tensor?> list => list,
            _ => throw new KerasNetException($"Call argument '{Mask}' must be a tensor or a list of tensors (one per input), got {value.GetType().Name}."),
        };
    }
}
