using KerasNet.Backend;
using KerasNet.Losses;
using static TorchSharp.torch;

namespace KerasNet.Metrics;

/// <summary>
/// The thresholds of a confusion-matrix metric: their values, whether Keras treats them as evenly
/// spaced (then it uses bucketed counting), and a float32 copy kept on the engine so that no
/// per-batch host copy is needed.
/// </summary>
internal sealed class ThresholdSet : IDisposable
{
    /// <summary>Creates the set; <paramref name="evenlyDistributed"/> selects Keras's bucketed update.</summary>
    public ThresholdSet(double[] values, bool evenlyDistributed)
    {
        Values = values;
        EvenlyDistributed = evenlyDistributed;
        Tensor = tensor(values.Select(v => (float)v).ToArray(), device: Engine.Device);
        Tensor.DetachFromDisposeScope();
    }

    /// <summary>The thresholds.</summary>
    public double[] Values { get; }

    /// <summary>Whether the values are evenly spaced over [0, 1] (Keras's optimized path).</summary>
    public bool EvenlyDistributed { get; }

    /// <summary>The thresholds as a float32 tensor on the engine.</summary>
    public Tensor Tensor { get; }

    /// <summary>Number of thresholds.</summary>
    public int Count => Values.Length;

    /// <summary>Whether the end points sit just outside [0, 1] (AUC's −1e-7 and 1 + 1e-7).</summary>
    public bool WithEpsilon => Values[0] < 0 || Values[^1] > 1;

    /// <summary>Keras's <c>is_evenly_distributed_thresholds</c>: at least 3 values, equal to i/(n−1) within 1e-7.</summary>
    public static bool IsEvenlyDistributed(IReadOnlyList<double> thresholds)
    {
        var n = thresholds.Count;
        if (n < 3) return false;
        for (var i = 0; i < n; i++)
        {
            double even = (float)i / (n - 1);
            if (Math.Abs(thresholds[i] - even) > Loss.Epsilon + 1e-5 * Math.Abs(even)) return false;
        }
        return true;
    }

    /// <summary>Releases the tensor.</summary>
    public void Dispose() => Tensor.Dispose();
}
