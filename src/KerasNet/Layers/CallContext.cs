using static TorchSharp.torch;

namespace KerasNet.Layers;

/// <summary>
/// What a layer's <c>Call</c> receives besides its input tensors: the training mode, the inputs' masks and the call's
/// keyword arguments (Keras <c>training=</c>, <c>mask=</c> and the other keyword arguments of <c>call</c>).
/// </summary>
/// <remarks>
/// <para>Keyword arguments hold plain values (<c>return_attention_scores</c>) and named tensors: a
/// <see cref="TorchSharp.torch.Tensor"/> (<c>key</c>, <c>attention_mask</c>) or a list of them, entries may be null
/// (<c>initial_state</c>). Read them with <see cref="Tensor(string)"/>, <see cref="Tensors(string)"/> and
/// <see cref="Argument{T}(string, T)"/>. Two names are Keras's reserved call arguments and are not kept among the
/// arguments: <c>training</c> (a bool) sets <see cref="Training"/> and <c>mask</c> (a tensor, or a list with one entry
/// per input) replaces <see cref="Masks"/>; an explicit value wins over the <c>training</c> and <c>masks</c> parameters,
/// as an explicit argument wins in Keras.</para>
/// <para>In a Functional graph the masks of named tensor arguments arrive as <c>{name}_mask</c> arguments when the
/// layer's <see cref="Layer.CallArgumentNames"/> lists that name (Keras fills <c>value_mask</c> of
/// <c>MultiHeadAttention</c> the same way), unless the call passes them explicitly.</para>
/// </remarks>
public sealed class CallContext
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    /// <summary>Creates a context.</summary>
    /// <param name="training">
    /// The mode; null (the default) inherits the mode of the layer call this context is created in, as Keras's
    /// <c>training=None</c> does, and is inference outside any call.
    /// </param>
    /// <param name="masks">One mask per input (null entries where an input has none).</param>
    /// <param name="arguments">Keyword arguments: plain values, tensors, or lists of tensors.</param>
    public CallContext(bool? training = null, IReadOnlyList<Tensor?>? masks = null, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        var normalized = CallArguments.Normalize<Tensor, KerasTensor>(arguments, nameof(CallContext));
        if (CallArguments.TakeTraining(ref normalized) is bool explicitMode) training = explicitMode;
        if (CallArguments.TakeMask(ref normalized) is { } explicitMasks) masks = explicitMasks;
        Training = training ?? Layer.CurrentTraining ?? false;
        Masks = masks;
        Arguments = normalized ?? NoArguments;
    }

    /// <summary>True in training (dropout active, batch statistics used): inside <c>Fit</c>'s step, or when asked for.</summary>
    public bool Training { get; }

    /// <summary>One mask per input (null where an input has none), or null when no input has one.</summary>
    public IReadOnlyList<Tensor?>? Masks { get; }

    /// <summary>The keyword arguments, <c>training</c> and <c>mask</c> excepted (see the remarks).</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The mask of input <paramref name="index"/>, if any.</summary>
    public Tensor? Mask(int index = 0) => Masks is { } m && index < m.Count ? m[index] : null;

    /// <summary>A plain call argument of type <typeparamref name="T"/>, or <paramref name="fallback"/> when absent.</summary>
    public T Argument<T>(string name, T fallback) => Arguments.TryGetValue(name, out var v) && v is T t ? t : fallback;

    /// <summary>The tensor passed as argument <paramref name="name"/> (e.g. <c>key</c>), or null when absent.</summary>
    /// <exception cref="KerasNetException">The argument holds a list or a non-tensor value.</exception>
    public Tensor? Tensor(string name) => Arguments.GetValueOrDefault(name) switch
    {
        null => null,
        Tensor t => t,
        IReadOnlyList<Tensor?> list => throw new KerasNetException($"Call argument '{name}' holds a list of {list.Count} tensors where one tensor is expected."),
        var other => throw new KerasNetException($"Call argument '{name}' holds a {other.GetType().Name} where a tensor is expected."),
    };

    /// <summary>The tensors passed as argument <paramref name="name"/> (e.g. <c>initial_state</c>), or null when absent; one tensor reads as a list of one.</summary>
    /// <exception cref="KerasNetException">The argument holds a non-tensor value.</exception>
    public IReadOnlyList<Tensor?>? Tensors(string name) => Arguments.GetValueOrDefault(name) switch
    {
        null => null,
        Tensor t => [t],
        IReadOnlyList<Tensor?> list => list,
        var other => throw new KerasNetException($"Call argument '{name}' holds a {other.GetType().Name} where tensors are expected."),
    };

    internal static readonly CallContext Inference = new(false);
    internal static readonly CallContext Train = new(true);
}
