using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>What a layer's <c>Call</c> receives besides its input tensors.</summary>
public sealed class CallContext
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    /// <summary>Creates a context.</summary>
    public CallContext(bool training, IReadOnlyList<Tensor?>? masks = null, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        Training = training;
        Masks = masks;
        Arguments = arguments ?? NoArguments;
    }

    /// <summary>True inside <c>Fit</c>'s training step (dropout active, batch statistics used).</summary>
    public bool Training { get; }

    /// <summary>One mask per input (null where an input has none), or null when no input has one.</summary>
    public IReadOnlyList<Tensor?>? Masks { get; }

    /// <summary>Non-tensor call arguments (Keras keyword arguments such as <c>return_attention_scores</c>).</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The mask of input <paramref name="index"/>, if any.</summary>
    public Tensor? Mask(int index = 0) => Masks is { } m && index < m.Count ? m[index] : null;

    /// <summary>A typed call argument, or <paramref name="fallback"/> when absent.</summary>
    public T Argument<T>(string name, T fallback) => Arguments.TryGetValue(name, out var v) && v is T t ? t : fallback;

    internal static readonly CallContext Inference = new(false);
    internal static readonly CallContext Train = new(true);
}
