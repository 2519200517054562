using System.Text;
using static TorchSharp.torch;

namespace KerasNet.Data;

/// <summary>
/// The file format of <see cref="Dataset.Cache"/>: a header, then per element its structure and each tensor as
/// dtype, shape and raw bytes. Written to a temporary file and renamed when the pass completes.
/// </summary>
internal static class CacheFile
{
    private const string Magic = "KerasNet dataset cache 1";

    public static IEnumerable<Element> Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadString() != Magic)
            throw new KerasNetException($"Dataset.Cache: '{path}' is not a KerasNet dataset cache file; delete it or choose another filename.");
        while (reader.ReadBoolean())
            yield return ReadElement(reader).Detach();
    }

    private static Element ReadElement(BinaryReader reader)
    {
        byte kind = reader.ReadByte();
        if (kind == 0)
        {
            var dtype = (ScalarType)reader.ReadInt32();
            var shape = new long[reader.ReadInt32()];
            for (int i = 0; i < shape.Length; i++) shape[i] = reader.ReadInt64();
            var bytes = reader.ReadBytes(reader.ReadInt32());
            var t = empty(shape, dtype);
            t.bytes = bytes;
            return Element.Of(t);
        }
        int count = reader.ReadInt32();
        if (kind == 1) return Element.Tuple(Enumerable.Range(0, count).Select(_ => ReadElement(reader)).ToArray());
        var names = Enumerable.Range(0, count).Select(_ => reader.ReadString()).ToList();
        return Element.Dictionary(names.Select(n => KeyValuePair.Create(n, ReadElement(reader))).ToList());
    }

    /// <summary>Writes a cache file; nothing appears at the path unless <see cref="Commit"/> is called.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly string _path;
        private readonly string _temp;
        private readonly BinaryWriter _writer;
        private bool _committed;

        public Writer(string path)
        {
            _path = path;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            try
            {
                Directory.CreateDirectory(folder);
                _temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
                _writer = new BinaryWriter(File.Create(_temp), Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KerasNetException($"Dataset.Cache: cannot write the cache file '{path}': {e.Message}", e);
            }
            _writer.Write(Magic);
        }

        public void Append(Element element)
        {
            _writer.Write(true);
            Write(element);
        }

        private void Write(Element element)
        {
            if (element.Tensor is { } t)
            {
                using var host = t.cpu().contiguous();
                _writer.Write((byte)0);
                _writer.Write((int)host.dtype);
                _writer.Write(host.shape.Length);
                foreach (var d in host.shape) _writer.Write(d);
                var bytes = host.bytes;
                _writer.Write(bytes.Length);
                _writer.Write(bytes);
                return;
            }
            _writer.Write((byte)(element.IsDictionary ? 2 : 1));
            _writer.Write(element.Components!.Count);
            if (element.Names is { } names) foreach (var n in names) _writer.Write(n);
            foreach (var c in element.Components) Write(c);
        }

        public void Commit()
        {
            _writer.Write(false);
            _writer.Dispose();
            File.Move(_temp, _path, overwrite: true);
            _committed = true;
        }

        public void Dispose()
        {
            if (_committed) return;
            _writer.Dispose();
            File.Delete(_temp);
        }
    }
}
