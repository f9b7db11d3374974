using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Excel;

/// <summary>
/// The tracking table (seguimiento) as a workbook, laid out as the page shows it: one sheet per frequency, a column group
/// per period (programada, alcanzada, %, semáforo) and the year's total.
/// </summary>
public static class TrackingWorkbook
{
    /// <summary>The sub-columns of each period and of the year's total, as the page heads them.</summary>
    public static readonly string[] PeriodHeaders = ["Programada", "Alcanzada", "% avance", "Semáforo"];
    public static readonly string[] TotalHeaders = ["Programada a la fecha", "Alcanzada", "% cumplido", "Semáforo", "Estatus"];

    public static byte[] Build(TrackingTable table)
    {
        var running = (table.Report.UnitName, $"Seguimiento de indicadores {table.Report.Year}");
        // A workbook needs a sheet: with nothing to show it still says why.
        var groups = table.Groups.Count > 0 ? table.Groups : [new TrackingGroup(Domain.Indicators.Frequency.Monthly, [], [])];
        return WorkbookFile.Save([.. groups.Select(group =>
        {
            var (writer, widths) = Sheet(table, group);
            return new SheetPart(OfficialTerms.Frequencies[group.Frequency], writer, widths, 4, running);
        })]);
    }

    private static (SheetWriter Writer, double[] Widths) Sheet(TrackingTable table, TrackingGroup group)
    {
        var report = table.Report;
        var last = 3 + group.Periods.Count * PeriodHeaders.Length + TotalHeaders.Length;
        var w = new SheetWriter();
        w.NextRow(18);
        w.Text(1, $"Seguimiento de indicadores {OfficialTerms.Frequencies[group.Frequency].ToLowerInvariant()}es · {report.UnitName} · {report.Year}", Style.Title);
        w.Merge(1, 1, last, 1);
        w.NextRow();
        w.Text(1, TrackingText.Subtitle(table), Style.Default);
        w.Merge(1, 2, last, 2);

        w.NextRow(30);
        string[] fixedHeaders = ["Línea", "Indicador", "Meta anual"];
        for (var i = 0; i < fixedHeaders.Length; i++)
        {
            w.Text(i + 1, fixedHeaders[i], Style.Header);
            w.Merge(i + 1, 3, i + 1, 4);
        }
        var column = 4;
        foreach (var label in group.Periods.Select(p => p.Label).Append("Total del año"))
        {
            var span = label == "Total del año" ? TotalHeaders.Length : PeriodHeaders.Length;
            w.Text(column, label, Style.Header);
            for (var i = 1; i < span; i++) w.Empty(column + i, Style.Header);
            w.Merge(column, 3, column + span - 1, 3);
            column += span;
        }
        w.NextRow(30);
        for (var i = 1; i <= 3; i++) w.Empty(i, Style.Header);
        column = 4;
        foreach (var header in group.Periods.SelectMany(_ => PeriodHeaders).Concat(TotalHeaders)) w.Text(column++, header, Style.Header);

        if (group.Rows.Count == 0)
        {
            w.NextRow();
            w.Text(1, TrackingText.Empty(table), Style.Text);
            w.Merge(1, w.RowIndex, last, w.RowIndex);
        }
        foreach (var row in group.Rows)
        {
            w.NextRow();
            w.Text(1, row.ActionLineNumber, Style.Centered);
            w.Text(2, row.Name);
            w.Text(3, row.GoalShown, Style.Number);
            column = 4;
            foreach (var period in group.Periods)
            {
                var point = TrackingGroup.Cell(row, period);
                w.Number(column, point?.Programmed);
                w.Number(column + 1, point?.Achieved is { } a ? Math.Round(a, 2) : null);
                w.Number(column + 2, point?.Percent / 100, Style.Percent);
                w.Text(column + 3, point is null || point.TrafficLight == TrafficLight.None ? null : OfficialTerms.TrafficLights[point.TrafficLight], Style.Centered);
                column += PeriodHeaders.Length;
            }
            var f = row.Figures!;
            w.Number(column, f.ProgrammedToDate);
            w.Number(column + 1, f.HasValues ? Math.Round(f.Achieved, 2) : null);
            w.Number(column + 2, f.Percent / 100, Style.Percent);
            w.Text(column + 3, OfficialTerms.TrafficLights[f.TrafficLight], Style.Centered);
            w.Text(column + 4, row.StatusText, Style.Centered);
        }
        double[] widths = [8, 45, 10, .. Enumerable.Repeat(11d, last - 3)];
        return (w, widths);
    }
}
