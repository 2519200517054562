using System.Buffers.Binary;
using System.Text;

namespace KerasNet.Backend;

/// <summary>
/// Edits the version-needs table (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF shared library:
/// marks chosen version requirements weak (VER_FLG_WEAK), so the dynamic loader no longer refuses the
/// library when the providing library lacks that version. Nothing else in the file changes.
/// </summary>
public static class ElfVersionPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>One version requirement found in <c>.gnu.version_r</c>.</summary>
    /// <param name="File">The library that must provide the version (e.g. <c>libstdc++.so.6</c>).</param>
    /// <param name="Version">The version name (e.g. <c>GLIBCXX_3.4.32</c>).</param>
    /// <param name="FlagsOffset">Byte offset of the entry's <c>vna_flags</c> field in the file.</param>
    /// <param name="Flags">The entry's current flags.</param>
    public readonly record struct VersionNeed(string File, string Version, int FlagsOffset, ushort Flags)
    {
        /// <summary>True when the requirement is already weak.</summary>
        public bool IsWeak => (Flags & VerFlagWeak) != 0;
    }

    /// <summary>Lists every version requirement of the ELF image.</summary>
    public static IReadOnlyList<VersionNeed> ReadVersionNeeds(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("Not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("Only 64-bit little-endian ELF files are supported.");

        long sectionTable = (long)U64(elf, 0x28);
        int sectionSize = U16(elf, 0x3A);
        int sectionCount = U16(elf, 0x3C);
        var needs = new List<VersionNeed>();
        for (int i = 0; i < sectionCount; i++)
        {
            int header = checked((int)(sectionTable + (long)i * sectionSize));
            if (U32(elf, header + 4) != ShtGnuVerneed) continue;
            int offset = checked((int)U64(elf, header + 0x18));
            int link = (int)U32(elf, header + 0x28);
            int strings = checked((int)U64(elf, checked((int)(sectionTable + (long)link * sectionSize)) + 0x18));

            int verneed = offset;
            while (true)
            {
                int count = U16(elf, verneed + 2);
                string file = CString(elf, strings + (int)U32(elf, verneed + 4));
                int aux = verneed + (int)U32(elf, verneed + 8);
                for (int j = 0; j < count; j++)
                {
                    needs.Add(new VersionNeed(file, CString(elf, strings + (int)U32(elf, aux + 8)), aux + 4, U16(elf, aux + 4)));
                    uint nextAux = U32(elf, aux + 12);
                    if (nextAux == 0) break;
                    aux += (int)nextAux;
                }
                uint next = U32(elf, verneed + 12);
                if (next == 0) break;
                verneed += (int)next;
            }
        }
        return needs;
    }

    /// <summary>
    /// Marks the named version requirements weak, in place. Returns how many entries changed.
    /// </summary>
    public static int MarkWeak(Span<byte> elf, IReadOnlyCollection<string> versions)
    {
        int changed = 0;
        foreach (var need in ReadVersionNeeds(elf))
        {
            if (need.IsWeak || !versions.Contains(need.Version)) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(elf[need.FlagsOffset..], (ushort)(need.Flags | VerFlagWeak));
            changed++;
        }
        return changed;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    private static string CString(ReadOnlySpan<byte> b, int at)
    {
        int end = b[at..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(b.Slice(at, end));
    }
}
