using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Data;

/// <summary>
/// What belongs to one program. Every query for a program's objectives, lines, indicators, reports and
/// evidence starts here, so an id taken from a URL or a form can only ever reach the program in the route.
/// </summary>
public static class ProgramScope
{
    public static IQueryable<SpecificObjective> ObjectivesOf(this PatDbContext db, int programId) =>
        db.Objectives.Where(o => o.ProgramId == programId);

    public static IQueryable<ActionLine> LinesOf(this PatDbContext db, int programId) =>
        db.ActionLines.Where(l => l.Objective.ProgramId == programId);

    public static IQueryable<Indicator> IndicatorsOf(this PatDbContext db, int programId) =>
        db.Indicators.Where(i => i.ActionLine.Objective.ProgramId == programId);

    public static IQueryable<PeriodReport> ReportsOf(this PatDbContext db, int programId) =>
        db.PeriodReports.Where(r => r.ProgramId == programId);

    public static IQueryable<Evidence> EvidenceOf(this PatDbContext db, int programId) =>
        db.Evidence.Where(e => db.ProgressEntries.Any(p => p.Id == e.ProgressEntryId && db.PeriodReports.Any(r => r.Id == p.PeriodReportId && r.ProgramId == programId)));

    /// <summary>The months whose report was sent at least once with a value of the line: its reported periods.</summary>
    public static async Task<IReadOnlyCollection<int>> ReportedMonthsAsync(this PatDbContext db, int lineId, CancellationToken ct = default) =>
        await db.PeriodReports
            // Sent once is enough: a returned or reopened report still holds what was reported and may be approved again.
            .Where(r => r.SubmittedAt != null && r.Entries.Any(e => e.ActionLineId == lineId))
            .Select(r => r.Month).ToListAsync(ct);

    /// <summary>Whether the child id named by a route parameter (objectiveId, lineId, evidenceId) belongs to the program.</summary>
    public static Task<bool> OwnsAsync(this PatDbContext db, int programId, string parameter, int id, CancellationToken ct = default) => parameter switch
    {
        "objectiveId" => db.ObjectivesOf(programId).AnyAsync(o => o.Id == id, ct),
        "lineId" => db.LinesOf(programId).AnyAsync(l => l.Id == id, ct),
        "evidenceId" => db.EvidenceOf(programId).AnyAsync(e => e.Id == id, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "No child id of a program has this name."),
    };

    /// <summary>The route parameters that name something inside the program.</summary>
    public static readonly IReadOnlyList<string> ChildParameters = ["objectiveId", "lineId", "evidenceId"];
}
