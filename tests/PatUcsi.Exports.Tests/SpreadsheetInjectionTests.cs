using System.Text;
using PatUcsi.Domain.Reporting;
using PatUcsi.Exports.Excel;
using PatUcsi.Exports.OpenData;

namespace PatUcsi.Exports.Tests;

/// <summary>
/// Texts a spreadsheet would take for formulas (OWASP's CSV injection list) never become formulas: the CSV opens
/// them as text, the workbook keeps them as text, and LibreOffice shows them literally.
/// </summary>
public class SpreadsheetInjectionTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static readonly string[] Hostile = ["=1+1", "+1+1", "-1+1", "@SUM(1;1)", "\t=1+1", "=HYPERLINK(\"http://127.0.0.1\";\"x\")"];

    /// <summary>The UCSI 2024 report with a hostile text in every free-text field of its first indicator.</summary>
    private ProgramReport HostileReport()
    {
        var rows = fixture.Report.ByUnitRows.ToList();
        rows[0] = rows[0] with
        {
            Name = Hostile[0], Activity = Hostile[1], CalculationMethod = Hostile[2], UnitOfMeasure = Hostile[3], Observations = Hostile[4],
            Budget = Hostile[5], BaselineText = Hostile[0], VerifiableIn = Hostile[1], ProgramName = Hostile[2], Policies = Hostile[3], ObjectiveText = Hostile[0],
        };
        return fixture.Report with { ByUnitRows = rows };
    }

    [Fact]
    public void Every_hostile_text_opens_as_text_in_the_csv()
    {
        var csv = Encoding.UTF8.GetString(IndicatorData.ToCsv(HostileReport())[3..]);
        var cells = LibreOfficeTests.Fields(csv.Split(Environment.NewLine).Single(l => l.Contains(",1.1,", StringComparison.Ordinal)));

        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        Assert.True(cells.Count(c => Hostile.Any(h => c == "'" + h)) >= 5, string.Join(" | ", cells)); // the CSV carries five of the texts
    }

    [Fact]
    public void LibreOffice_shows_the_texts_of_the_csv_and_of_the_workbook_literally()
    {
        var folder = Directory.CreateTempSubdirectory("pat-inyeccion").FullName;
        var input = Directory.CreateDirectory(Path.Combine(folder, "entrada")).FullName; // LibreOffice writes its CSV beside, in folder
        var csvFile = Path.Combine(input, "indicadores.csv");
        File.WriteAllBytes(csvFile, IndicatorData.ToCsv(HostileReport()));
        var workbook = Path.Combine(input, "programa.xlsx");
        File.WriteAllBytes(workbook, ProgramWorkbook.Build(HostileReport()));

        // Comma-separated UTF-8, with LibreOffice's own choice of evaluating formulas on import.
        var fromCsv = LibreOfficeTests.Convert(csvFile, folder, 1, "CSV:44,34,76,1").Single(l => l.Contains("1.1"));
        var fromWorkbook = LibreOfficeTests.Convert(workbook, folder, 1).Single(l => l.Length > 4 && l[4].EndsWith("+1+1", StringComparison.Ordinal));

        Assert.Contains(fromCsv, cell => cell.EndsWith("=1+1", StringComparison.Ordinal));
        Assert.Contains(fromCsv, cell => cell.EndsWith("@SUM(1;1)", StringComparison.Ordinal));
        Assert.DoesNotContain("2", fromCsv.Take(12)); // no text was computed (the figures come later in the row)
        Assert.Contains("=1+1", fromWorkbook);
        Assert.Contains("@SUM(1;1)", fromWorkbook);
        Assert.Contains(fromWorkbook, cell => cell.StartsWith("=HYPERLINK", StringComparison.Ordinal));
        Directory.Delete(folder, recursive: true);
    }
}
