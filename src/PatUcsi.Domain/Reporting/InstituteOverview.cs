using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Domain.Reporting;

/// <summary>Where a unit's month stands for the Junta's grid.</summary>
public enum MonthState
{
    /// <summary>No indicator has a period ending this month: nothing to report.</summary>
    NothingDue = 0,
    Upcoming = 1,
    InCapture = 2,
    Returned = 3,
    Overdue = 4,
    Sent = 5,
    Approved = 6,
}

/// <summary>A month of a unit: its state and whether it was (or is being) reported after its due date.</summary>
public sealed record MonthCell(int Month, MonthState State, bool IsLate);

/// <summary>A month's report as stored: enough for the grid and the "last approval" column.</summary>
public sealed record ReportStatus(int Month, ReportState State, bool IsLate, DateTime? ApprovedAtUtc);

/// <summary>One unit's program of a year as the Junta compares it with the others (or with its own other years).</summary>
/// <param name="Report">The approved program's figures as of the overview's date; null while the program is not approved.</param>
/// <param name="LastApprovalUtc">When the unit's latest month report was approved.</param>
public sealed record UnitYear(
    int UnitId, string UnitShortName, string UnitName, int Year, int? ProgramId, ProgramState? State, ProgramReport? Report,
    IReadOnlyList<MonthCell> Months, DateTime? LastApprovalUtc)
{
    /// <summary>The report's avance general, computed once (the pages read it many times).</summary>
    public decimal? OverallPercent { get; private init; }

    /// <summary>The report's indicators per estatus, counted once.</summary>
    public IReadOnlyDictionary<IndicatorStatus, int> StatusCounts { get; private init; } = new Dictionary<IndicatorStatus, int>();

    public int Overdue => Months.Count(m => m.State == MonthState.Overdue);

    /// <summary>Months reported (sent or approved) after their due date.</summary>
    public int ReportedLate => Months.Count(m => m.IsLate && m.State is MonthState.Sent or MonthState.Approved);

    /// <summary>
    /// The row of a unit: each month's state from its report, or, without one, from the program's indicators (a month
    /// with an unreported period whose due date has passed is overdue).
    /// </summary>
    public static UnitYear Of(int unitId, string shortName, string name, int year, int? programId, ProgramState? state, ProgramReport? report,
        IReadOnlyCollection<ReportStatus> reports)
    {
        var overdue = report is null ? [] : TrackingTable.OverdueMonths(report).Select(o => o.Month).ToHashSet();
        var due = report is null ? [] : report.Rows.SelectMany(r => r.Timeline).Select(m => m.Period.LastMonth).ToHashSet();
        var months = Enumerable.Range(1, 12).Select(month =>
        {
            var stored = reports.FirstOrDefault(r => r.Month == month);
            var late = overdue.Contains(month);
            var monthState = stored?.State switch
            {
                ReportState.Approved => MonthState.Approved,
                ReportState.Submitted => MonthState.Sent,
                ReportState.Returned => late ? MonthState.Overdue : MonthState.Returned,
                ReportState.Draft => late ? MonthState.Overdue : MonthState.InCapture,
                _ => late ? MonthState.Overdue : due.Contains(month) ? MonthState.Upcoming : MonthState.NothingDue,
            };
            return new MonthCell(month, report is null ? MonthState.NothingDue : monthState, stored?.IsLate ?? false);
        }).ToList();
        return new UnitYear(unitId, shortName, name, year, programId, state, report, months,
            reports.Where(r => r.State == ReportState.Approved).Max(r => r.ApprovedAtUtc))
        {
            OverallPercent = report?.OverallPercent,
            StatusCounts = report?.StatusCounts ?? new Dictionary<IndicatorStatus, int>(),
        };
    }
}

/// <summary>Every unit of one year side by side, as the Junta reads them.</summary>
public sealed record InstituteOverview(int Year, DateOnly AsOf, IReadOnlyList<UnitYear> Units)
{
    /// <summary>The institute's avance general: the mean of the units' (each unit weighs the same, whatever its size).</summary>
    public decimal? OverallPercent
    {
        get
        {
            var percents = Units.Where(u => u.OverallPercent is not null).Select(u => u.OverallPercent!.Value).ToList();
            return percents.Count == 0 ? null : Compliance.Round(percents.Average());
        }
    }

    public IReadOnlyDictionary<IndicatorStatus, int> StatusCounts =>
        Units.SelectMany(u => u.StatusCounts).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
}
