using KerasNet.Layers;
using NUnit.Framework;
using static TorchSharp.torch;

namespace KerasNet.Tests.Layers.Rnn;

/// <summary>
/// Random recurrent configurations for the reference tests: cell kinds and activations, sizes, masks of every shape
/// (none, all used, right- and left-padded, with holes, with fully masked samples), weights and inputs — and the
/// conversions between KerasNet's tensors and <see cref="RnnReference"/>'s arrays.
/// </summary>
internal sealed class RandomRecurrence(int seed)
{
    private readonly Random _rng = new(seed);

    public int Int(int min, int max) => _rng.Next(min, max + 1);
    public bool Coin(double p = 0.5) => _rng.NextDouble() < p;
    public T Pick<T>(params T[] options) => options[_rng.Next(options.Length)];

    /// <summary>A cell description; mostly the fused kernels' activations, sometimes others.</summary>
    public RnnReference.Cell CellSpec(string kind, int units)
    {
        string activation = Coin(0.7) ? "tanh" : Pick("relu", "linear", "sigmoid");
        string recurrent = Coin(0.7) ? "sigmoid" : Pick("hard_sigmoid", "hard_sigmoid_keras2", "tanh");
        return new RnnReference.Cell(kind, units, activation, recurrent, kind == "gru" && Coin(), new double[0, 0], new double[0, 0], null);
    }

    /// <summary>A KerasNet cell for <paramref name="spec"/>.</summary>
    public static RNNCell Cell(RnnReference.Cell spec, bool useBias, double dropout = 0, double recurrentDropout = 0) => spec.Kind switch
    {
        "simple" => new SimpleRNNCell(spec.Units, spec.Activation, useBias, dropout: dropout, recurrentDropout: recurrentDropout),
        "lstm" => new LSTMCell(spec.Units, spec.Activation, spec.RecurrentActivation, useBias, dropout: dropout, recurrentDropout: recurrentDropout),
        _ => new GRUCell(spec.Units, spec.Activation, spec.RecurrentActivation, useBias, dropout: dropout, recurrentDropout: recurrentDropout, resetAfter: spec.ResetAfter),
    };

    /// <summary>Uniform values in (−scale, scale) of <paramref name="shape"/>.</summary>
    public Tensor Uniform(long[] shape, double scale = 0.7)
    {
        var data = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++) data[i] = (float)((_rng.NextDouble() * 2 - 1) * scale);
        return tensor(data).reshape(shape);
    }

    /// <summary>Gives every weight of <paramref name="layer"/> random values and returns them in <c>Weights</c> order.</summary>
    public IReadOnlyList<Tensor> RandomizeWeights(Layer layer)
    {
        var values = layer.Weights.Select(w => Uniform(w.Value.shape)).ToList();
        layer.SetWeights(values);
        return values;
    }

    /// <summary>A mask of a random kind, or null.</summary>
    public Tensor? Mask(long batch, long time)
    {
        string kind = Pick("none", "all", "right", "left", "holes", "holes");
        if (kind == "none") return null;
        var m = new bool[batch, time];
        for (int b = 0; b < batch; b++)
        {
            long length = Int(0, (int)time);
            for (int t = 0; t < time; t++)
                m[b, t] = kind switch
                {
                    "all" => true,
                    "right" => t < length,
                    "left" => t >= time - length,
                    _ => Coin(0.6),
                };
        }
        return tensor(m);
    }

    /// <summary>The reference cell for a built KerasNet cell: its weights read back as float64 arrays.</summary>
    public static RnnReference.Cell WithWeights(RnnReference.Cell spec, IReadOnlyList<Tensor> weights) =>
        spec with { Kernel = Matrix(weights[0]), Recurrent = Matrix(weights[1]), Bias = weights.Count > 2 ? Values(weights[2]) : null };

    public static double[,] Matrix(Tensor t)
    {
        var v = Values(t);
        int rows = (int)t.shape[0], cols = (int)t.shape[1];
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) m[i, j] = v[i * cols + j];
        return m;
    }

    public static double[] Values(Tensor t) => TestTensors.Values(t);

    /// <summary>Sample <paramref name="b"/> of a <c>(batch, time, features)</c> tensor as one array per step.</summary>
    public static double[][] Steps(Tensor x, int b) =>
        Enumerable.Range(0, (int)x.shape[1]).Select(t => Values(x[b, t])).ToArray();

    /// <summary>Row <paramref name="b"/> of a mask.</summary>
    public static bool[]? MaskRow(Tensor? mask, int b) =>
        mask is null ? null : Enumerable.Range(0, (int)mask.shape[1]).Select(t => mask[b, t].item<bool>()).ToArray();

    /// <summary>Asserts <paramref name="actual"/> equals the per-sample arrays within float32 accuracy.</summary>
    public static void AssertClose(Tensor actual, Func<int, double[]> expectedForSample, string what, double atol = 2e-5)
    {
        for (int b = 0; b < actual.shape[0]; b++)
        {
            var a = Values(actual[b]);
            var e = expectedForSample(b);
            Assert.That(a.Length, Is.EqualTo(e.Length), $"{what}: sample {b} size");
            for (int i = 0; i < a.Length; i++)
                Assert.That(a[i], Is.EqualTo(e[i]).Within(atol), $"{what}: sample {b}, element {i}");
        }
    }
}
