using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Web.Features.Home;

public sealed record ProgramSummary(int Id, string UnitShortName, string UnitName, int Year, ProgramState State, int Objectives, int ActionLines);

public sealed record HomeViewModel(IReadOnlyList<ProgramSummary> Programs, int Units);

public sealed class HomeController(PatDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var programs = await db.Programs
            .OrderByDescending(p => p.Year).ThenBy(p => p.Unit.ShortName)
            .Select(p => new ProgramSummary(p.Id, p.Unit.ShortName, p.Unit.Name, p.Year, p.State,
                p.Objectives.Count, p.Objectives.SelectMany(o => o.ActionLines).Count()))
            .ToListAsync(ct);
        return View(new HomeViewModel(programs, await db.Units.CountAsync(ct)));
    }
}
