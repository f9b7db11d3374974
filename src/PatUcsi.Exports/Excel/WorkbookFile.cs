using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PatUcsi.Exports.Excel;

/// <summary>
/// One sheet of a workbook: its content and column widths, the row frozen under its headers, the running head of its
/// printed pages, the rows repeated on every printed page (0: none) and the first hidden column (0: none).
/// </summary>
internal sealed record SheetPart(string Name, SheetWriter Writer, double[] Widths, uint FreezeRow, (string Left, string Right) Running,
    uint PrintTitleRows = 0, int HiddenFrom = 0);

/// <summary>The package every workbook of the app is: the shared styles, then its sheets in order.</summary>
internal static class WorkbookFile
{
    /// <param name="recalculate">Ask Excel and LibreOffice to recalculate on opening (readers that do not calculate show the cached values).</param>
    public static byte[] Save(IReadOnlyList<SheetPart> sheets, bool recalculate = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Create();
            var list = workbook.Workbook.AppendChild(new Sheets());
            var printTitles = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = ProgramWorkbook.Worksheet(sheet.Writer, sheet.Widths, sheet.FreezeRow, sheet.Running, sheet.HiddenFrom);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)i + 1, Name = sheet.Name });
                if (sheet.PrintTitleRows > 0)
                    printTitles.Append(new DefinedName($"'{sheet.Name}'!$1:${sheet.PrintTitleRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            }
            if (printTitles.HasChildren) workbook.Workbook.Append(printTitles);
            if (recalculate) workbook.Workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
