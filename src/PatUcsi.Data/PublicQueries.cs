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
    public static async Task<ProgramReport?> PublicReportAsync(this PatDbContext db, PublishedProgram published, int? quarter = null, CancellationToken ct = default)
    {
        if (quarter is { } q && !published.HasQuarter(q)) return null;
        var program = await db.LoadProgramAsync(published.ProgramId, ct);
        if (program is not { State: ProgramState.Approved }) return null;
        var quarterEnd = quarter is { } n ? TransparencyTable.Quarter(published.Year, n).Last : (DateOnly?)null;
        if (published.FiguresAsOf is not { } figuresAsOf) return ProgramReport.Annual(program);
        var cut = quarterEnd is { } end && end < figuresAsOf ? end : figuresAsOf;
        var snapshot = await db.ProgressSnapshotAsync(program.Id, cut, db.Clock.Today(), ct);
        return Publication.WithoutPreliminary(ProgramReport.Build(program, cut, Publication.OfficialOnly(snapshot)));
    }
}
