using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KerasNet.Tests.Datasets;

/// <summary>Writes small IDX and .npz files for the dataset tests, into a temporary folder.</summary>
internal sealed class DatasetFiles : IDisposable
{
    public DatasetFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "kerasnet-datasets-" + Guid.NewGuid().ToString("N"));

    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>IDX bytes: magic 00 00 08 rank, big-endian dims, data.</summary>
    public static byte[] Idx(int[] dims, byte[] data, byte type = 0x08)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        bytes[2] = type;
        bytes[3] = (byte)dims.Length;
        for (var i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest)) gz.Write(bytes);
        return buffer.ToArray();
    }

    /// <summary>Pixels of image i: (i*7 + r*28 + c) mod 256, so every image differs.</summary>
    public static byte[] Pixels(int count, int side = 28)
    {
        var data = new byte[count * side * side];
        for (var i = 0; i < data.Length; i++) data[i] = (byte)((i / (side * side)) * 7 + i % (side * side));
        return data;
    }

    /// <summary>Writes the four MNIST-style files: <paramref name="train"/> and <paramref name="test"/> images with labels i mod 10.</summary>
    public static void WriteMnistFolder(string folder, int train, int test, bool gzip = true)
    {
        Write(folder, "train-images-idx3-ubyte", Idx([train, 28, 28], Pixels(train)), gzip);
        Write(folder, "train-labels-idx1-ubyte", Idx([train], Labels(train)), gzip);
        Write(folder, "t10k-images-idx3-ubyte", Idx([test, 28, 28], Pixels(test)), gzip);
        Write(folder, "t10k-labels-idx1-ubyte", Idx([test], Labels(test)), gzip);
    }

    public static byte[] Labels(int count) => Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();

    public static void Write(string folder, string stem, byte[] idx, bool gzip = true) =>
        File.WriteAllBytes(Path.Combine(folder, gzip ? stem + ".gz" : stem), gzip ? Gzip(idx) : idx);

    /// <summary>A NumPy .npy (format 1.0) holding <paramref name="data"/> with the given header fields.</summary>
    public static byte[] Npy(string shape, byte[] data, string descr = "|u1")
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight((header.Length + 10 + 1 + 63) / 64 * 64 - 10 - 1) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.AddRange([1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    /// <summary>A .npz with the given entries (name without .npy → content).</summary>
    public static void WriteNpz(string file, IDictionary<string, byte[]> entries)
    {
        using var zip = ZipFile.Open(file, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var s = zip.CreateEntry(name + ".npy").Open();
            s.Write(content);
        }
    }
}
