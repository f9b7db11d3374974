using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Excel;

/// <summary>
/// The official workbook: the "por órgano" format, the transversal format and the cronograma, with the
/// source document's title rows and headers word for word. Derived columns are Excel formulas whose
/// values, as the app computes them, are cached in the file.
/// </summary>
public static class ProgramWorkbook
{
    public const string ByUnitSheet = "Por órgano";
    public const string TransversalSheet = "Transversalidad";
    public const string ScheduleSheet = "Cronograma";

    public static byte[] Build(ProgramReport report)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Create();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var printTitles = new DefinedNames();

            void Add(string name, SheetWriter writer, double[] widths, uint headerRows, uint freezeRow, int hiddenFrom = 0)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(writer, widths, freezeRow, hiddenFrom);
                var index = (uint)sheets.ChildElements.Count;
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = index + 1, Name = name });
                printTitles.Append(new DefinedName($"'{name}'!$1:${headerRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = index });
            }

            foreach (var table in IndicatorTable.All)
            {
                var (writer, header) = Indicators(report, table);
                Add(SheetName(table), writer, [.. table.Columns.Concat(table.HiddenColumns).Select(c => c.ExcelWidth)], header, header, table.Columns.Count + 1);
            }
            var (schedule, scheduleHeader) = Schedule(report);
            Add(ScheduleSheet, schedule, [.. ScheduleTable.Columns.Select(c => c.ExcelWidth)], scheduleHeader, scheduleHeader);

            workbook.Workbook.Append(printTitles);
            // Excel and LibreOffice recalculate on opening; readers that do not calculate show the cached values.
            workbook.Workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    public static string SheetName(IndicatorTable table) => table.Format == IndicatorFormat.ByUnit ? ByUnitSheet : TransversalSheet;

    /// <summary>A format's sheet: its titles, headers (and group row), one row per indicator, then the hidden columns.</summary>
    private static (SheetWriter Writer, uint HeaderRow) Indicators(ProgramReport report, IndicatorTable table)
    {
        var w = new SheetWriter();
        var columns = table.Columns.Count;
        Titles(w, table.Titles(report), columns, report);
        w.NextRow(table.GroupRow.Count > 0 ? 75 : 60);
        w.Headers(table.Columns);
        w.Headers(table.HiddenColumns, columns + 1);
        if (table.GroupRow.Count > 0)
        {
            w.NextRow();
            foreach (var (first, last, text) in table.GroupSpans)
            {
                w.Text(first + 1, text, Style.Header);
                for (var c = first + 2; c <= last + 1; c++) w.Empty(c, Style.Header);
                w.Merge(first + 1, w.RowIndex, last + 1, w.RowIndex);
            }
        }
        var header = w.RowIndex;

        foreach (var r in table.Rows(report))
        {
            w.NextRow();
            w.Cells(table.Columns, r, objectiveRowSpan: r.ObjectiveRowSpan);
            w.Cells(table.HiddenColumns, r, columns + 1);
        }
        return (w, header);
    }

    private static (SheetWriter Writer, uint HeaderRow) Schedule(ProgramReport report)
    {
        var w = new SheetWriter();
        var columns = ScheduleTable.Columns.Count;
        foreach (var title in new[] { OfficialFormats.Institute, $"6. CRONOGRAMA · {report.Title}" })
        {
            w.NextRow(20);
            w.Text(1, title, Style.Title);
            w.Merge(1, w.RowIndex, columns, w.RowIndex);
        }
        w.NextRow();
        w.Headers(ScheduleTable.Columns);
        var header = w.RowIndex;

        foreach (var group in ScheduleTable.Groups(report))
        {
            w.NextRow();
            w.Text(1, group.Label, Style.Group);
            for (var c = 2; c <= columns; c++) w.Empty(c, Style.Group);
            w.Merge(1, w.RowIndex, columns, w.RowIndex);
            foreach (var row in group.Rows)
            {
                w.NextRow();
                w.Cells(ScheduleTable.Columns, row, style: row.IsObjective ? Style.Group : null);
            }
        }
        return (w, header);
    }

    private static void Titles(SheetWriter w, IReadOnlyList<string> titles, int columns, ProgramReport report)
    {
        foreach (var title in titles)
        {
            w.NextRow(title.Length > 150 ? 30 : 16);
            w.Text(1, title, Style.Title);
            w.Merge(1, w.RowIndex, columns, w.RowIndex);
        }
        if (!report.IsDraft) return;
        w.NextRow(18);
        w.Text(1, $"BORRADOR · {OfficialTerms.ProgramStates[report.State]}", Style.Draft);
        w.Merge(1, w.RowIndex, columns, w.RowIndex);
    }

    internal static Worksheet Worksheet(SheetWriter writer, double[] widths, uint freezeRow, int hiddenFrom = 0)
    {
        var columns = new Columns(widths.Select((width, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true, Hidden = hiddenFrom > 0 && i + 1 >= hiddenFrom ? true : null,
        }));
        var topLeft = SheetWriter.Reference(1, freezeRow + 1);
        var view = new SheetView(new Pane
        {
            VerticalSplit = freezeRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
        { WorkbookViewId = 0 };
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            writer.Data);
        if (writer.Merges.Count > 0)
            worksheet.Append(new MergeCells(writer.Merges.Select(m => new MergeCell { Reference = m })));
        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 1, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }
}
