using DocumentFormat.OpenXml;
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
        SheetPart Part(string name, SheetWriter writer, double[] widths, uint header, int hiddenFrom) =>
            new(name, writer, widths, header, (report.UnitName, $"{name} · Programa Anual de Trabajo {report.Year}"), header, hiddenFrom);

        var parts = IndicatorTable.All.Select(table =>
        {
            var (writer, header) = Indicators(report, table);
            return Part(SheetName(table), writer, [.. table.Columns.Concat(table.HiddenColumns).Select(c => c.ExcelWidth)], header, table.Columns.Count + 1);
        }).ToList();
        var (schedule, scheduleHeader) = Schedule(report);
        parts.Add(Part(ScheduleSheet, schedule, [.. ScheduleTable.Columns.Concat(ScheduleTable.HiddenColumns).Select(c => c.ExcelWidth)],
            scheduleHeader, ScheduleTable.Columns.Count + 1));
        return WorkbookFile.Save(parts, recalculate: true); // derived columns are formulas
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
        w.Headers(ScheduleTable.HiddenColumns, columns + 1);
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
                w.Cells(ScheduleTable.HiddenColumns, row, columns + 1);
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

    /// <summary>
    /// A sheet ready to print: widths, frozen headers, row heights that fit the wrapped text, landscape fitted to the
    /// page's width, and a running header (<paramref name="running"/>: left, right) with "Página N de M" below.
    /// </summary>
    internal static Worksheet Worksheet(SheetWriter writer, double[] widths, uint freezeRow, (string Left, string Right) running, int hiddenFrom = 0)
    {
        FitRowHeights(writer, widths, hiddenFrom);
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
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 1, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(
                new OddHeader($"&L&8{Escaped(running.Left)}&R&8{Escaped(running.Right)}"),
                new OddFooter("&C&8Página &P de &N")));
        return worksheet;
    }

    /// <summary>"&amp;" starts a code in a header: a literal one is written twice.</summary>
    private static string Escaped(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

    private const double LineHeight = 12.75; // Arial 10, in points

    /// <summary>
    /// Spreadsheet programs do not grow a row for wrapped text when they print: each row gets the height of its
    /// tallest wrapped cell, estimated from the text's length and the column's width (a width unit is one digit;
    /// bold text is taken a tenth wider). Cells merged over several columns or rows are left as they are.
    /// </summary>
    private static void FitRowHeights(SheetWriter writer, double[] widths, int hiddenFrom)
    {
        var merges = writer.Merges.Select(m => m.Split(':')).ToDictionary(m => m[0], m => m[1]);
        var rows = writer.Data.Elements<Row>().ToDictionary(r => r.RowIndex!.Value);
        double Needed(Cell cell)
        {
            var column = ColumnIndex(cell.CellReference!.Value!);
            var style = (Style)(cell.StyleIndex?.Value ?? 0);
            if (cell.InlineString is null || column > widths.Length || (hiddenFrom > 0 && column >= hiddenFrom)
                || style is not (Style.Text or Style.Header or Style.Group)) return 0;
            var perLine = Math.Max(1, (widths[column - 1] - 1) / (style == Style.Text ? 1.0 : 1.1));
            return cell.InlineString.InnerText.Split('\n').Sum(p => Math.Max(1, (int)Math.Ceiling(p.Length / perLine))) * LineHeight + 3;
        }

        foreach (var row in rows.Values)
        {
            var height = row.Elements<Cell>().Where(c => !merges.ContainsKey(c.CellReference!.Value!)).Select(Needed).DefaultIfEmpty(0).Max();
            if (row.Height?.Value is { } custom && custom >= height) continue;
            (row.Height, row.CustomHeight) = (Math.Max(height, LineHeight + 3), true);
        }
        // A cell merged down over an objective's rows: the last of them grows by what the rows together lack.
        foreach (var cell in rows.Values.SelectMany(r => r.Elements<Cell>()))
        {
            if (!merges.TryGetValue(cell.CellReference!.Value!, out var end)) continue;
            var (first, last) = (RowIndex(cell.CellReference.Value!), RowIndex(end));
            if (ColumnIndex(end) != ColumnIndex(cell.CellReference.Value!) || last == first) continue;
            var lacking = Needed(cell) - Enumerable.Range((int)first, (int)(last - first + 1)).Sum(i => rows[(uint)i].Height!.Value);
            if (lacking > 0) rows[last].Height = rows[last].Height!.Value + lacking;
        }
    }

    private static uint RowIndex(string reference) =>
        uint.Parse(reference.AsSpan(reference.TakeWhile(char.IsLetter).Count()), System.Globalization.CultureInfo.InvariantCulture);

    private static int ColumnIndex(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));
}
