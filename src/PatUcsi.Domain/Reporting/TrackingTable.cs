using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Reporting;

/// <summary>Which indicators the tracking table shows; every filter left empty shows them all.</summary>
public sealed record TrackingFilter(int? Objective = null, IndicatorStatus? Status = null, TrafficLight? TrafficLight = null)
{
    public bool IsEmpty => Objective is null && Status is null && TrafficLight is null;

    public bool Matches(IndicatorRow row) =>
        (Objective is null || row.ObjectiveNumber == Objective)
        && (Status is null || row.Figures?.Status == Status)
        && (TrafficLight is null || (row.Figures?.TrafficLight ?? Calculation.TrafficLight.None) == TrafficLight);
}

/// <summary>The indicators of one frequency, with a column group for each period of the year at that frequency.</summary>
public sealed record TrackingGroup(Frequency Frequency, IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<IndicatorRow> Rows)
{
    /// <summary>The row's point for a period of this group; null where the line has no months in it.</summary>
    public static PeriodPoint? Cell(IndicatorRow row, ReportingPeriod period) => row.Series.FirstOrDefault(p => p.Period.LastMonth == period.LastMonth);
}

/// <summary>A month whose due date has passed with indicators still unreported (or only in capture).</summary>
public sealed record OverdueMonth(int Month, int Indicators);

/// <summary>
/// Seguimiento: the program's official figures period by period (one table per frequency), the summary over them and the
/// overdue months. The page and the workbook render this one model.
/// </summary>
public sealed record TrackingTable(ProgramReport Report, TrackingFilter Filter, IReadOnlyList<TrackingGroup> Groups, IReadOnlyList<OverdueMonth> Overdue)
{
    public IReadOnlyDictionary<TrafficLight, int> TrafficLightCounts => Report.TrafficLightCounts;

    public int Shown => Groups.Sum(g => g.Rows.Count);

    public static TrackingTable Build(ProgramReport report, TrackingFilter filter)
    {
        var groups = report.Rows.Where(r => r.Figures is not null && filter.Matches(r))
            .GroupBy(r => r.Frequency)
            .OrderBy(g => (int)g.Key)
            .Select(g => new TrackingGroup(g.Key, ReportingCalendar.Periods(report.Year, g.Key, 1, 12),
                g.OrderBy(r => r.ObjectiveNumber).ToList()))
            .ToList();
        return new TrackingTable(report, filter, groups, OverdueMonths(report));
    }

    /// <summary>The months with an indicator's period due and unreported (or only in capture), and how many.</summary>
    public static IReadOnlyList<OverdueMonth> OverdueMonths(ProgramReport report) =>
        report.Rows
            .SelectMany(r => r.Timeline.Where(m => m.Kind == PeriodMarkKind.Missing || (m.Kind == PeriodMarkKind.Draft && m.IsLate)).Select(m => m.Period))
            .GroupBy(p => p.LastMonth)
            .OrderBy(g => g.Key)
            .Select(g => new OverdueMonth(g.Key, g.Count()))
            .ToList();
}

/// <summary>The sentences the tracking table prints, the same on the page and in the workbook.</summary>
public static class TrackingText
{
    public static string Subtitle(TrackingTable table) =>
        $"Cifras oficiales (informes aprobados) al {Display.LongDate(table.Report.AsOf)}." +
        (table.Filter.IsEmpty ? "" : $" Filtrado: {Filters(table)}.");

    public static string Filters(TrackingTable table)
    {
        var f = table.Filter;
        var parts = new List<string>();
        if (f.Objective is { } o) parts.Add($"objetivo {o}");
        if (f.Status is { } s) parts.Add($"estatus {OfficialTerms.Statuses[s]}");
        if (f.TrafficLight is { } l) parts.Add($"semáforo {OfficialTerms.TrafficLights[l].ToLowerInvariant()}");
        return string.Join(", ", parts);
    }

    public static string Empty(TrackingTable table) =>
        table.Report.Rows.Any(r => r.Figures is not null)
            ? "Ningún indicador coincide con los filtros."
            : "Este programa aún no tiene indicadores con meses programados.";
}
