using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Data;

/// <summary>Loads what the program page and the exports need, in a fixed number of queries.</summary>
public static class ProgramQueries
{
    /// <summary>The program with everything it contains (unit, texts, objectives, lines, indicators, period goals).</summary>
    public static Task<AnnualProgram?> LoadProgramAsync(this PatDbContext db, int id, CancellationToken ct = default) =>
        db.Programs
            .Include(p => p.Unit)
            .Include(p => p.Abbreviations)
            .Include(p => p.Objectives).ThenInclude(o => o.ActionLines).ThenInclude(l => l.Indicator!).ThenInclude(i => i.PeriodGoals)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>
    /// The values reported per action line: official ones come from reports approved by the end of
    /// <paramref name="asOf"/>; preliminary ones add the reports sent and not yet approved.
    /// </summary>
    public static async Task<(Dictionary<int, IReadOnlyList<PeriodValue>> Official, Dictionary<int, IReadOnlyList<PeriodValue>> Preliminary)>
        ProgressValuesAsync(this PatDbContext db, int programId, DateOnly asOf, CancellationToken ct = default)
    {
        var reports = await db.PeriodReports
            .Where(r => r.ProgramId == programId && (r.State == ReportState.Approved || r.State == ReportState.Submitted))
            .Include(r => r.Entries)
            .AsNoTracking()
            .ToListAsync(ct);
        return Split(reports, db.Clock.EndOfDayUtc(asOf));
    }

    /// <summary>The informe de avance of one month, with the program's figures as of <paramref name="asOf"/>.</summary>
    public static async Task<PeriodReportView?> PeriodReportViewAsync(this PatDbContext db, int programId, int month, DateOnly asOf, CancellationToken ct = default)
    {
        var program = await db.ProgramReportAsync(programId, asOf, ct);
        if (program is null) return null;
        var report = await db.PeriodReports.Include(r => r.Entries).ThenInclude(e => e.Evidence).AsNoTracking()
            .SingleOrDefaultAsync(r => r.ProgramId == programId && r.Month == month, ct);
        var graceDays = await db.Programs.Where(p => p.Id == programId).Select(p => p.GraceDays).SingleAsync(ct);
        return PeriodReportView.Build(program, month, report, graceDays, db.Clock);
    }

    private static (Dictionary<int, IReadOnlyList<PeriodValue>> Official, Dictionary<int, IReadOnlyList<PeriodValue>> Preliminary)
        Split(List<PeriodReport> reports, DateTime endOfDayUtc) =>
        (Values(reports.Where(r => r.IsOfficial && r.ApprovedAt <= endOfDayUtc)), Values(reports.Where(r => r.IsOfficial || r.IsPreliminary)));

    /// <summary>
    /// The values and the state of every reported line and month, as of <paramref name="asOf"/>; with
    /// <paramref name="approvedBy"/>, a cut-off: only the months up to <paramref name="asOf"/>, counting the approvals
    /// given until that later day (a quarter's last month is reported and approved after the quarter ends).
    /// </summary>
    public static Task<ProgressSnapshot> ProgressSnapshotAsync(this PatDbContext db, int programId, DateOnly asOf, CancellationToken ct = default) =>
        db.ProgressSnapshotAsync(programId, asOf, null, ct);

    public static async Task<ProgressSnapshot> ProgressSnapshotAsync(this PatDbContext db, int programId, DateOnly asOf, DateOnly? approvedBy,
        CancellationToken ct = default)
    {
        var query = db.PeriodReports.Where(r => r.ProgramId == programId);
        if (approvedBy is not null) query = query.Where(r => r.Month <= asOf.Month);
        var reports = await query.Include(r => r.Entries).AsNoTracking().ToListAsync(ct);
        var (official, preliminary) = Split(reports, db.Clock.EndOfDayUtc(approvedBy is { } by && by > asOf ? by : asOf));
        var reported = reports.SelectMany(r => r.Entries.Select(e => (Key: (e.ActionLineId, r.Month), Value: (r.State, r.IsLate))))
            .ToDictionary(x => x.Key, x => x.Value);
        return new ProgressSnapshot(official, preliminary, reported);
    }

    public static Task<ProgramReport?> ProgramReportAsync(this PatDbContext db, int programId, DateOnly asOf, CancellationToken ct = default) =>
        db.ProgramReportAsync(programId, asOf, null, ct);

    /// <param name="approvedBy">A cut-off: the periods up to <paramref name="asOf"/> as approved by this later day (see <see cref="ProgressSnapshotAsync(PatDbContext, int, DateOnly, DateOnly?, CancellationToken)"/>).</param>
    public static async Task<ProgramReport?> ProgramReportAsync(this PatDbContext db, int programId, DateOnly asOf, DateOnly? approvedBy, CancellationToken ct = default)
    {
        var program = await db.LoadProgramAsync(programId, ct);
        return program is null ? null : ProgramReport.Build(program, asOf, await db.ProgressSnapshotAsync(programId, asOf, approvedBy, ct));
    }

    private static Dictionary<int, IReadOnlyList<PeriodValue>> Values(IEnumerable<PeriodReport> reports) =>
        reports
            .SelectMany(r => r.Entries.Where(e => e.Value1 is not null).Select(e => (e.ActionLineId, Value: new PeriodValue(r.Month, e.Value1!.Value, e.Value2))))
            .GroupBy(x => x.ActionLineId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PeriodValue>)g.Select(x => x.Value).ToList());
}
