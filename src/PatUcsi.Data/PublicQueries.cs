using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Publishing;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Data;

/// <summary>An approved program as the public portal lists it.</summary>
/// <param name="ApprovedAtUtc">When the Junta approved it ("publicado el"); null for a program approved before the date was kept.</param>
/// <param name="FiguresAsOf">"Cifras al": the end of the latest month with an approved report; null while there is none.</param>
/// <param name="UpdatedAtUtc">The latest approval of the program or of one of its reports.</param>
public sealed record PublishedProgram(int ProgramId, string UnitShortName, string UnitName, int Year, DateTime? ApprovedAtUtc, DateOnly? FiguresAsOf,
    DateTime? UpdatedAtUtc)
{
    /// <summary>The program's address on the portal: the unit's siglas and the year, never a database id.</summary>
    public string Path => $"/publico/{Uri.EscapeDataString(UnitShortName.ToLowerInvariant())}/{Year}";

    /// <summary>Whether a quarter has official figures to publish: some approved month falls in or after its start.</summary>
    public bool HasQuarter(int quarter) => FiguresAsOf is { } asOf && asOf >= TransparencyTable.Quarter(Year, quarter).First;
}

/// <summary>What the public portal reads: approved programs only, with the figures of approved reports only.</summary>
public static class PublicQueries
{
    /// <summary>Every approved program, newest year first, then by unit.</summary>
    public static async Task<List<PublishedProgram>> PublishedAsync(this PatDbContext db, CancellationToken ct = default)
    {
        var programs = await db.Programs.Where(p => p.State == ProgramState.Approved)
            .Select(p => new { p.Id, p.Unit.ShortName, p.Unit.Name, p.Year, p.ApprovedAtUtc }).ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var approved = (await db.PeriodReports.Where(r => ids.Contains(r.ProgramId) && r.State == ReportState.Approved)
            .Select(r => new { r.ProgramId, r.Month, r.ApprovedAt }).ToListAsync(ct)).ToLookup(r => r.ProgramId);
        return [.. programs.Select(p => new PublishedProgram(p.Id, p.ShortName, p.Name, p.Year, p.ApprovedAtUtc,
                Publication.FiguresAsOf(p.Year, approved[p.Id].Select(r => r.Month)),
                approved[p.Id].Select(r => r.ApprovedAt).Append(p.ApprovedAtUtc).Max()))
            .OrderByDescending(p => p.Year).ThenBy(p => p.UnitShortName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The report the portal shows: the program as approved, with the official figures as of its "cifras al" (every
    /// approval given until today counts), and nothing that is not approved.
    /// </summary>
    /// <param name="quarter">A quarter's figures instead (the transparency format): as of its last day, or of the
    /// "cifras al" if that comes first; null for a quarter with nothing approved yet (<see cref="PublishedProgram.HasQuarter"/>).</param>
    public static async Task<ProgramReport?> PublicReportAsync(this PatDbContext db, PublishedProgram published, int? quarter = null, CancellationToken ct = default) =>
        (await db.PublicReportsAsync([published], quarter, ct)).SingleOrDefault();

    /// <summary>
    /// The reports of several programs (the institute's year) in the order given, leaving out any no longer approved:
    /// the programs in one load, the progress in one query per cut-off date (usually one or two for a year).
    /// </summary>
    public static async Task<List<ProgramReport>> PublicReportsAsync(this PatDbContext db, IReadOnlyList<PublishedProgram> published, int? quarter = null,
        CancellationToken ct = default)
    {
        var wanted = published.Where(p => quarter is not { } q || p.HasQuarter(q)).ToList();
        var programs = (await db.LoadProgramsAsync([.. wanted.Select(p => p.ProgramId)], ct))
            .Where(p => p.State == ProgramState.Approved).ToDictionary(p => p.Id);
        var reports = new Dictionary<int, ProgramReport>();
        foreach (var group in wanted.Where(p => programs.ContainsKey(p.ProgramId)).GroupBy(p => Cut(p, quarter)))
        {
            if (group.Key is not { } cut)
            {
                foreach (var p in group) reports[p.ProgramId] = ProgramReport.Annual(programs[p.ProgramId]);
                continue;
            }
            var snapshots = await db.ProgressSnapshotsAsync([.. group.Select(p => p.ProgramId)], cut, db.Clock.Today(), ct);
            foreach (var p in group)
                reports[p.ProgramId] = Publication.WithoutPreliminary(ProgramReport.Build(programs[p.ProgramId], cut,
                    Publication.OfficialOnly(snapshots.GetValueOrDefault(p.ProgramId) ?? ProgressSnapshot.Empty)));
        }
        return [.. wanted.Where(p => reports.ContainsKey(p.ProgramId)).Select(p => reports[p.ProgramId])];
    }

    /// <summary>The figures' date: the "cifras al", or a quarter's last day if it comes first; none without an approved month.</summary>
    private static DateOnly? Cut(PublishedProgram program, int? quarter)
    {
        if (program.FiguresAsOf is not { } figuresAsOf) return null;
        return quarter is { } q && TransparencyTable.Quarter(program.Year, q).Last is var end && end < figuresAsOf ? end : figuresAsOf;
    }
}
