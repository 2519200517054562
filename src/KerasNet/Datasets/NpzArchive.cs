using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace KerasNet.Datasets;

/// <summary>
/// Reads uint8 arrays from a NumPy <c>.npz</c> archive (a zip of <c>.npy</c> files), the format of
/// Keras's <c>~/.keras/datasets/mnist.npz</c>. Only C-ordered <c>|u1</c> arrays are supported.
/// </summary>
internal sealed partial class NpzArchive : IDisposable
{
    private static ReadOnlySpan<byte> NpyMagic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    private readonly ZipArchive _zip;
    private readonly string _file;

    public NpzArchive(string file)
    {
        _file = file;
        try
        {
            _zip = ZipFile.OpenRead(file);
        }
        catch (InvalidDataException e)
        {
            throw new KerasNetException($"'{file}' is not a valid .npz (zip) archive: {e.Message}", e);
        }
    }

    /// <summary>Reads the rank-3 uint8 array stored as <c>&lt;name&gt;.npy</c>.</summary>
    public byte[,,] ReadRank3(string name)
    {
        using var input = OpenEntry(name, out var entryLength);
        var dims = ReadHeader(input, name, rank: 3, entryLength);
        var array = new byte[dims[0], dims[1], dims[2]];
        IdxFile.ReadPayload(input, Where(name), MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(array), array.Length));
        return array;
    }

    /// <summary>Reads the rank-1 uint8 array stored as <c>&lt;name&gt;.npy</c>.</summary>
    public byte[] ReadRank1(string name)
    {
        using var input = OpenEntry(name, out var entryLength);
        var dims = ReadHeader(input, name, rank: 1, entryLength);
        var array = new byte[dims[0]];
        IdxFile.ReadPayload(input, Where(name), array);
        return array;
    }

    public void Dispose() => _zip.Dispose();

    private string Where(string name) => $"{_file}:{name}.npy";

    private Stream OpenEntry(string name, out long length)
    {
        var entry = _zip.GetEntry(name + ".npy")
            ?? throw new KerasNetException($"'{_file}' has no array '{name}'; it holds [{string.Join(", ", _zip.Entries.Select(e => e.FullName))}].");
        length = entry.Length;
        return entry.Open();
    }

    private int[] ReadHeader(Stream input, string name, int rank, long entryLength)
    {
        var where = Where(name);
        Span<byte> preamble = stackalloc byte[12];
        var read = input.ReadAtLeast(preamble[..10], 10, throwOnEndOfStream: false);
        if (read < 10 || !preamble[..6].SequenceEqual(NpyMagic))
            throw new KerasNetException($"'{where}' is not a .npy array (missing the \\x93NUMPY magic).");
        var major = preamble[6];
        int headerLength, prefix;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..]);
            prefix = 10;
        }
        else if (major is 2 or 3)
        {
            if (input.ReadAtLeast(preamble[10..12], 2, throwOnEndOfStream: false) < 2)
                throw new KerasNetException($"'{where}' is truncated inside its .npy preamble.");
            headerLength = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..]), int.MaxValue);
            prefix = 12;
        }
        else throw new KerasNetException($"'{where}' has .npy format version {major}; expected 1, 2 or 3.");
        if (headerLength > 1 << 20)
            throw new KerasNetException($"'{where}' is corrupt: .npy header length {headerLength} is implausible.");

        var headerBytes = new byte[headerLength];
        if (input.ReadAtLeast(headerBytes, headerLength, throwOnEndOfStream: false) < headerLength)
            throw new KerasNetException($"'{where}' is truncated inside its .npy header.");
        var header = Encoding.Latin1.GetString(headerBytes);

        var descr = DescrPattern().Match(header);
        if (!descr.Success || descr.Groups[1].Value is not ("|u1" or "u1" or "<u1" or ">u1"))
            throw new KerasNetException($"'{where}' holds dtype {(descr.Success ? descr.Groups[1].Value : "?")}; expected uint8 ('|u1').");
        var fortran = FortranPattern().Match(header);
        if (!fortran.Success || fortran.Groups[1].Value != "False")
            throw new KerasNetException($"'{where}' has fortran_order {(fortran.Success ? fortran.Groups[1].Value : "missing")}; expected False (C order).");
        var shape = ShapePattern().Match(header);
        if (!shape.Success)
            throw new KerasNetException($"'{where}' has no shape in its .npy header: {header.Trim()}");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d.TrimEnd('L'), out var v) && v >= 0 ? v : -1).ToArray();
        if (dims.Length != rank || dims.Contains(-1))
            throw new KerasNetException($"'{where}' has shape ({shape.Groups[1].Value}); expected a rank-{rank} array.");
        var payload = dims.Aggregate(1L, (a, d) => a * d);
        if (payload > Array.MaxLength || prefix + headerLength + payload != entryLength)
            throw new KerasNetException(
                $"'{where}' is corrupt or truncated: shape ({string.Join(", ", dims)}) needs {prefix + headerLength + payload:N0} bytes with the header, the entry holds {entryLength:N0}.");
        return dims;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
