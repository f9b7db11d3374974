using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain;
using PatUcsi.Data;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Reporting;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Features.Progress;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Home;

/// <param name="Returned">A draft the Junta sent back with comments (not a fresh draft).</param>
public sealed record ProgramSummary(int? Id, string UnitShortName, string UnitName, int Year, ProgramState? State, int Objectives, int ActionLines, bool Returned = false);

public sealed record PendingPeriod(int ProgramId, int Year, int Month, DateOnly DueDate, ReportState? State);

public sealed record InboxItem(int ProgramId, int Year, int Month, string? SubmittedBy, DateTime? SubmittedAt, bool IsLate);

/// <summary>Something returned with comments to whoever must correct it: a month's report (Month set) or the program itself.</summary>
public sealed record ReturnedItem(int ProgramId, int Year, int? Month, string? Comment);

/// <param name="Year">The year shown to the Junta and the Administrador; null for a unit's own list.</param>
/// <param name="Reports">Each approved program's figures as of today, by program id.</param>
/// <param name="Current">For a unit's users: their latest approved program, with its indicators' status.</param>
public sealed record HomeViewModel(
    IReadOnlyList<ProgramSummary> Programs, int? Year, IReadOnlyList<int> Years, bool CanOpenYears,
    IReadOnlyDictionary<int, ProgramReport> Reports, ProgramReport? Current,
    IReadOnlyList<PendingPeriod> Pending, IReadOnlyList<InboxItem> Inbox, IReadOnlyList<ReturnedItem> Returned);

public sealed class HomeController(PatDbContext db, TimeProvider clock) : Controller
{
    private DateOnly Today => clock.Today();

    /// <summary>
    /// A unit's users see their programs, the periods pending, the reports waiting for the Titular and
    /// their indicators' status; the Junta and the Administrador see every unit's program of one year
    /// (the latest by default) with its overall progress and its indicators per estatus.
    /// </summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index(int? anio, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (AccessPolicy.BelongsToUnit(actor.Role))
            return View(await UnitHome(actor, ct));

        var years = await db.Programs.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var year = anio ?? (years.Count > 0 ? years[0] : clock.GetLocalNow().Year);
        var programs = await Summaries(db.Programs.Where(p => p.Year == year)).ToListAsync(ct);
        var withoutProgram = await db.Units.Where(u => u.IsActive && !db.Programs.Any(p => p.UnitId == u.Id && p.Year == year))
            .Select(u => new ProgramSummary(null, u.ShortName, u.Name, year, null, 0, 0)).ToListAsync(ct);
        var all = programs.Concat(withoutProgram).OrderBy(p => p.UnitShortName, StringComparer.Ordinal).ToList();
        var reports = new Dictionary<int, ProgramReport>();
        foreach (var p in programs.Where(p => p.State == ProgramState.Approved))
            reports[p.Id!.Value] = (await db.ProgramReportAsync(p.Id.Value, Today, ct))!;
        return View(new HomeViewModel(all, year, years, actor.Role == Role.Administrator, reports, null, [], [], []));
    }

    /// <summary>
    /// A unit's home follows every approved program (December's report is due in January of the next year): its
    /// overdue periods, what was returned with comments, the Titular's inbox, and the latest program's indicators.
    /// </summary>
    private async Task<HomeViewModel> UnitHome(Actor actor, CancellationToken ct)
    {
        var own = await Summaries(db.Programs.Where(p => p.UnitId == actor.UnitId).OrderByDescending(p => p.Year)).ToListAsync(ct);
        var returned = await db.PeriodReports.Where(r => r.Program.UnitId == actor.UnitId && r.State == ReportState.Returned)
            .OrderBy(r => r.Program.Year).ThenBy(r => r.Month)
            .Select(r => new ReturnedItem(r.ProgramId, r.Program.Year, r.Month, r.ReviewComment)).ToListAsync(ct);
        if (actor.Role == Role.Titular)
            returned.AddRange(await db.Programs.Where(p => p.UnitId == actor.UnitId && p.State == ProgramState.Draft && p.ReviewComment != null)
                .Select(p => new ReturnedItem(p.Id, p.Year, null, p.ReviewComment)).ToListAsync(ct));
        var approvedIds = own.Where(p => p.State == ProgramState.Approved).Select(p => p.Id!.Value).ToList();
        if (approvedIds.Count == 0) return new HomeViewModel(own, null, [], false, new Dictionary<int, ProgramReport>(), null, [], [], returned);

        var pending = new List<PendingPeriod>();
        var reportsByProgram = (await db.PeriodReports.Where(r => approvedIds.Contains(r.ProgramId)).AsNoTracking().ToListAsync(ct)).ToLookup(r => r.ProgramId);
        AnnualProgram? program = null;
        foreach (var id in approvedIds) // newest year first: the first is the one whose indicators are shown
        {
            var loaded = (await db.LoadProgramAsync(id, ct))!;
            program ??= loaded;
            pending.AddRange(PeriodPageBuilder.PendingMonths(loaded, reportsByProgram[id].ToList(), Today)
                .Select(p => new PendingPeriod(loaded.Id, loaded.Year, p.Month, p.DueDate, p.State)));
        }
        var inbox = actor.Role == Role.Titular
            ? await db.PeriodReports.Where(r => r.Program.UnitId == actor.UnitId && r.State == ReportState.Submitted)
                .OrderBy(r => r.SubmittedAt)
                .Select(r => new InboxItem(r.ProgramId, r.Program.Year, r.Month, r.SubmittedBy, r.SubmittedAt, r.IsLate)).ToListAsync(ct)
            : [];
        var current = ProgramReport.Build(program!, Today, await db.ProgressSnapshotAsync(program!.Id, Today, ct));
        return new HomeViewModel(own, null, [], false, new Dictionary<int, ProgramReport>(), current, pending, inbox, returned);
    }

    private static IQueryable<ProgramSummary> Summaries(IQueryable<AnnualProgram> programs) =>
        programs.Select(p => new ProgramSummary(p.Id, p.Unit.ShortName, p.Unit.Name, p.Year, p.State,
            p.Objectives.Count, p.Objectives.SelectMany(o => o.ActionLines).Count(), p.State == ProgramState.Draft && p.ReviewComment != null));
}
