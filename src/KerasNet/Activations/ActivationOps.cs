using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace KerasNet.Activations;

/// <summary>
/// The activation functions with their Keras arguments (<c>keras.activations.relu(x, negative_slope=…)</c>
/// and friends), for layers such as <c>ReLU</c>, <c>ELU</c> or <c>Softmax</c> that expose them.
/// <see cref="Activations"/> holds the same functions with Keras's default arguments.
/// </summary>
public static class ActivationOps
{
    /// <summary>
    /// Keras <c>relu</c>: <c>x</c> above <paramref name="threshold"/>, capped at <paramref name="maxValue"/>,
    /// and <c>negativeSlope · (x − threshold)</c> below the threshold.
    /// </summary>
    public static Tensor Relu(Tensor x, double negativeSlope = 0.0, double? maxValue = null, double threshold = 0.0)
    {
        if (negativeSlope != 0.0 && maxValue is null && threshold == 0.0)
            return F.leaky_relu(x, negativeSlope);
        using var scope = NewDisposeScope();
        Tensor? negativePart = negativeSlope != 0.0 ? F.relu(threshold != 0.0 ? threshold - x : -x) : null;
        bool clip = maxValue is not null;
        Tensor y;
        if (threshold != 0.0)
            y = x * x.gt(threshold).to(x.dtype);
        else if (maxValue == 6.0)
        {
            y = F.relu6(x);
            clip = false;
        }
        else
            y = F.relu(x);
        if (clip) y = y.clamp(0.0, maxValue!.Value);
        if (negativePart is not null) y = y - negativeSlope * negativePart;
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>Keras <c>leaky_relu</c>: <c>x</c> for x ≥ 0, <c>negativeSlope · x</c> otherwise.</summary>
    public static Tensor LeakyRelu(Tensor x, double negativeSlope = 0.2) => F.leaky_relu(x, negativeSlope);

    /// <summary>Keras <c>elu</c>: <c>x</c> for x &gt; 0, <c>alpha · (exp(x) − 1)</c> otherwise.</summary>
    public static Tensor Elu(Tensor x, double alpha = 1.0) => F.elu(x, alpha);

    /// <summary>
    /// Keras <c>gelu</c>: <c>0.5·x·(1 + erf(x/√2))</c>, or with <paramref name="approximate"/> the tanh
    /// form <c>0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))</c>.
    /// </summary>
    public static Tensor Gelu(Tensor x, bool approximate = false) =>
        F.gelu(x, approximate ? TorchSharp.Modules.GELU.Approximate.tanh : TorchSharp.Modules.GELU.Approximate.none);

    /// <summary>Keras <c>softmax</c> along <paramref name="axis"/>.</summary>
    public static Tensor Softmax(Tensor x, int axis = -1) => x.softmax(axis);

    /// <summary>Keras <c>log_softmax</c> along <paramref name="axis"/>.</summary>
    public static Tensor LogSoftmax(Tensor x, int axis = -1) => x.log_softmax(axis);

    /// <summary>Keras <c>crelu</c>: <c>[relu(x), relu(−x)]</c> concatenated along <paramref name="axis"/>.</summary>
    public static Tensor Crelu(Tensor x, int axis = -1)
    {
        using var scope = NewDisposeScope();
        return cat([F.relu(x), F.relu(-x)], axis).MoveToOuterDisposeScope();
    }

    /// <summary>Keras 3 <c>hard_sigmoid</c>: <c>relu6(x + 3) / 6</c> = clip(x/6 + 0.5, 0, 1).</summary>
    public static Tensor HardSigmoid(Tensor x) => F.hardsigmoid(x);

    /// <summary>
    /// Keras 1/2 <c>hard_sigmoid</c>: <c>clip(0.2·x + 0.5, 0, 1)</c> (what <c>"hard_sigmoid"</c> means in
    /// files saved by Keras ≤ 2.x and tf.keras 2.x).
    /// </summary>
    public static Tensor HardSigmoidKeras2(Tensor x)
    {
        using var scope = NewDisposeScope();
        return (x * 0.2 + 0.5).clamp_(0.0, 1.0).MoveToOuterDisposeScope();
    }

    /// <summary>Keras <c>hard_silu</c> (<c>hard_swish</c>): <c>x · relu6(x + 3) / 6</c>.</summary>
    public static Tensor HardSilu(Tensor x) => F.hardswish(x);

    /// <summary>Keras <c>mish</c>: <c>x · tanh(softplus(x))</c>.</summary>
    public static Tensor Mish(Tensor x) => F.mish(x);
}
