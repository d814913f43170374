using System.Buffers.Binary;
using System.Text;

namespace OutpostServerless.Cli.Tests.Build;

/// <summary>
/// The smallest 64-bit little-endian ELF file with a machine and a <c>.gnu.version_r</c> section naming the given
/// symbol versions of libc.so.6, laid out as the System V ABI gABI and the LSB specify: to hold the reader to
/// the format, including versions (GLIBC_2.38) no toolchain on this machine produces.
/// </summary>
internal static class ElfImage
{
    public static byte[] Create(ushort machine, params string[] libcVersions)
    {
        var strings = new List<byte> { 0 };
        int Add(string text)
        {
            var offset = strings.Count;
            strings.AddRange(Encoding.ASCII.GetBytes(text));
            strings.Add(0);
            return offset;
        }

        var file = Add("libc.so.6");
        var names = libcVersions.Select(Add).ToArray();

        const int headerSize = 64;
        const int sectionHeaderSize = 64;
        var stringsAt = headerSize;
        var needsAt = stringsAt + strings.Count;
        var needsSize = 16 + 16 * names.Length;
        var sectionsAt = needsAt + needsSize;
        var image = new byte[sectionsAt + 3 * sectionHeaderSize];

        "\u007fELF"u8.CopyTo(image);
        image[4] = 2; // ELFCLASS64
        image[5] = 1; // ELFDATA2LSB
        image[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(16), 3); // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(18), machine);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(0x28), (ulong)sectionsAt);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3A), sectionHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3C), 3);
        strings.CopyTo(image, stringsAt);

        // Elf64_Verneed: one file, its Elf64_Vernaux entries right after it.
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(needsAt), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(needsAt + 2), (ushort)names.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(needsAt + 4), (uint)file);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(needsAt + 8), 16);
        for (var i = 0; i < names.Length; i++)
        {
            var auxiliary = needsAt + 16 + 16 * i;
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(auxiliary + 8), (uint)names[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(auxiliary + 12), i == names.Length - 1 ? 0u : 16u);
        }

        // Section 0 is SHN_UNDEF; 1 is .dynstr (SHT_STRTAB); 2 is .gnu.version_r (SHT_GNU_verneed), linked to 1.
        WriteSection(image, sectionsAt + sectionHeaderSize, type: 3, offset: stringsAt, size: strings.Count, link: 0, info: 0);
        WriteSection(image, sectionsAt + 2 * sectionHeaderSize, type: 0x6ffffffe, offset: needsAt, size: needsSize, link: 1, info: 1);
        return image;
    }

    private static void WriteSection(byte[] image, int at, uint type, int offset, int size, uint link, uint info)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 4), type);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(at + 24), (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(at + 32), (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 40), link);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 44), info);
    }
}
