using Google.Protobuf;
using Tensorboard;
using static TorchSharp.torch;

namespace KerasNet.Callbacks;

/// <summary>
/// A TensorBoard event file: TFRecord framing (little-endian length, masked CRC32C of the length, the serialized
/// <c>Event</c> protobuf, masked CRC32C of the data), flushed after every record so a crash loses nothing written.
/// </summary>
internal sealed class EventFile : IDisposable
{
    private static int _counter;
    private readonly FileStream _stream;

    public EventFile(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var name = $"events.out.tfevents.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Environment.MachineName}.{Environment.ProcessId}.{Interlocked.Increment(ref _counter)}.v2";
            Path = System.IO.Path.Combine(folder, name);
            _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KerasNetException($"TensorBoard: cannot write event files in '{folder}': {e.Message}", e);
        }
        Write(new Event { WallTime = Now, FileVersion = "brain.Event:2" });
    }

    public string Path { get; }

    private static double Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    public void Scalar(string tag, double value, long step)
    {
        var summary = new Summary();
        summary.Value.Add(new Summary.Types.Value { Tag = tag, SimpleValue = (float)value });
        Write(new Event { WallTime = Now, Step = step, Summary = summary });
    }

    /// <summary>A histogram of <paramref name="values"/> in 30 equal buckets between its minimum and maximum.</summary>
    public void Histogram(string tag, Tensor values, long step, int buckets = 30)
    {
        using var scope = NewDisposeScope();
        var flat = values.detach().flatten().to(ScalarType.Float64).cpu();
        double min = flat.min().item<double>(), max = flat.max().item<double>();
        var histogram = new HistogramProto
        {
            Min = min, Max = max, Num = flat.shape[0],
            Sum = flat.sum().item<double>(), SumSquares = flat.square().sum().item<double>(),
        };
        if (max > min)
        {
            var index = ((flat - min) / (max - min) * buckets).floor().clamp(0, buckets - 1).to(ScalarType.Int64);
            var counts = index.bincount(null, minlength: buckets).to(ScalarType.Float64).data<double>().ToArray();
            for (int i = 0; i < buckets; i++) histogram.BucketLimit.Add(min + (max - min) * (i + 1) / buckets);
            histogram.Bucket.Add(counts);
        }
        else
        {
            histogram.BucketLimit.Add(max);
            histogram.Bucket.Add(flat.shape[0]);
        }
        var summary = new Summary();
        summary.Value.Add(new Summary.Types.Value { Tag = tag, Histo = histogram });
        Write(new Event { WallTime = Now, Step = step, Summary = summary });
    }

    private void Write(Event record)
    {
        var data = record.ToByteArray();
        var length = BitConverter.GetBytes((ulong)data.LongLength);
        if (!BitConverter.IsLittleEndian) Array.Reverse(length);
        _stream.Write(length);
        _stream.Write(BitConverter.GetBytes(Crc32C.Masked(length)));
        _stream.Write(data);
        _stream.Write(BitConverter.GetBytes(Crc32C.Masked(data)));
        _stream.Flush();
    }

    public void Dispose() => _stream.Dispose();
}
