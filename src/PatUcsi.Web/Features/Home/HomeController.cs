using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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
/// <param name="ReviewComment">The Junta's comments on a returned draft.</param>
public sealed record ProgramSummary(int? Id, string UnitShortName, string UnitName, int Year, ProgramState? State, int Objectives, int ActionLines,
    bool Returned = false, string? ReviewComment = null);

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

public sealed class HomeController(PatDbContext db, ProgramReportCache cache, IMemoryCache memory, TimeProvider clock) : Controller
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

        var view = await InstituteYear(anio, ct);
        return View(view with { CanOpenYears = actor.Role == Role.Administrator });
    }

    /// <summary>
    /// Every unit's program of a year with its figures, kept per (year asked, day) while the data version holds: the Junta
    /// opens this page far more often than anything changes.
    /// </summary>
    private async Task<HomeViewModel> InstituteYear(int? anio, CancellationToken ct) =>
        await memory.AtVersionAsync((nameof(InstituteYear), anio, Today), await db.DataVersionAsync(ct), async () =>
        {
            var years = await db.Programs.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
            var year = anio ?? (years.Count > 0 ? years[0] : clock.GetLocalNow().Year);
            var programs = await Summaries(db.Programs.Where(p => p.Year == year)).ToListAsync(ct);
            var withoutProgram = await db.Units.Where(u => u.IsActive && !db.Programs.Any(p => p.UnitId == u.Id && p.Year == year))
                .Select(u => new ProgramSummary(null, u.ShortName, u.Name, year, null, 0, 0)).ToListAsync(ct);
            var all = programs.Concat(withoutProgram).OrderBy(p => p.UnitShortName, StringComparer.Ordinal).ToList();
            var reports = await cache.GetManyAsync(db, programs.Where(p => p.State == ProgramState.Approved).Select(p => p.Id!.Value).ToList(), Today, ct: ct);
            return new HomeViewModel(all, year, years, false, reports, null, [], [], []);
        }, TimeSpan.FromMinutes(10));

    /// <summary>
    /// A unit's home follows every approved program (December's report is due in January of the next year): its
    /// overdue periods, what was returned with comments, the Titular's inbox, and the latest program's indicators.
    /// </summary>
    private async Task<HomeViewModel> UnitHome(Actor actor, CancellationToken ct)
    {
        var work = await UnitWork.LoadAsync(db, memory, actor, Today, ct);
        var current = work.ApprovedIds.Count == 0 ? null : await cache.GetAsync(db, work.ApprovedIds[0], Today, ct: ct); // the newest year's indicators
        return new HomeViewModel(work.Own, null, [], false, new Dictionary<int, ProgramReport>(), current, work.Pending, work.Inbox, work.Returned);
    }

    internal static IQueryable<ProgramSummary> Summaries(IQueryable<AnnualProgram> programs) =>
        programs.Select(p => new ProgramSummary(p.Id, p.Unit.ShortName, p.Unit.Name, p.Year, p.State,
            p.Objectives.Count, p.Objectives.SelectMany(o => o.ActionLines).Count(), p.State == ProgramState.Draft && p.ReviewComment != null,
            p.State == ProgramState.Draft ? p.ReviewComment : null));
}
