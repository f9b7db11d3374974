using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Home;

public sealed record ProgramSummary(int? Id, string UnitShortName, string UnitName, int Year, ProgramState? State, int Objectives, int ActionLines);

/// <param name="Year">The year shown to the Junta and the Administrador; null for a unit's own list.</param>
public sealed record HomeViewModel(IReadOnlyList<ProgramSummary> Programs, int? Year, IReadOnlyList<int> Years, bool CanOpenYears);

public sealed class HomeController(PatDbContext db, TimeProvider clock) : Controller
{
    /// <summary>
    /// A unit's users see their unit's programs; the Junta and the Administrador see every unit's
    /// program of one year (the latest by default), with the units that have none yet.
    /// </summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index(int? anio, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (AccessPolicy.BelongsToUnit(actor.Role))
        {
            var own = await Summaries(db.Programs.Where(p => p.UnitId == actor.UnitId).OrderByDescending(p => p.Year)).ToListAsync(ct);
            return View(new HomeViewModel(own, null, [], false));
        }

        var years = await db.Programs.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var year = anio ?? (years.Count > 0 ? years[0] : clock.GetLocalNow().Year);
        var programs = await Summaries(db.Programs.Where(p => p.Year == year)).ToListAsync(ct);
        var withoutProgram = await db.Units.Where(u => u.IsActive && !db.Programs.Any(p => p.UnitId == u.Id && p.Year == year))
            .Select(u => new ProgramSummary(null, u.ShortName, u.Name, year, null, 0, 0)).ToListAsync(ct);
        var all = programs.Concat(withoutProgram).OrderBy(p => p.UnitShortName, StringComparer.Ordinal).ToList();
        return View(new HomeViewModel(all, year, years, actor.Role == Role.Administrator));
    }

    private static IQueryable<ProgramSummary> Summaries(IQueryable<AnnualProgram> programs) =>
        programs.Select(p => new ProgramSummary(p.Id, p.Unit.ShortName, p.Unit.Name, p.Year, p.State,
            p.Objectives.Count, p.Objectives.SelectMany(o => o.ActionLines).Count()));
}
