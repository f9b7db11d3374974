using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Reporting;
using PatUcsi.Exports.Excel;
using PatUcsi.Exports.Pdf;

namespace PatUcsi.Exports.Tests;

public class PeriodReportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private PeriodReportView May(ReportState? state = null) => fixture.MayReport(state);

    [Fact]
    public void The_approved_report_prints_who_approved_it_its_late_mark_and_every_line()
    {
        var pages = Poppler.Pages(Poppler.Save(PeriodReportPdf.Build(May()), "informe-mayo.pdf"));
        var text = string.Join(" ", pages.Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\s+", " ")));

        Assert.Contains("INFORME DE AVANCE DE MAYO 2024", text);
        Assert.Contains("Aprobado por titular.ucsi el 21 de junio de 2024 a las 11:00.", text);
        Assert.Contains("Entregado fuera de plazo (fecha límite: 10 de junio de 2024).", text);
        Assert.Contains("Unidades: 1", text);
        Assert.Contains("Informe 5", text);
        Assert.Contains("Página 1 de", text);
        Assert.DoesNotContain("NO APROBADO", text);
    }

    [Fact]
    public void A_report_not_approved_says_so_on_every_page()
    {
        var pages = Poppler.Pages(Poppler.Save(PeriodReportPdf.Build(May(ReportState.Submitted)), "informe-no-aprobado.pdf"));

        Assert.All(pages, p => Assert.Contains("NO APROBADO", p));
    }

    [Fact]
    public void The_workbook_has_the_lines_with_their_values_and_status()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(PeriodReportWorkbook.Build(May())), false);
        var sheet = ((WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!)).Worksheet;
        var texts = sheet.Descendants<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text).ToList();

        Assert.Contains("INFORME DE AVANCE DE MAYO 2024", texts);
        Assert.Contains("Aprobado por titular.ucsi el 21 de junio de 2024 a las 11:00.", texts);
        Assert.Equal(PeriodReportWorkbook.Headers, texts.SkipWhile(t => t != "Línea de acción").Take(PeriodReportWorkbook.Headers.Count));
        Assert.Contains("1.1", texts);
        Assert.Contains("Informe 5", texts);
    }
}
