using System.Text;
using KerasNet.Callbacks;
using NUnit.Framework;
using static KerasNet.Tests.Callbacks.CallbackTestModels;

namespace KerasNet.Tests.Callbacks;

public class TensorBoardTests
{
    [Test]
    public void EventFilesAreValidTfRecordsWithScalarsAndHistograms()
    {
        var (x, y) = Blobs();
        var dir = Path.Combine(Path.GetTempPath(), $"kn-tb-{Guid.NewGuid():N}");
        try
        {
            var model = Mlp();
            var history = model.Fit(x, y, batchSize: 32, epochs: 2, verbose: 0, validationSplit: 0.25,
                callbacks: [new TensorBoard(logDir: dir, histogramFreq: 1, updateFreq: "batch")]);
            var train = ReadEvents(Directory.GetFiles(Path.Combine(dir, "train")).Single());
            var validation = ReadEvents(Directory.GetFiles(Path.Combine(dir, "validation")).Single());

            Assert.That(train[0].FileVersion, Is.EqualTo("brain.Event:2"));
            Assert.That(train[0].WallTime, Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(600), "wall time in seconds since 1970");
            var epochLoss = train.Where(e => e.Tag == "epoch_loss").ToList();
            Assert.That(epochLoss.Select(e => e.Step), Is.EqualTo(new long[] { 0, 1 }));
            Assert.That(epochLoss.Select(e => (double)e.Simple!.Value), Is.EqualTo(history["loss"]).Within(1e-6));
            Assert.That(validation.Where(e => e.Tag == "epoch_accuracy").Select(e => (double)e.Simple!.Value), Is.EqualTo(history["val_accuracy"]).Within(1e-6));
            Assert.That(train.Count(e => e.Tag == "batch_loss"), Is.EqualTo(6), "3 batches of 32 in each of 2 epochs");
            Assert.That(train.Single(e => e.Tag == "epoch_learning_rate" && e.Step == 1).Simple, Is.EqualTo(0.1f));

            var kernel = model.Layers[0].Weights[0];
            var histogram = train.Single(e => e.Tag == $"{model.Layers[0].Name}/{kernel.Name}/histogram" && e.Step == 1);
            var values = kernel.ToArray();
            Assert.That(histogram.HistoNum, Is.EqualTo(values.Length));
            Assert.That(histogram.HistoMin, Is.EqualTo(values.Min()).Within(1e-6));
            Assert.That(histogram.HistoMax, Is.EqualTo(values.Max()).Within(1e-6));
            Assert.That(histogram.Buckets.Sum(), Is.EqualTo(values.Length));
            Assert.That(histogram.Buckets, Has.Count.EqualTo(30));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void BadUpdateFreqIsRejected()
    {
        var ex = Assert.Throws<KerasNetException>(() => _ = new TensorBoard(updateFreq: "sometimes"));
        Assert.That(ex!.Message, Does.Contain("updateFreq"));
    }

    private sealed record EventRecord(double WallTime, long Step, string? FileVersion, string? Tag, float? Simple,
        double HistoMin, double HistoMax, double HistoNum, List<double> Buckets);

    /// <summary>Reads a TFRecord file, checking each length and data CRC (bitwise CRC-32C, written independently of KerasNet's).</summary>
    private static List<EventRecord> ReadEvents(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<EventRecord>();
        int at = 0;
        while (at < bytes.Length)
        {
            var lengthBytes = bytes.AsSpan(at, 8);
            ulong length = BitConverter.ToUInt64(lengthBytes);
            Assert.That(BitConverter.ToUInt32(bytes, at + 8), Is.EqualTo(MaskedCrc(lengthBytes)), "length CRC");
            var data = bytes.AsSpan(at + 12, (int)length);
            Assert.That(BitConverter.ToUInt32(bytes, at + 12 + (int)length), Is.EqualTo(MaskedCrc(data)), "data CRC");
            events.Add(ParseEvent(data.ToArray()));
            at += 16 + (int)length;
        }
        Assert.That(at, Is.EqualTo(bytes.Length));
        return events;
    }

    private static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0x82F63B78 & (uint)-(int)(crc & 1));
        }
        crc = ~crc;
        return ((crc >> 15) | (crc << 17)) + 0xA282EAD8;
    }

    // Event: 1 wall_time (double), 2 step (int64), 3 file_version (string), 5 summary. Summary: 1 value (repeated).
    // Value: 1 tag, 2 simple_value (float), 5 histo. HistogramProto: 1 min, 2 max, 3 num, 7 bucket (packed doubles).
    private static EventRecord ParseEvent(byte[] data)
    {
        double wall = 0, min = 0, max = 0, num = 0;
        long step = 0;
        string? version = null, tag = null;
        float? simple = null;
        var buckets = new List<double>();
        foreach (var (field, value, raw) in Fields(data))
            switch (field)
            {
                case 1: wall = BitConverter.Int64BitsToDouble((long)value); break;
                case 2: step = (long)value; break;
                case 3: version = Encoding.UTF8.GetString(raw!); break;
                case 5:
                    foreach (var (vf, _, vraw) in Fields(raw!).Where(f => f.Field == 1))
                        foreach (var (f, v, r) in Fields(vraw!))
                            switch (f)
                            {
                                case 1: tag = Encoding.UTF8.GetString(r!); break;
                                case 2: simple = BitConverter.Int32BitsToSingle((int)v); break;
                                case 5:
                                    foreach (var (hf, hv, hr) in Fields(r!))
                                        switch (hf)
                                        {
                                            case 1: min = BitConverter.Int64BitsToDouble((long)hv); break;
                                            case 2: max = BitConverter.Int64BitsToDouble((long)hv); break;
                                            case 3: num = BitConverter.Int64BitsToDouble((long)hv); break;
                                            case 7:
                                                for (int i = 0; i < hr!.Length; i += 8) buckets.Add(BitConverter.ToDouble(hr, i));
                                                break;
                                        }
                                    break;
                            }
                    break;
            }
        return new EventRecord(wall, step, version, tag, simple, min, max, num, buckets);
    }

    private static IEnumerable<(int Field, ulong Value, byte[]? Raw)> Fields(byte[] data)
    {
        int at = 0;
        while (at < data.Length)
        {
            ulong key = Varint(data, ref at);
            int field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0: yield return (field, Varint(data, ref at), null); break;
                case 1: yield return (field, BitConverter.ToUInt64(data, at), null); at += 8; break;
                case 2:
                    int length = (int)Varint(data, ref at);
                    yield return (field, 0, data[at..(at + length)]);
                    at += length;
                    break;
                case 5: yield return (field, BitConverter.ToUInt32(data, at), null); at += 4; break;
                default: throw new AssertionException($"unexpected wire type {key & 7}");
            }
        }
    }

    private static ulong Varint(byte[] data, ref int at)
    {
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[at++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
    }
}
