using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using PatUcsi.Domain.Reporting;
using PatUcsi.Exports.Excel;

namespace PatUcsi.Exports.Tests;

/// <summary>
/// A spreadsheet program that calculates shows the app's numbers: the workbook's formulas, with every
/// cached value removed, are computed by LibreOffice Calc (Debian's, headless) and compared with the app.
/// </summary>
public partial class LibreOfficeTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    [Fact]
    public void LibreOffice_computes_the_same_percentages_and_remaining_goals_as_the_app()
    {
        var folder = Directory.CreateTempSubdirectory("pat-lo").FullName;
        var workbook = Path.Combine(folder, "sin-cache.xlsx");
        File.WriteAllBytes(workbook, WithoutCachedValues(ProgramWorkbook.Build(fixture.Report)));

        var byUnit = Convert(workbook, folder, sheet: 1);
        var transversal = Convert(workbook, folder, sheet: 2);

        foreach (var row in fixture.Report.ByUnitRows)
        {
            var line = byUnit.Single(l => l.Length > 4 && l[4] == row.ActivityCell);
            Assert.Equal(Expected(row.Figures!.Percent), line[15]);
        }
        foreach (var row in fixture.Report.TransversalRows)
        {
            var line = transversal.Single(l => l[4] == row.ActivityCell);
            Assert.Equal(Expected(row.Figures!.Percent), line[22]);
            Assert.Equal(Display.Number(Math.Round(row.Figures.Remaining, 2)), line[20]);
        }
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Printed by LibreOffice, the workbook shows every text whole: each word of every text cell of the three sheets is
    /// in the PDF at least as often as in the cells (a row too short for its wrapped text would cut lines off), and
    /// every page has its running header and "Página N de M".
    /// </summary>
    [Fact]
    public void LibreOffice_prints_every_text_whole_with_page_numbers()
    {
        var folder = Directory.CreateTempSubdirectory("pat-lo").FullName;
        var workbook = Path.Combine(folder, "programa.xlsx");
        File.WriteAllBytes(workbook, ProgramWorkbook.Build(fixture.Report));
        var info = new ProcessStartInfo("soffice", $"--headless --norestore -env:UserInstallation=file://{folder}/perfil --convert-to pdf --outdir \"{folder}\" \"{workbook}\"")
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using (var process = Process.Start(info)!)
        {
            process.WaitForExit(180_000);
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        }
        var pdf = Poppler.Save(File.ReadAllBytes(Path.Combine(folder, "programa.pdf")), "libro-impreso-por-libreoffice.pdf");
        var pages = Poppler.Pages(pdf);

        var printed = Words(string.Join(" ", pages)).CountBy(w => w).ToDictionary();
        var texts = IndicatorTable.All.SelectMany(t => t.Rows(fixture.Report).SelectMany(r => t.Columns.Where(c => !c.IsNumeric && (!c.PerObjective || r.ObjectiveRowSpan > 0)).Select(c => c.Text(r))))
            .Concat(ScheduleTable.Groups(fixture.Report).SelectMany(g => g.Rows.Select(r => r.Text)));
        var missing = Words(string.Join(" ", texts)).CountBy(w => w)
            .Where(w => printed.GetValueOrDefault(w.Key) < w.Value).Select(w => $"{w.Key} ×{w.Value} (impresa {printed.GetValueOrDefault(w.Key)})").ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));

        Assert.True(pages.Count > 3);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Página {i + 1} de {pages.Count}", pages[i]);
            Assert.Contains(fixture.Report.UnitName, pages[i]);
        }
        Directory.Delete(folder, recursive: true);
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The app's percentage as the cell's format writes it (0.0%), or N/A.</summary>
    private static string Expected(decimal? percent) =>
        percent is null ? "N/A" : percent.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static byte[] WithoutCachedValues(byte[] xlsx)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                if (entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)) text = CachedValue().Replace(text, "$1");
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(text);
            }
        }
        var bytes = output.ToArray();
        Assert.DoesNotMatch(CachedValue(), ReadSheet(bytes));
        return bytes;
    }

    private static string ReadSheet(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>One sheet as CSV rows of displayed (formatted) values, computed by LibreOffice.</summary>
    internal static List<string[]> Convert(string workbook, string folder, int sheet, string? importFilter = null)
    {
        var filter = $"csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,{sheet}";
        var infilter = importFilter is null ? "" : $"--infilter=\"{importFilter}\" ";
        var info = new ProcessStartInfo("soffice", $"--headless --norestore -env:UserInstallation=file://{folder}/perfil {infilter}--convert-to \"{filter}\" --outdir \"{folder}\" \"{workbook}\"")
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using (var process = Process.Start(info) ?? throw new InvalidOperationException("soffice did not start: install libreoffice-calc-nogui (./test.sh does)."))
        {
            process.WaitForExit(120_000);
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        }
        var csv = Directory.GetFiles(folder, "*.csv").Single(f => f.EndsWith($"-{SheetName(sheet)}.csv", StringComparison.Ordinal) || Directory.GetFiles(folder, "*.csv").Length == 1);
        var rows = File.ReadAllLines(csv).Select(Fields).ToList();
        File.Delete(csv);
        return rows;
    }

    private static string SheetName(int sheet) => sheet == 1 ? ProgramWorkbook.ByUnitSheet : ProgramWorkbook.TransversalSheet;

    /// <summary>The fields of one CSV line: comma-separated, double quotes around fields that need them.</summary>
    internal static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    [GeneratedRegex("(<x:f>[^<]*</x:f>|<f>[^<]*</f>)<(?:x:)?v>[^<]*</(?:x:)?v>")]
    private static partial Regex CachedValue();

}
