using KerasNet.Backend;
using static TorchSharp.torch;

namespace KerasNet.Trainers;

/// <summary>
/// Slices in-memory tensors into batches, reshuffling every epoch when asked (Keras's array data
/// adapter). Batches are gathered on the engine; nothing is copied to the host.
/// </summary>
internal sealed class ArrayDataAdapter : DataAdapter
{
    private readonly IReadOnlyList<Tensor> _x;
    private readonly IReadOnlyList<Tensor> _y;
    private readonly Tensor? _sampleWeight;
    private readonly long _count;
    private readonly long _batchSize;
    private readonly bool _shuffle;

    public ArrayDataAdapter(IReadOnlyList<Tensor> x, IReadOnlyList<Tensor> y, Tensor? sampleWeight, long batchSize, bool shuffle, int? steps = null)
    {
        _x = x;
        _y = y;
        _sampleWeight = sampleWeight;
        _count = x[0].shape[0];
        _batchSize = batchSize;
        _shuffle = shuffle;
        _steps = steps ?? (int)((_count + batchSize - 1) / batchSize);
    }

    private readonly int _steps;

    /// <summary>Batches per epoch; with <c>stepsPerEpoch</c> beyond one pass, the batches start over.</summary>
    public override int? Steps => _steps;

    /// <summary>The batches of one epoch. Each batch's tensors belong to the caller's dispose scope.</summary>
    public override IEnumerable<Batch> Epoch()
    {
        using var order = _shuffle ? randperm(_count, device: _x[0].device).DetachFromDisposeScope() : null;
        long stepsPerPass = (_count + _batchSize - 1) / _batchSize;
        for (int step = 0; step < _steps; step++)
        {
            long start = step % stepsPerPass * _batchSize;
            long length = Math.Min(_batchSize, _count - start);
            if (order is null)
                yield return new Batch(_x.Select(t => t.narrow(0, start, length)).ToList(),
                    _y.Select(t => t.narrow(0, start, length)).ToList(), _sampleWeight?.narrow(0, start, length));
            else
            {
                var idx = order.narrow(0, start, length);
                yield return new Batch(_x.Select(t => t.index_select(0, idx)).ToList(),
                    _y.Select(t => t.index_select(0, idx)).ToList(), _sampleWeight?.index_select(0, idx));
            }
        }
    }

    /// <summary>Moves data to the engine's device with the dtypes the model needs.</summary>
    internal static Tensor Prepare(Tensor t, ScalarType dtype)
    {
        var device = Engine.Device;
        return t.dtype == dtype && t.device == device ? t : t.to(dtype, device);
    }
}
