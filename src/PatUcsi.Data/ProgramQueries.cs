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
    /// <summary>The program with everything it contains (unit, texts, abbreviations, objectives, lines, indicators, period goals).</summary>
    public static async Task<AnnualProgram?> LoadProgramAsync(this PatDbContext db, int id, CancellationToken ct = default) =>
        (await db.WholeProgramsAsync(p => p.Id == id, abbreviations: true, ct)).SingleOrDefault();

    /// <summary>
    /// What progress is reported against: the program with its objectives, lines and indicators but not the document's
    /// abbreviations (a query less on the pages that never print them). Not for changing the program.
    /// </summary>
    public static async Task<AnnualProgram?> LoadForProgressAsync(this PatDbContext db, int id, CancellationToken ct = default) =>
        (await db.LoadForProgressAsync([id], ct)).SingleOrDefault();

    /// <inheritdoc cref="LoadForProgressAsync(PatDbContext, int, CancellationToken)"/>
    public static Task<List<AnnualProgram>> LoadForProgressAsync(this PatDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? Task.FromResult(new List<AnnualProgram>()) : db.WholeProgramsAsync(p => ids.Contains(p.Id), abbreviations: false, ct);

    /// <summary>Several whole programs in the same number of queries as one.</summary>
    public static Task<List<AnnualProgram>> LoadProgramsAsync(this PatDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct = default) =>
        db.WholeProgramsAsync(p => ids.Contains(p.Id), abbreviations: true, ct);

    /// <summary>
    /// Four queries for any number of programs: the programs with their units, their abbreviations, their objectives, and
    /// their lines with indicators and period goals (one row per goal, none repeating a program's long texts).
    /// The children are tracked, so they attach themselves to their programs.
    /// </summary>
    private static async Task<List<AnnualProgram>> WholeProgramsAsync(this PatDbContext db, System.Linq.Expressions.Expression<Func<AnnualProgram, bool>> which,
        bool abbreviations, CancellationToken ct)
    {
        var programs = await db.Programs.Include(p => p.Unit).Where(which).ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        if (ids.Count == 0) return programs;
        if (abbreviations) await db.Abbreviations.Where(a => ids.Contains(a.ProgramId)).OrderBy(a => a.Id).LoadAsync(ct);
        await db.Objectives.Where(o => ids.Contains(o.ProgramId)).OrderBy(o => o.Id).LoadAsync(ct);
        // The lines from their side, one flat join: included from the objectives, EF joins them in a subquery that SQLite
        // materializes for every program in the database (150 ms a page with 200 programs).
        await db.ActionLines.Where(l => ids.Contains(l.Objective.ProgramId)).OrderBy(l => l.Id)
            .Include(l => l.Indicator!).ThenInclude(i => i.PeriodGoals)
            .AsSingleQuery().LoadAsync(ct);
        return programs;
    }

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
        CancellationToken ct = default) =>
        (await db.ProgressSnapshotsAsync([programId], asOf, approvedBy, ct)).GetValueOrDefault(programId) ?? Snapshot([], asOf, approvedBy, db.Clock);

    /// <summary>The snapshots of several programs in one query.</summary>
    internal static async Task<Dictionary<int, ProgressSnapshot>> ProgressSnapshotsAsync(this PatDbContext db, IReadOnlyCollection<int> programIds, DateOnly asOf,
        DateOnly? approvedBy, CancellationToken ct)
    {
        var query = db.PeriodReports.Where(r => programIds.Contains(r.ProgramId));
        if (approvedBy is not null) query = query.Where(r => r.Month <= asOf.Month);
        var reports = await query.Include(r => r.Entries).AsNoTracking().ToListAsync(ct);
        return reports.GroupBy(r => r.ProgramId).ToDictionary(g => g.Key, g => Snapshot(g.ToList(), asOf, approvedBy, db.Clock));
    }

    private static ProgressSnapshot Snapshot(List<PeriodReport> reports, DateOnly asOf, DateOnly? approvedBy, TimeProvider clock)
    {
        var (official, preliminary) = Split(reports, clock.EndOfDayUtc(approvedBy is { } by && by > asOf ? by : asOf));
        var reported = reports.SelectMany(r => r.Entries.Select(e => (Key: (e.ActionLineId, r.Month), Value: (r.State, r.IsLate))))
            .ToDictionary(x => x.Key, x => x.Value);
        return new ProgressSnapshot(official, preliminary, reported);
    }

    public static Task<ProgramReport?> ProgramReportAsync(this PatDbContext db, int programId, DateOnly asOf, CancellationToken ct = default) =>
        db.ProgramReportAsync(programId, asOf, null, ct);

    /// <param name="approvedBy">A cut-off: the periods up to <paramref name="asOf"/> as approved by this later day (see <see cref="ProgressSnapshotAsync(PatDbContext, int, DateOnly, DateOnly?, CancellationToken)"/>).</param>
    public static async Task<ProgramReport?> ProgramReportAsync(this PatDbContext db, int programId, DateOnly asOf, DateOnly? approvedBy, CancellationToken ct = default) =>
        (await db.ProgramReportsAsync([programId], asOf, approvedBy, ct)).GetValueOrDefault(programId);

    /// <summary>The reports of several programs, in the same five queries as one.</summary>
    public static async Task<Dictionary<int, ProgramReport>> ProgramReportsAsync(this PatDbContext db, IReadOnlyCollection<int> programIds, DateOnly asOf,
        DateOnly? approvedBy, CancellationToken ct = default)
    {
        var programs = await db.LoadProgramsAsync(programIds, ct);
        var snapshots = await db.ProgressSnapshotsAsync(programIds, asOf, approvedBy, ct);
        return programs.ToDictionary(p => p.Id, p => ProgramReport.Build(p, asOf, snapshots.GetValueOrDefault(p.Id) ?? Snapshot([], asOf, approvedBy, db.Clock)));
    }

    private static Dictionary<int, IReadOnlyList<PeriodValue>> Values(IEnumerable<PeriodReport> reports) =>
        reports
            .SelectMany(r => r.Entries.Where(e => e.Value1 is not null).Select(e => (e.ActionLineId, Value: new PeriodValue(r.Month, e.Value1!.Value, e.Value2))))
            .GroupBy(x => x.ActionLineId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PeriodValue>)g.Select(x => x.Value).ToList());
}
