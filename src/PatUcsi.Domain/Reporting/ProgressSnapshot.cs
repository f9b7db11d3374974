using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Domain.Reporting;

/// <summary>Where one period of an indicator stands.</summary>
public enum PeriodMarkKind
{
    /// <summary>Not due yet and nothing reported.</summary>
    Upcoming = 0,
    /// <summary>Due and not reported (or only in a draft).</summary>
    Missing = 1,
    /// <summary>Being captured: in a draft or returned report.</summary>
    Draft = 2,
    /// <summary>Sent, waiting for the Titular.</summary>
    Submitted = 3,
    /// <summary>Approved: counts in the official figures.</summary>
    Approved = 4,
}

public sealed record PeriodMark(ReportingPeriod Period, PeriodMarkKind Kind, bool IsLate);

/// <summary>What has been reported for a program: the values and, per line and month, the report's state.</summary>
public sealed record ProgressSnapshot(
    IReadOnlyDictionary<int, IReadOnlyList<PeriodValue>> Official,
    IReadOnlyDictionary<int, IReadOnlyList<PeriodValue>> Preliminary,
    IReadOnlyDictionary<(int ActionLineId, int Month), (ReportState State, bool IsLate)> Reported)
{
    public static readonly ProgressSnapshot Empty = new(
        new Dictionary<int, IReadOnlyList<PeriodValue>>(), new Dictionary<int, IReadOnlyList<PeriodValue>>(),
        new Dictionary<(int, int), (ReportState, bool)>());

    /// <summary>The marks of every period of an indicator as of <paramref name="asOf"/>.</summary>
    public IReadOnlyList<PeriodMark> Timeline(int actionLineId, IndicatorDefinition definition, DateOnly asOf) =>
        definition.Periods.Select(p =>
        {
            if (Reported.TryGetValue((actionLineId, p.LastMonth), out var reported) && reported.State != ReportState.Draft && reported.State != ReportState.Returned)
                return new PeriodMark(p, reported.State == ReportState.Approved ? PeriodMarkKind.Approved : PeriodMarkKind.Submitted, reported.IsLate);
            var due = p.IsDue(asOf, definition.GraceDays);
            var kind = Reported.ContainsKey((actionLineId, p.LastMonth)) ? PeriodMarkKind.Draft : due ? PeriodMarkKind.Missing : PeriodMarkKind.Upcoming;
            // A missing period is shown as missing; "late" is for what was sent after the due date or is overdue in capture.
            return new PeriodMark(p, kind, due && kind == PeriodMarkKind.Draft);
        }).ToList();
}
