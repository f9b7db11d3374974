using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;

namespace PatUcsi.Web.Features.Bench;

public sealed record BareRow(int Id, string Number, string Text);

/// <summary>
/// The yardstick of bench/load.sh: what any page of this app costs at least (sign-in cookie, MVC, one small
/// query, one Razor table), so each real page is measured as a share of it on the same machine and run.
/// Answers 404 unless Bench:BareEndpoint is true.
/// </summary>
public sealed class BenchController(PatDbContext db, IConfiguration configuration) : Controller
{
    [HttpGet("/bench/base")]
    public async Task<IActionResult> Bare(CancellationToken ct)
    {
        if (!configuration.GetValue("Bench:BareEndpoint", false)) return NotFound();
        var rows = await db.ActionLines.AsNoTracking().OrderBy(l => l.Id).Take(27)
            .Select(l => new BareRow(l.Id, l.Number, l.Text)).ToListAsync(ct);
        return View(rows);
    }
}
