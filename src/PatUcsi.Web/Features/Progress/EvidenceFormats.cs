using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PatUcsi.Web.Features.Progress;

/// <summary>
/// Whether a file has the whole structure its type needs — not only its first bytes — and carries no
/// program inside. A file that starts like a PDF and then holds an executable, an image with data after
/// its end, or an Office document with an .exe or macros in its zip, is refused.
/// </summary>
public static class EvidenceFormats
{
    /// <summary>Most parts an Office document may have, and most bytes they may expand to (a zip bomb stops here).</summary>
    private const int MaxZipEntries = 5_000;
    private const long MaxZipExpandedBytes = 200L * 1024 * 1024;

    private static readonly string[] ExecutableExtensions =
        [".exe", ".dll", ".com", ".bat", ".cmd", ".scr", ".msi", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".jar", ".sh", ".cpl", ".hta", ".lnk"];

    /// <summary>A header, a cross-reference pointer and an end-of-file mark in the last kilobyte.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 32 || !(bytes.StartsWith("%PDF-1."u8) || bytes.StartsWith("%PDF-2."u8))) return false;
        var tail = bytes[Math.Max(0, bytes.Length - 1024)..];
        return tail.IndexOf("startxref"u8) >= 0 && tail.IndexOf("%%EOF"u8) >= 0 && bytes.IndexOf(" obj"u8) >= 0
            && !CarriesExecutable(bytes) && !StreamsCarryExecutable(bytes);
    }

    /// <summary>A program hidden in a compressed stream (an attached file) is found once the stream is inflated.</summary>
    private static bool StreamsCarryExecutable(ReadOnlySpan<byte> bytes)
    {
        long inflated = 0;
        for (var start = bytes.IndexOf("stream"u8); start >= 0; )
        {
            var data = start + 6;
            if (data < bytes.Length && bytes[data] == '\r') data++;
            if (data < bytes.Length && bytes[data] == '\n') data++;
            var end = bytes[data..].IndexOf("endstream"u8);
            if (end < 0) break;
            var content = Inflate(bytes.Slice(data, end), MaxZipExpandedBytes - inflated);
            if (content is not null)
            {
                inflated += content.Length;
                if (CarriesExecutable(content)) return true;
            }
            var next = bytes[(data + end + 9)..].IndexOf("stream"u8);
            start = next < 0 ? -1 : data + end + 9 + next;
        }
        return false;
    }

    /// <summary>The zlib-inflated bytes, or null when they are not zlib data (or would pass <paramref name="limit"/>).</summary>
    private static byte[]? Inflate(ReadOnlySpan<byte> compressed, long limit)
    {
        if (compressed.Length < 2 || limit <= 0) return null;
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = inflate.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limit) return null;
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Chunks from IHDR to IEND with nothing after it, and image data that inflates.</summary>
    public static bool IsPng(ReadOnlySpan<byte> bytes)
    {
        var position = 8;
        var first = true;
        using var idat = new MemoryStream();
        while (position + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > bytes.Length) return false;
            var type = Encoding.ASCII.GetString(bytes.Slice(position + 4, 4));
            if (first && (type != "IHDR" || length != 13)) return false;
            first = false;
            var data = bytes.Slice(position + 8, (int)length);
            if (type == "IDAT") idat.Write(data);
            position += 12 + (int)length;
            if (type == "IEND") return position == bytes.Length && idat.Length > 0 && Inflates(idat) && !CarriesExecutable(bytes);
        }
        return false;
    }

    /// <summary>Marker segments up to the scan, and the end-of-image mark closing the file.</summary>
    public static bool IsJpeg(ReadOnlySpan<byte> bytes)
    {
        var position = 2;
        while (position + 4 <= bytes.Length)
        {
            if (bytes[position] != 0xFF) return false;
            var marker = bytes[position + 1];
            if (marker == 0xFF) { position++; continue; } // fill byte
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 2)..]);
            if (length < 2) return false;
            position += 2 + length;
            if (marker == 0xDA) break; // start of scan: entropy-coded data follows
        }
        return position < bytes.Length && bytes.Length >= 4 && bytes[^2] == 0xFF && bytes[^1] == 0xD9 && !CarriesExecutable(bytes);
    }

    /// <summary>Header, screen descriptor, blocks (extensions and images) and the trailer as the last byte.</summary>
    public static bool IsGif(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 14 || !(bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))) return false;
        var position = 13 + ColorTable(bytes[10]);
        while (position < bytes.Length)
        {
            switch (bytes[position])
            {
                case 0x3B:
                    return position == bytes.Length - 1 && !CarriesExecutable(bytes);
                case 0x21: // extension: label, then sub-blocks
                    position = SubBlocks(bytes, position + 2);
                    break;
                case 0x2C: // image: descriptor, local colours, LZW code size, then sub-blocks
                    if (position + 10 > bytes.Length) return false;
                    position = SubBlocks(bytes, position + 10 + ColorTable(bytes[position + 9]) + 1);
                    break;
                default:
                    return false;
            }
            if (position < 0) return false;
        }
        return false;
    }

    /// <summary>
    /// A zip with the content types and the main part of a Word, Excel or PowerPoint document, without
    /// macros or programs inside, that does not expand beyond what any real document needs.
    /// </summary>
    public static bool IsOfficeOpenXml(Stream content, string extension)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries || zip.Entries.Sum(e => e.Length) > MaxZipExpandedBytes) return false;
            var main = extension switch { ".docx" => "word/document.xml", ".xlsx" => "xl/workbook.xml", _ => "ppt/presentation.xml" };
            if (zip.GetEntry(main) is null || zip.GetEntry("[Content_Types].xml") is not { } types) return false;
            using (var reader = new StreamReader(types.Open()))
                if (reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)) return false;
            var budget = MaxZipExpandedBytes;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.ToLowerInvariant();
                if (ExecutableExtensions.Any(name.EndsWith) || name.EndsWith("vbaproject.bin", StringComparison.Ordinal)) return false;
                // Every part is read, within the budget whatever its header claims: a program may hide under any name.
                using var part = new MemoryStream();
                using (var stream = entry.Open())
                    if (!CopyAtMost(stream, part, budget)) return false;
                budget -= part.Length;
                if (CarriesExecutable(part.GetBuffer().AsSpan(0, (int)part.Length))) return false;
            }
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>A Windows (MZ … PE) or Linux (ELF) program anywhere in the bytes.</summary>
    public static bool CarriesExecutable(ReadOnlySpan<byte> bytes)
    {
        for (var i = bytes.IndexOf("MZ"u8); i >= 0 && i + 64 <= bytes.Length; )
        {
            var peOffset = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i + 0x3C)..]);
            if (peOffset is > 0 and < 4096 && i + peOffset + 4 <= bytes.Length && bytes.Slice(i + peOffset, 4).SequenceEqual("PE\0\0"u8)) return true;
            var next = bytes[(i + 2)..].IndexOf("MZ"u8);
            i = next < 0 ? -1 : i + 2 + next;
        }
        for (var i = bytes.IndexOf(Elf); i >= 0 && i + 7 <= bytes.Length; )
        {
            if (bytes[i + 4] is 1 or 2 && bytes[i + 5] is 1 or 2 && bytes[i + 6] == 1) return true;
            var next = bytes[(i + 4)..].IndexOf(Elf);
            i = next < 0 ? -1 : i + 4 + next;
        }
        return false;
    }

    private static ReadOnlySpan<byte> Elf => [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    private static bool CopyAtMost(Stream source, Stream target, long limit)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            target.Write(buffer, 0, read);
            if (target.Length > limit) return false;
        }
        return true;
    }

    private static int ColorTable(byte flags) => (flags & 0x80) != 0 ? 3 * (1 << ((flags & 0x07) + 1)) : 0;

    /// <summary>The position after a chain of sub-blocks ending in a zero-length block, or -1 when it runs past the end.</summary>
    private static int SubBlocks(ReadOnlySpan<byte> bytes, int position)
    {
        while (position < bytes.Length)
        {
            var size = bytes[position];
            position += 1 + size;
            if (size == 0) return position;
        }
        return -1;
    }

    private static bool Inflates(MemoryStream compressed)
    {
        compressed.Position = 0;
        try
        {
            using var inflate = new ZLibStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = inflate.Read(buffer)) > 0)
                if ((total += read) > MaxZipExpandedBytes) return false;
            return total > 0;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
