using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Domain.Publishing;

/// <summary>The rules of what the public portal shows of a program: only what the Junta and the Titular approved.</summary>
public static class Publication
{
    /// <summary>
    /// "Cifras al": the last day of the latest month with an approved report; null while none is approved (the
    /// program is shown as approved, every indicator PENDIENTE).
    /// </summary>
    public static DateOnly? FiguresAsOf(int year, IEnumerable<int> approvedMonths) =>
        approvedMonths.DefaultIfEmpty(0).Max() is var month and > 0 ? new DateOnly(year, month, DateTime.DaysInMonth(year, month)) : null;

    /// <summary>
    /// Only what approved reports say: no preliminary value, and a month sent, in review, in capture or returned looks
    /// as if nothing were reported (whether someone is working on it is not public); nor whether an approved month was
    /// sent late (the workflow's record, not a figure, and the signed document does not print it).
    /// </summary>
    public static ProgressSnapshot OfficialOnly(ProgressSnapshot snapshot) =>
        new(snapshot.Official, snapshot.Official,
            snapshot.Reported.Where(r => r.Value.State == ReportState.Approved).ToDictionary(r => r.Key, r => (r.Value.State, IsLate: false)));

    /// <summary>The report without the preliminary figures at all: nothing the public pages render can show them.</summary>
    public static ProgramReport WithoutPreliminary(ProgramReport report) => report with
    {
        ByUnitRows = [.. report.ByUnitRows.Select(r => r with { Preliminary = null })],
        TransversalRows = [.. report.TransversalRows.Select(r => r with { Preliminary = null })],
    };
}
