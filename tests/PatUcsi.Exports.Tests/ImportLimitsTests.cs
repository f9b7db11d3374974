using System.IO.Compression;
using System.Text;
using PatUcsi.Data.Seeding;
using PatUcsi.Exports.Excel;

namespace PatUcsi.Exports.Tests;

/// <summary>A workbook that would fill the memory — a zip bomb, a sheet bigger than it says, a million rows — is refused before it does.</summary>
public class ImportLimitsTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static readonly UnitDocument Deoe = new() { ShortName = "DEOE", Name = "Dirección Ejecutiva de Organización Electoral" };

    /// <summary>The app's own workbook of UCSI 2024 with one part replaced or added.</summary>
    private byte[] WorkbookWith(string part, Action<Stream> write)
    {
        using var output = new MemoryStream();
        output.Write(ProgramWorkbook.Build(fixture.Report));
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)?.Delete();
            using var entry = zip.CreateEntry(part, CompressionLevel.Fastest).Open();
            write(entry);
        }
        return output.ToArray();
    }

    private static WorkbookReadResult Read(byte[] workbook) => WorkbookReader.Read(new MemoryStream(workbook), Deoe, 2026, "libro.xlsx");

    [Fact]
    public void A_zip_that_expands_beyond_any_program_is_refused_without_reading_it()
    {
        var bomb = WorkbookWith("xl/media/ceros.bin", s => { var zeros = new byte[1024 * 1024]; for (var i = 0; i < 60; i++) s.Write(zeros); });

        var result = Read(bomb);

        Assert.True(bomb.Length < 1024 * 1024);
        Assert.Null(result.Document);
        Assert.StartsWith("El libro es demasiado grande para un programa anual de trabajo", result.Error);
    }

    [Fact]
    public void A_sheet_of_a_million_rows_or_of_millions_of_characters_is_refused()
    {
        var rows = WorkbookWith("xl/worksheets/sheet1.xml", s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false));
            w.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var i = 1; i <= 1_000_000; i++) w.Write($"<row r=\"{i}\"/>");
            w.Write("</sheetData></worksheet>");
        });
        var longText = WorkbookWith("xl/worksheets/sheet1.xml", s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false));
            w.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
            w.Write(new string('x', 12_000_000));
            w.Write("</t></is></c></row></sheetData></worksheet>");
        });

        foreach (var workbook in new[] { rows, longText })
        {
            var result = Read(workbook);
            Assert.Null(result.Document);
            Assert.StartsWith("El libro es demasiado grande para un programa anual de trabajo", result.Error);
        }
    }

    [Fact]
    public void The_apps_own_workbook_still_reads()
    {
        var result = Read(ProgramWorkbook.Build(fixture.Report));

        Assert.Null(result.Error);
        Assert.NotNull(result.Document);
    }
}
