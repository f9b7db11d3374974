using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;

namespace PatUcsi.Web.Features.Bench;

public sealed record BareRow(int Id, string Number, string Text);

/// <summary>
/// The yardstick of bench/load.sh: what any page of this app costs at least (sign-in cookie, MVC, one small
/// query, one Razor table), so each real page is measured as a share of it on the same machine and run.
/// It exists only when Bench:BareEndpoint is true (see <see cref="WithoutBenchController"/>): the app serves no route
/// of its own benchmark.
/// </summary>
public sealed class BenchController(PatDbContext db) : Controller
{
    [HttpGet("/bench/base")]
    public async Task<IActionResult> Bare(CancellationToken ct)
    {
        var rows = await db.ActionLines.AsNoTracking().OrderBy(l => l.Id).Take(27)
            .Select(l => new BareRow(l.Id, l.Number, l.Text)).ToListAsync(ct);
        return View(rows);
    }
}

/// <summary>Takes <see cref="BenchController"/> out of the app's controllers (runs after MVC's own discovery).</summary>
public sealed class WithoutBenchController : Microsoft.AspNetCore.Mvc.ApplicationParts.IApplicationFeatureProvider<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeature>
{
    public void PopulateFeature(IEnumerable<Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPart> parts, Microsoft.AspNetCore.Mvc.Controllers.ControllerFeature feature) =>
        feature.Controllers.Remove(typeof(BenchController).GetTypeInfo());
}
