using TorchSharp;

namespace KerasNet.Optimizers;

/// <summary>
/// Native <see cref="Scalar"/>s for the coefficients of an optimizer's in-place updates. TorchSharp's
/// implicit <c>double → Scalar</c> conversion allocates a native object per call that only a finalizer
/// frees; the cache creates each distinct value once and frees the ones a step did not use.
/// </summary>
internal sealed class ScalarCache : IDisposable
{
    private readonly Dictionary<double, (Scalar Scalar, long Step)> _byValue = [];
    private readonly List<double> _stale = [];
    private long _step;

    /// <summary>The scalar for <paramref name="value"/>, created on first use.</summary>
    public Scalar this[double value]
    {
        get
        {
            if (_byValue.TryGetValue(value, out var entry))
            {
                if (entry.Step != _step) _byValue[value] = (entry.Scalar, _step);
                return entry.Scalar;
            }
            var scalar = value.ToScalar();
            _byValue[value] = (scalar, _step);
            return scalar;
        }
    }

    /// <summary>Ends a step: frees the scalars it did not use (e.g. the previous step's learning rate).</summary>
    public void EndStep()
    {
        foreach (var (value, entry) in _byValue)
            if (entry.Step != _step) _stale.Add(value);
        foreach (var value in _stale)
        {
            _byValue[value].Scalar.Dispose();
            _byValue.Remove(value);
        }
        _stale.Clear();
        _step++;
    }

    /// <summary>Frees every cached scalar.</summary>
    public void Dispose()
    {
        foreach (var (_, entry) in _byValue) entry.Scalar.Dispose();
        _byValue.Clear();
    }
}
