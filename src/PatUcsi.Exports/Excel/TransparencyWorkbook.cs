using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Excel;

/// <summary>
/// The national transparency platform's format for "indicadores de objetivos y resultados", one row per
/// indicator, for one quarter (the report given must be as of the quarter's last day).
/// </summary>
public static class TransparencyWorkbook
{
    public static byte[] Build(ProgramReport report, int quarter, DateOnly updatedOn)
    {
        var columns = TransparencyTable.Columns;
        var w = new SheetWriter();
        w.NextRow(18);
        w.Text(1, $"Indicadores de objetivos y resultados · {report.UnitName} · {report.Year}, trimestre {quarter}", Style.Title);
        w.Merge(1, 1, columns.Count, 1);
        w.NextRow();
        w.Text(1, TransparencyTable.CutOff(TransparencyTable.Quarter(report.Year, quarter).Last, updatedOn), Style.Default);
        w.Merge(1, 2, columns.Count, 2);
        w.NextRow(60);
        w.Headers(columns);
        foreach (var row in TransparencyTable.Rows(report, quarter, updatedOn))
        {
            w.NextRow();
            w.Cells(columns, row);
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Create();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = ProgramWorkbook.Worksheet(w, [.. columns.Select(c => c.ExcelWidth)], 3, (report.UnitName, $"Indicadores de objetivos y resultados {report.Year}, trimestre {quarter}"));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Reporte de Formatos" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
