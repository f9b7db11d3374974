using System.IO.Compression;
using System.Text;
using PatUcsi.Web.Features.Progress;

namespace PatUcsi.Web.Tests;

/// <summary>Evidence is what it says: the whole structure of each type, and no program inside.</summary>
public class EvidenceFormatsTests
{
    private static byte[] RealPdf()
    {
        PatUcsi.Exports.Pdf.PdfFonts.EnsureReady();
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>Start of image, a JFIF header, a scan header, coded data and the end of image.</summary>
    private static readonly byte[] Jpeg =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34, 0x56, 0xFF, 0xD9,
    ];

    private static byte[] Office(string main, string contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        params (string Name, byte[] Content)[] extra)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes($"<Types><Override PartName=\"/{main}\" ContentType=\"{contentType}\"/></Types>"));
            Add(zip, main, "<document/>"u8.ToArray());
            foreach (var (name, content) in extra) Add(zip, name, content);
        }
        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(content);
    }

    [Fact]
    public void Whole_files_of_each_type_are_accepted()
    {
        Assert.True(EvidenceFormats.IsPdf(RealPdf()));
        Assert.True(EvidenceFormats.IsPdf(ProgressTests.Pdf));
        Assert.True(EvidenceFormats.IsPng(Png));
        Assert.True(EvidenceFormats.IsJpeg(Jpeg));
        Assert.True(EvidenceFormats.IsGif(Gif));
        Assert.True(EvidenceFormats.IsOfficeOpenXml(new MemoryStream(Office("word/document.xml")), ".docx"));
        Assert.True(EvidenceFormats.IsOfficeOpenXml(new MemoryStream(Office("xl/workbook.xml")), ".xlsx"));
    }

    [Fact]
    public void A_pdf_header_followed_by_a_program_is_refused_even_with_a_trailer()
    {
        var exe = HostileInputTests.Executable();
        Assert.False(EvidenceFormats.IsPdf([.. "%PDF-1.4\n"u8.ToArray(), .. exe]));
        Assert.False(EvidenceFormats.IsPdf([.. RealPdf(), .. exe, .. "\nstartxref\n0\n%%EOF\n"u8.ToArray()]));
        Assert.False(EvidenceFormats.IsPdf("%PDF-1.4 matriz"u8));
    }

    [Fact]
    public void Images_with_data_after_their_end_or_broken_inside_are_refused()
    {
        Assert.False(EvidenceFormats.IsPng([.. Png, .. HostileInputTests.Executable()]));
        Assert.False(EvidenceFormats.IsPng(Png.AsSpan(0, Png.Length - 12))); // no IEND
        var corrupt = Png.ToArray();
        corrupt[45] ^= 0xFF; // inside the compressed image data
        Assert.False(EvidenceFormats.IsPng(corrupt));
        Assert.False(EvidenceFormats.IsJpeg([.. Jpeg, .. HostileInputTests.Executable()]));
        Assert.False(EvidenceFormats.IsJpeg(Jpeg.AsSpan(0, Jpeg.Length - 2)));
        Assert.False(EvidenceFormats.IsGif([.. Gif, 0x00, 0x01]));
        Assert.False(EvidenceFormats.IsGif(Gif.AsSpan(0, Gif.Length - 1)));
    }

    [Fact]
    public void Office_documents_with_programs_macros_or_no_main_part_are_refused()
    {
        static bool Docx(byte[] bytes) => EvidenceFormats.IsOfficeOpenXml(new MemoryStream(bytes), ".docx");

        Assert.False(Docx(Office("word/document.xml", extra: ("word/media/setup.exe", HostileInputTests.Executable()))));
        Assert.False(Docx(Office("word/document.xml", extra: ("word/embeddings/oleObject1.bin", [.. new byte[512], .. HostileInputTests.Executable()]))));
        Assert.False(Docx(Office("word/document.xml", extra: ("word/vbaProject.bin", new byte[64]))));
        Assert.False(Docx(Office("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml")));
        Assert.False(Docx(Office("xl/workbook.xml")));
        Assert.False(Docx("PK\u0003\u0004 no es un zip"u8.ToArray()));
    }

    [Fact]
    public void A_zip_that_expands_beyond_any_document_is_refused()
    {
        var bomb = Office("word/document.xml", extra: ("word/media/ceros.bin", new byte[201 * 1024 * 1024]));

        Assert.True(bomb.Length < 2 * 1024 * 1024);
        Assert.False(EvidenceFormats.IsOfficeOpenXml(new MemoryStream(bomb), ".docx"));
    }

    [Theory]
    [InlineData("informe.pdf", "informe.pdf")]
    [InlineData("C:\\Users\\ana\\informe.pdf", "informe.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("in\u0000for\u0007me.pdf", "informe.pdf")]
    [InlineData("", "archivo")]
    public void The_name_shown_has_no_folders_and_no_control_characters(string given, string shown) =>
        Assert.Equal(shown, EvidenceStore.DisplayName(given));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = EvidenceStore.DisplayName(new string('a', 1000) + ".pdf");

        Assert.Equal(200, name.Length);
        Assert.EndsWith("….pdf", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1, "1 byte")]
    [InlineData(900, "900 bytes")]
    [InlineData(2048, "2 KB")]
    [InlineData(1572864, "1.5 MB")]
    public void Sizes_under_a_kilobyte_are_bytes(long bytes, string shown) => Assert.Equal(shown, EvidenceStore.Size(bytes));

    /// <summary>A PNG chunk of the given type: length, type, data, and a checksum (not checked here).</summary>
    private static byte[] Chunk(string type, byte[] data) =>
        [.. BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(data.Length)), .. Encoding.ASCII.GetBytes(type), .. data, 0, 0, 0, 0];

    [Fact]
    public void A_program_hidden_in_a_valid_structure_is_found()
    {
        var exe = HostileInputTests.Executable();
        // A private PNG chunk before the end.
        var png = Png.AsSpan(0, Png.Length - 12).ToArray().Concat(Chunk("prIv", exe)).Concat(Png.AsSpan(Png.Length - 12).ToArray()).ToArray();
        Assert.False(EvidenceFormats.IsPng(png));
        // A GIF comment block before the trailer.
        var gif = Gif.AsSpan(0, Gif.Length - 1).ToArray().Concat(new byte[] { 0x21, 0xFE, (byte)exe.Length }).Concat(exe).Concat(new byte[] { 0x00, 0x3B }).ToArray();
        Assert.False(EvidenceFormats.IsGif(gif));
        // A part of a Word document under an innocent name.
        Assert.False(EvidenceFormats.IsOfficeOpenXml(new MemoryStream(Office("word/document.xml", extra: ("word/media/payload.dat", exe))), ".docx"));
        // A compressed stream of a PDF (an attached file).
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(exe);
        var pdf = RealPdf();
        var attached = pdf.AsSpan(0, pdf.Length - 6).ToArray()
            .Concat("\n9 0 obj << /Type /EmbeddedFile /Filter /FlateDecode >>\nstream\n"u8.ToArray()).Concat(compressed.ToArray())
            .Concat("\nendstream\nendobj\n%%EOF\n"u8.ToArray()).ToArray();
        Assert.False(EvidenceFormats.IsPdf(attached));
        Assert.True(EvidenceFormats.IsPdf(pdf)); // PDFsharp's own compressed streams are no program
    }
}
