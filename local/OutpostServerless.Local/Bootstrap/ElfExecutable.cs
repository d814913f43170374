using System.Buffers.Binary;
using System.Text;

namespace OutpostServerless.Local.Bootstrap;

/// <summary>
/// What a Lambda needs to know of a Linux executable before running it: the machine it was compiled for
/// (ELF header <c>e_machine</c>) and the newest glibc symbol version it needs (the <c>.gnu.version_r</c>
/// section), read as the System V ABI and the LSB specify them for 64-bit little-endian ELF.
/// </summary>
public sealed record ElfExecutable(ushort Machine, Version? NewestGlibc)
{
    public const ushort X86_64 = 62;
    public const ushort AArch64 = 183;

    private const uint VersionNeedsSection = 0x6ffffffe; // SHT_GNU_verneed

    public static ElfExecutable Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || !bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8))
        {
            throw new InvalidDataException($"{path} is not an ELF executable");
        }

        if (bytes[4] != 2 || bytes[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file, as Lambda runs");
        }

        var machine = U16(bytes, 18);
        var sections = U64(bytes, 0x28);
        var sectionSize = U16(bytes, 0x3A);
        var sectionCount = U16(bytes, 0x3C);
        Version? newest = null;
        for (var i = 0; i < sectionCount; i++)
        {
            var header = checked((int)sections + i * sectionSize);
            if (U32(bytes, header + 4) != VersionNeedsSection)
            {
                continue;
            }

            var strings = checked((int)U64(bytes, checked((int)sections + (int)U32(bytes, header + 40) * sectionSize) + 24));
            var entry = checked((int)U64(bytes, header + 24));
            for (var need = 0; need < U32(bytes, header + 44); need++)
            {
                var auxiliary = entry + (int)U32(bytes, entry + 8);
                for (var version = 0; version < U16(bytes, entry + 2); version++)
                {
                    if (GlibcVersion(Name(bytes, strings + (int)U32(bytes, auxiliary + 8))) is { } glibc && (newest is null || glibc > newest))
                    {
                        newest = glibc;
                    }

                    auxiliary += (int)U32(bytes, auxiliary + 12);
                }

                entry += (int)U32(bytes, entry + 12);
            }
        }

        return new ElfExecutable(machine, newest);
    }

    private static Version? GlibcVersion(string name) =>
        name.StartsWith("GLIBC_", StringComparison.Ordinal) && Version.TryParse(name["GLIBC_".Length..], out var version) ? version : null;

    private static string Name(byte[] bytes, int offset) => Encoding.ASCII.GetString(bytes, offset, Array.IndexOf(bytes, (byte)0, offset) - offset);

    private static ushort U16(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset));

    private static uint U32(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));

    private static ulong U64(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset));
}
