using KerasNet.Saving;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace KerasNet.Activations;

/// <summary>
/// The Keras activation functions (<c>keras.activations</c>) with Keras 3's definitions and default
/// arguments, by object and by name. For other arguments (<c>relu</c>'s <c>max_value</c>, <c>gelu</c>'s
/// <c>approximate</c>…) use <see cref="ActivationOps"/>.
/// </summary>
/// <remarks>
/// <c>hard_sigmoid</c> changed between Keras 2 (<c>clip(0.2x + 0.5, 0, 1)</c>) and Keras 3
/// (<c>relu6(x + 3) / 6</c>). The name <c>hard_sigmoid</c> means the Keras 3 function; a loader reading a
/// file written by Keras 1 or 2 (its <c>keras_version</c> attribute) resolves names with
/// <see cref="Get(string?, int)"/> and the file's major version, which maps <c>hard_sigmoid</c> to
/// <see cref="HardSigmoidKeras2"/>. That function is also registered as <c>hard_sigmoid_keras2</c>, the
/// name KerasNet writes for it, so a model using it round-trips; a writer targeting the Keras 2 file
/// format writes it as <c>hard_sigmoid</c>.
/// </remarks>
public static class Activations
{
    private static readonly KerasRegistry<ActivationFunction> Registry = new("activation");

    /// <summary><c>linear</c>: identity.</summary>
    public static readonly ActivationFunction Linear = Add(new("linear", x => x));
    /// <summary><c>relu</c>: max(x, 0).</summary>
    public static readonly ActivationFunction Relu = Add(new("relu", x => F.relu(x)));
    /// <summary><c>relu6</c>: min(max(x, 0), 6).</summary>
    public static readonly ActivationFunction Relu6 = Add(new("relu6", x => F.relu6(x)));
    /// <summary><c>leaky_relu</c> with Keras's activation default slope 0.2 (the <c>LeakyReLU</c> layer uses 0.3).</summary>
    public static readonly ActivationFunction LeakyRelu = Add(new("leaky_relu", x => ActivationOps.LeakyRelu(x)));
    /// <summary><c>elu</c> with alpha 1.</summary>
    public static readonly ActivationFunction Elu = Add(new("elu", x => ActivationOps.Elu(x)));
    /// <summary><c>selu</c>: scale·elu(x, alpha) with alpha ≈ 1.67326, scale ≈ 1.05070.</summary>
    public static readonly ActivationFunction Selu = Add(new("selu", x => F.selu(x)));
    /// <summary><c>gelu</c>, exact (erf) form as Keras 3's activation default.</summary>
    public static readonly ActivationFunction Gelu = Add(new("gelu", x => ActivationOps.Gelu(x)));
    /// <summary><c>silu</c> (alias <c>swish</c>): x·sigmoid(x).</summary>
    public static readonly ActivationFunction Silu = Add(new("silu", x => F.silu(x)), "swish");
    /// <summary><c>swish</c>: the same function as <see cref="Silu"/>.</summary>
    public static readonly ActivationFunction Swish = Silu;
    /// <summary><c>mish</c>: x·tanh(softplus(x)).</summary>
    public static readonly ActivationFunction Mish = Add(new("mish", x => ActivationOps.Mish(x)));
    /// <summary><c>sigmoid</c>.</summary>
    public static readonly ActivationFunction Sigmoid = Add(new("sigmoid", x => x.sigmoid()));
    /// <summary><c>hard_sigmoid</c> as Keras 3 defines it: relu6(x + 3) / 6.</summary>
    public static readonly ActivationFunction HardSigmoid = Add(new("hard_sigmoid", x => ActivationOps.HardSigmoid(x)));
    /// <summary>
    /// Keras 1/2's <c>hard_sigmoid</c>: clip(0.2x + 0.5, 0, 1), registered as <c>hard_sigmoid_keras2</c>;
    /// <see cref="Get(string?, int)"/> returns it for <c>hard_sigmoid</c> in Keras 1/2 files.
    /// </summary>
    public static readonly ActivationFunction HardSigmoidKeras2 = Add(new("hard_sigmoid_keras2", x => ActivationOps.HardSigmoidKeras2(x)));
    /// <summary><c>hard_silu</c> (alias <c>hard_swish</c>): x·relu6(x + 3)/6.</summary>
    public static readonly ActivationFunction HardSilu = Add(new("hard_silu", x => ActivationOps.HardSilu(x)), "hard_swish");
    /// <summary><c>hard_swish</c>: the same function as <see cref="HardSilu"/>.</summary>
    public static readonly ActivationFunction HardSwish = HardSilu;
    /// <summary><c>tanh</c>.</summary>
    public static readonly ActivationFunction Tanh = Add(new("tanh", x => x.tanh()));
    /// <summary><c>softmax</c> over the last axis.</summary>
    public static readonly ActivationFunction Softmax = Add(new("softmax", x => ActivationOps.Softmax(x)));
    /// <summary><c>log_softmax</c> over the last axis.</summary>
    public static readonly ActivationFunction LogSoftmax = Add(new("log_softmax", x => ActivationOps.LogSoftmax(x)));
    /// <summary><c>crelu</c>: [relu(x), relu(−x)] concatenated on the last axis (doubles its size).</summary>
    public static readonly ActivationFunction Crelu = Add(new("crelu", x => ActivationOps.Crelu(x)));
    /// <summary><c>softplus</c>: log(exp(x) + 1).</summary>
    public static readonly ActivationFunction Softplus = Add(new("softplus", x => F.softplus(x)));
    /// <summary><c>softsign</c>: x / (|x| + 1).</summary>
    public static readonly ActivationFunction Softsign = Add(new("softsign", x => F.softsign(x)));
    /// <summary><c>exponential</c>: exp(x).</summary>
    public static readonly ActivationFunction Exponential = Add(new("exponential", x => x.exp()));

    private static ActivationFunction Add(ActivationFunction f, params string[] aliases)
    {
        Registry.Register(() => f, [f.Name, .. aliases]);
        return f;
    }

    /// <summary>The registered activation names, sorted.</summary>
    public static IEnumerable<string> Names => Registry.Names;

    /// <summary>The activation called <paramref name="name"/> (Keras 3 names); <c>null</c> means linear.</summary>
    public static ActivationFunction Get(string? name) => name is null ? Linear : Registry.Get(name);

    /// <summary>
    /// The activation a file written by Keras <paramref name="kerasMajorVersion"/> means by
    /// <paramref name="name"/>: for Keras 1 and 2, <c>hard_sigmoid</c> is <see cref="HardSigmoidKeras2"/>;
    /// every other name means the same in all versions.
    /// </summary>
    public static ActivationFunction Get(string? name, int kerasMajorVersion) =>
        kerasMajorVersion < 3 && name == "hard_sigmoid" ? HardSigmoidKeras2 : Get(name);
}
