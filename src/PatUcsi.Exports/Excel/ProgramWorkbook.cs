using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
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

            var (byUnit, byUnitHeader) = ByUnit(report);
            Add(ByUnitSheet, byUnit, [8, 22, 22, 30, 40, 8, 8, 22, 26, 12, 12, 9, 12, 30, 12, 12, 14, 12, 12, 12], byUnitHeader, byUnitHeader, 18);
            var (transversal, transversalHeader) = Transversal(report);
            Add(TransversalSheet, transversal, [8, 26, 26, 30, 40, 8, 8, 12, 26, 30, 12, 12, 30, 10, 12, 12, 24, 24, 24, 12, 14, 18, 12, 14, 12, 12, 12],
                transversalHeader, transversalHeader, 25);
            var (schedule, scheduleHeader) = Schedule(report);
            Add(ScheduleSheet, schedule, [10, 70, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], scheduleHeader, scheduleHeader);

            workbook.Workbook.Append(printTitles);
            // Excel and LibreOffice recalculate on opening; readers that do not calculate show the cached values.
            workbook.Workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static (SheetWriter Writer, uint HeaderRow) ByUnit(ProgramReport report)
    {
        var w = new SheetWriter();
        var columns = OfficialFormats.ByUnitHeaders.Count;
        Titles(w, OfficialFormats.ByUnitTitles(report), columns, report);
        w.NextRow(60);
        for (var c = 0; c < columns; c++) w.Text(c + 1, OfficialFormats.ByUnitHeaders[c], Style.Header);
        HiddenHeaderCells(w, columns);
        var header = w.RowIndex;

        foreach (var r in report.ByUnitRows)
        {
            w.NextRow();
            var row = w.RowIndex;
            ObjectiveCells(w, r, [r.ObjectiveNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Policies, r.ProgramName, r.ObjectiveText]);
            w.Text(5, r.ActivityCell);
            w.Number(6, r.FirstMonth, Style.Centered);
            w.Number(7, r.LastMonth, Style.Centered);
            w.Text(8, r.Name);
            w.Text(9, r.CalculationMethod);
            w.Text(10, r.Frequency);
            w.Text(11, r.UnitOfMeasure);
            w.Number(12, r.Goal);
            w.Text(13, r.Budget);
            w.Text(14, r.ObservationsWithMarks);
            Achieved(w, 15, r);
            Percent(w, 16, r, goal: $"L{row}", achieved: $"O{row}");
            w.Text(17, r.StatusText);
            HiddenCells(w, 18, r);
        }
        return (w, header);
    }

    private static (SheetWriter Writer, uint HeaderRow) Transversal(ProgramReport report)
    {
        var w = new SheetWriter();
        var columns = OfficialFormats.TransversalHeaders.Count;
        Titles(w, OfficialFormats.TransversalTitles(report), columns, report);
        w.NextRow(75);
        for (var c = 0; c < columns; c++) w.Text(c + 1, OfficialFormats.TransversalHeaders[c], Style.Header);
        HiddenHeaderCells(w, columns);
        w.NextRow();
        var groups = OfficialFormats.TransversalGroupRow;
        for (var g = 0; g < groups.Count; g++)
        {
            var end = g + 1 < groups.Count ? groups[g + 1].Column : columns;
            w.Text(groups[g].Column + 1, groups[g].Text, Style.Header);
            for (var c = groups[g].Column + 2; c <= end; c++) w.Empty(c, Style.Header);
            w.Merge(groups[g].Column + 1, w.RowIndex, end, w.RowIndex);
        }
        var header = w.RowIndex;

        foreach (var r in report.TransversalRows)
        {
            w.NextRow();
            var row = w.RowIndex;
            ObjectiveCells(w, r, [r.ObjectiveNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ProgramName, r.Policies, r.ObjectiveText]);
            w.Text(5, r.ActivityCell);
            w.Number(6, r.FirstMonth, Style.Centered);
            w.Number(7, r.LastMonth, Style.Centered);
            w.Text(8, r.Dimension);
            w.Text(9, r.Name);
            w.Text(10, r.CalculationMethod);
            w.Text(11, r.Frequency);
            w.Text(12, r.UnitOfMeasure);
            w.Text(13, r.Baseline);
            w.Number(14, r.Goal);
            w.Text(15, r.Trend);
            w.Text(16, r.Budget);
            w.Text(17, r.ObservationsWithMarks);
            w.Text(18, r.Value1Label);
            w.Text(19, r.Value2Label);
            Achieved(w, 20, r);
            Remaining(w, 21, r, goal: $"N{row}", achieved: $"T{row}");
            w.Text(22, r.VerifiableIn);
            Percent(w, 23, r, goal: $"N{row}", achieved: $"T{row}");
            w.Text(24, r.StatusText);
            HiddenCells(w, 25, r);
        }
        return (w, header);
    }

    private static (SheetWriter Writer, uint HeaderRow) Schedule(ProgramReport report)
    {
        var w = new SheetWriter();
        w.NextRow(20);
        w.Text(1, OfficialFormats.Institute, Style.Title);
        w.Merge(1, 1, 14, 1);
        w.NextRow(20);
        w.Text(1, $"6. CRONOGRAMA · {report.Title}", Style.Title);
        w.Merge(1, 2, 14, 2);
        w.NextRow();
        w.Text(1, "Línea de Acción", Style.Header);
        w.Empty(2, Style.Header);
        w.Merge(1, w.RowIndex, 2, w.RowIndex);
        for (var m = 1; m <= 12; m++) w.Text(m + 2, Months.Abbreviation(m), Style.Header);
        var header = w.RowIndex;

        foreach (var (group, label) in new[] { (ObjectiveGroup.UnitActivities, "A. Actividades de la Unidad"), (ObjectiveGroup.Transversal, "Objetivos con transversalidad:") })
        {
            var objectives = report.Group(group).ToList();
            if (objectives.Count == 0) continue;
            w.NextRow();
            w.Text(1, label, Style.Group);
            for (var c = 2; c <= 14; c++) w.Empty(c, Style.Group);
            w.Merge(1, w.RowIndex, 14, w.RowIndex);
            foreach (var o in objectives)
            {
                w.NextRow();
                w.Text(1, o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Style.Group);
                w.Text(2, o.Text, Style.Group);
                for (var m = 1; m <= 12; m++) w.Empty(m + 2, Style.Group);
                foreach (var l in o.ActionLines)
                {
                    w.NextRow();
                    w.Text(1, l.Number);
                    w.Text(2, l.Text);
                    for (var m = 1; m <= 12; m++)
                        if (l.Schedule.Contains(m)) w.Text(m + 2, "X", Style.MonthOn);
                        else w.Empty(m + 2, Style.MonthOff);
                }
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

    private static void HiddenHeaderCells(SheetWriter w, int columns)
    {
        for (var c = 0; c < OfficialFormats.HiddenHeaders.Count; c++) w.Text(columns + c + 1, OfficialFormats.HiddenHeaders[c], Style.Header);
    }

    private static void HiddenCells(SheetWriter w, int first, IndicatorRow r)
    {
        w.Text(first, r.Type, Style.Default);
        w.Text(first + 1, r.GoalText, Style.Default);
        w.Text(first + 2, r.Accumulates ? "Sí" : "No", Style.Default);
    }

    /// <summary>The four objective columns, written on the objective's first row and merged down over its rows.</summary>
    private static void ObjectiveCells(SheetWriter w, IndicatorRow r, string?[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            if (r.ObjectiveRowSpan > 0)
            {
                w.Text(c + 1, values[c]);
                w.Merge(c + 1, w.RowIndex, c + 1, w.RowIndex + (uint)r.ObjectiveRowSpan - 1);
            }
            else
            {
                w.Empty(c + 1, Style.Text);
            }
        }
    }


    /// <summary>Meta alcanzada: what was approved; empty while nothing has been (the screens show "—").</summary>
    private static void Achieved(SheetWriter w, int column, IndicatorRow r)
    {
        if (r.Figures is { HasValues: true } f) w.Number(column, f.Achieved);
        else w.Empty(column, Style.Number);
    }

    private static Trend TrendOf(IndicatorRow r) => OfficialTerms.Parse(OfficialTerms.Trends, r.Trend) ?? Trend.Increase;

    /// <summary>% de la meta cumplido as an Excel formula of meta and alcanzada, following the direction rules.</summary>
    private static void Percent(SheetWriter w, int column, IndicatorRow r, string goal, string achieved)
    {
        var trend = TrendOf(r);
        var formula = trend switch
        {
            Trend.Increase => $"IF({goal}=0,\"N/A\",IF({achieved}=\"\",0,{achieved}/{goal}))",
            Trend.Decrease => $"IF({achieved}=\"\",0,IF({goal}=0,IF({achieved}=0,1,0),IF({achieved}=0,1,{goal}/{achieved})))",
            _ => $"IF({goal}=0,\"N/A\",IF({achieved}=\"\",0,MAX(0,1-ABS({achieved}-{goal})/{goal})))",
        };
        if (Compliance.Percent(trend, r.Goal, 0) is null) // a goal of 0 that no percentage applies to
        {
            w.Formula(column, formula, null, "N/A", Style.Percent);
            return;
        }
        // The exact value Excel computes (the app shows it rounded to one decimal, as the cell's format does).
        var cached = r.Figures is { HasValues: true } f ? Compliance.Percent(trend, r.Goal, f.Achieved)!.Value / 100 : 0;
        w.Formula(column, formula, cached, null, Style.Percent);
    }

    /// <summary>Meta por alcanzar as an Excel formula.</summary>
    private static void Remaining(SheetWriter w, int column, IndicatorRow r, string goal, string achieved)
    {
        var trend = TrendOf(r);
        var formula = trend switch
        {
            Trend.Increase => $"MAX({goal}-N({achieved}),0)",
            Trend.Decrease => $"MAX(N({achieved})-{goal},0)",
            _ => $"ABS({goal}-N({achieved}))",
        };
        w.Formula(column, formula, Compliance.Remaining(trend, r.Goal, r.Figures?.HasValues == true ? r.Figures.Achieved : 0), null, Style.Number);
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
