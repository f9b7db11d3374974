using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Reporting;
using PatUcsi.Exports.Excel;
using PatUcsi.Exports.Pdf;

namespace PatUcsi.Exports.Tests;

/// <summary>The institute's quarterly report and the period report's chart, read back from the real files.</summary>
public sealed class QuarterlyReportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private QuarterlyReport Quarterly() => fixture.Quarterly();

    [Fact]
    public void The_pdf_prints_every_unit_the_red_indicators_and_bars_as_long_as_their_figures()
    {
        var q = Quarterly();
        var path = Poppler.Save(QuarterlyReportPdf.Build(q), "informe-trimestral-2024-t2.pdf");
        var text = string.Join("\n", Poppler.Pages(path));
        Poppler.Images(path, 1, 2);

        Assert.Contains("Informe trimestral de avance del Programa Anual de Trabajo institucional 2024", text);
        Assert.Contains("Trimestre 2 (cifras al 30 de junio de 2024)", text);
        Assert.Contains($"Avance general del instituto: {Display.Percent(fixture.Report.OverallPercent)} %", text);
        Assert.Matches($"UCSI · Unidad de Cómputo y Servicios\\s+Aprobado\\s+{System.Text.RegularExpressions.Regex.Escape(Display.Percent(fixture.Report.OverallPercent))}", text);
        Assert.Matches("DEOE · Dirección Ejecutiva de Organización\\s+Sin programa", text);
        var red = fixture.Report.Rows.Where(r => r.Figures?.TrafficLight == TrafficLight.Red && !r.IsCancelled).ToList();
        Assert.NotEmpty(red);
        Assert.Equal(red.Count, q.Red.Count);
        foreach (var row in red) Assert.Contains(row.Name[..Math.Min(30, row.Name.Length)], text, StringComparison.Ordinal);

        // The chart on page 1: UCSI's bar is as long as its avance on a 0–100 scale 550 points wide (landscape letter,
        // less margins, labels and values), drawn a pixel a point.
        var page = Poppler.Pixels(path, 1);
        var blue = Poppler.Runs(page, 0x0a, 0x3a, 0x82); // the topmost blue bar is UCSI's; EN PROCESO's follows in the estatus chart
        var expected = (double)fixture.Report.OverallPercent!.Value / 100 * (792 - 2 * 42 - 110 - 48);
        Assert.InRange(blue[0], expected - 2, expected + 2);
        // The estatus chart: ATRASADA and NO CUMPLIDA in red, each as long as its count on a scale rounded up to a multiple of 4.
        var counts = q.Overview.StatusCounts;
        var scale = Math.Ceiling(counts.Values.Max() / 4m) * 4;
        var longestRed = Poppler.Runs(page, 0xc8, 0x10, 0x2e).Max();
        var expectedRed = (double)(Math.Max(counts.GetValueOrDefault(IndicatorStatus.Late), counts.GetValueOrDefault(IndicatorStatus.NotMet)) / scale) * (792 - 2 * 42 - 110 - 48);
        Assert.InRange(longestRed, expectedRed - 2, expectedRed + 2);
    }

    [Fact]
    public void The_workbook_has_the_units_and_the_red_indicators()
    {
        var q = Quarterly();
        using var stream = new MemoryStream(QuarterlyWorkbook.Build(q));
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Unidades", "Indicadores en rojo"], sheets.Select(s => s.Name!.Value));
        Row[] Rows(Sheet s) => [.. ((WorksheetPart)part.GetPartById(s.Id!)).Worksheet.Descendants<Row>()];
        string? Text(Cell c) => c.InlineString?.Text?.Text ?? c.CellValue?.Text;

        var ucsi = Rows(sheets[0]).Single(r => Text(r.Elements<Cell>().First()) == "UCSI").Elements<Cell>().ToList();
        Assert.Equal(fixture.Report.OverallPercent!.Value / 100, decimal.Parse(ucsi[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fixture.Report.StatusCounts.GetValueOrDefault(IndicatorStatus.Late).ToString(System.Globalization.CultureInfo.InvariantCulture), ucsi[6].CellValue!.Text);
        Assert.Equal(q.Red.Count, Rows(sheets[1]).Length - 4); // title, subtitle, cut-off, headers
    }

    [Fact]
    public void The_period_report_draws_each_lines_progress_as_a_bar()
    {
        var view = fixture.MayReport();
        var path = Poppler.Save(PeriodReportPdf.Build(view), "informe-mayo-grafica.pdf");
        Assert.Contains("Avance respecto de lo programado de cada línea reportada (%)", Poppler.Pages(path)[0]);
        Poppler.Images(path, 1, 1);
        // Line 1.1 as of 15 July: five documents of six programmed (June is due), 83.3 %, yellow: that share of the
        // 370-point scale of portrait letter less its margins, labels and values.
        var line = view.Lines.Single(l => l.Number == "1.1");
        Assert.Equal(TrafficLight.Yellow, line.Figures!.TrafficLight);
        var yellow = Poppler.Runs(Poppler.Pixels(path, 1), 0xb3, 0x86, 0x00);
        var expected = (double)line.Figures.ProgressVsProgrammed!.Value / 100 * (612 - 2 * 42 - 110 - 48);
        Assert.InRange(yellow[0], expected - 2, expected + 2);
    }
}
