using Microsoft.AspNetCore.Mvc;
using PatUcsi.Data;

namespace PatUcsi.Web.Features.Programs;

public sealed class ProgramsController(PatDbContext db, TimeProvider clock) : Controller
{
    /// <summary>The whole program in the order of the official document, with figures as of a date (default today).</summary>
    [HttpGet("/programas/{id:int}")]
    public async Task<IActionResult> Show(int id, DateOnly? fecha, CancellationToken ct)
    {
        var asOf = fecha ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var report = await db.ProgramReportAsync(id, asOf, ct);
        return report is null ? NotFound() : View(report);
    }
}
