using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace KerasNet.Datasets;

/// <summary>
/// Reads unsigned-byte arrays in the IDX format of the MNIST distribution files, gzip-compressed or
/// plain: magic <c>00 00 08 rank</c>, <c>rank</c> big-endian int32 dimensions, then the bytes.
/// Sizes are checked against the file (gzip's stored length) before anything large is allocated.
/// </summary>
internal static class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads a rank-3 array (N, rows, cols) of images.</summary>
    public static byte[,,] ReadImages(string file)
    {
        using var input = Open(file, out var storedLength);
        var dims = ReadHeader(input, file, rank: 3, storedLength);
        var images = new byte[dims[0], dims[1], dims[2]];
        ReadPayload(input, file, MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(images), images.Length));
        return images;
    }

    /// <summary>Reads a rank-1 array (N) of labels.</summary>
    public static byte[] ReadLabels(string file)
    {
        using var input = Open(file, out var storedLength);
        var dims = ReadHeader(input, file, rank: 1, storedLength);
        var labels = new byte[dims[0]];
        ReadPayload(input, file, labels);
        return labels;
    }

    /// <summary>Fills <paramref name="target"/> from <paramref name="input"/> and checks nothing follows.</summary>
    internal static void ReadPayload(Stream input, string file, Span<byte> target)
    {
        try
        {
            var read = input.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
            if (read < target.Length)
                throw new KerasNetException($"'{file}' is truncated: its header announces {target.Length:N0} data bytes but only {read:N0} follow.");
            if (input.ReadByte() != -1)
                throw new KerasNetException($"'{file}' is corrupt: bytes follow the {target.Length:N0} data bytes its header announces.");
        }
        catch (InvalidDataException e)
        {
            throw new KerasNetException($"'{file}' is not a valid gzip file: {e.Message}", e);
        }
    }

    /// <summary>
    /// Opens the file, decompressing when it starts with the gzip magic. <paramref name="storedLength"/>
    /// is the decompressed length modulo 2^32 (gzip's ISIZE trailer) or the plain file's length.
    /// </summary>
    private static Stream Open(string file, out long storedLength)
    {
        var stream = File.OpenRead(file);
        Span<byte> buffer = stackalloc byte[4];
        var n = stream.ReadAtLeast(buffer[..2], 2, throwOnEndOfStream: false);
        if (n == 2 && buffer[0] == 0x1F && buffer[1] == 0x8B)
        {
            if (stream.Length < 18)
            {
                stream.Dispose();
                throw new KerasNetException($"'{file}' is not a valid gzip file: {stream.Length} bytes is shorter than a gzip header and trailer.");
            }
            stream.Seek(-4, SeekOrigin.End);
            stream.ReadExactly(buffer);
            storedLength = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
            stream.Position = 0;
            return new GZipStream(stream, CompressionMode.Decompress);
        }
        stream.Position = 0;
        storedLength = stream.Length;
        return stream;
    }

    private static int[] ReadHeader(Stream input, string file, int rank, long storedLength)
    {
        var what = rank == 3 ? "images" : "labels";
        var expectedMagic = $"0x{0x0800 | rank:X8}";
        Span<byte> head = stackalloc byte[4 + 4 * rank];
        int read;
        try
        {
            read = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new KerasNetException($"'{file}' is not a valid gzip file: {e.Message}", e);
        }
        if (read < 4)
            throw new KerasNetException($"'{file}' is not an IDX file: {read} bytes is shorter than the 4-byte magic number (expected {expectedMagic} for {what}).");
        var magic = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (head[0] != 0 || head[1] != 0)
            throw new KerasNetException($"'{file}' is not an IDX file: magic number 0x{magic:X8}, expected {expectedMagic} for {what}.");
        if (head[2] != UnsignedByteType)
            throw new KerasNetException($"'{file}' holds IDX data of type 0x{head[2]:X2}; expected unsigned bytes (0x08, magic {expectedMagic}) for {what}.");
        if (head[3] != rank)
            throw new KerasNetException($"'{file}' holds a rank-{head[3]} IDX array (magic 0x{magic:X8}); expected rank {rank} (magic {expectedMagic}) for {what}.");
        if (read < head.Length)
            throw new KerasNetException($"'{file}' is truncated inside its IDX header: {read} of {head.Length} header bytes.");

        var dims = new int[rank];
        long count = 1;
        for (var i = 0; i < rank; i++)
        {
            var d = BinaryPrimitives.ReadInt32BigEndian(head[(4 + 4 * i)..]);
            if (d < 0)
                throw new KerasNetException($"'{file}' is corrupt: IDX dimension {i} is {(uint)d}, too large to be real.");
            dims[i] = d;
            count *= d;
            if (count > Array.MaxLength)
                throw new KerasNetException($"'{file}' is corrupt: IDX dimensions ({string.Join(" x ", dims[..(i + 1)])}) describe more bytes than an array can hold.");
        }
        var total = head.Length + count;
        var stored = input is GZipStream ? total & 0xFFFF_FFFF : total;
        if (stored != storedLength)
            throw new KerasNetException(
                $"'{file}' is corrupt or truncated: its IDX header describes {what} of shape ({string.Join(", ", dims)}), " +
                $"{total:N0} bytes with the header, but the file holds {storedLength:N0} bytes{(input is GZipStream ? " after decompression (gzip size field)" : "")}.");
        return dims;
    }
}
