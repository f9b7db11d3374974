using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Publishing;

namespace PatUcsi.Web.Features.Portal;

/// <param name="Decided">Whether an administrator has chosen (otherwise the server's default applies).</param>
public sealed record PortalAdminModel(bool Open, bool Decided, bool ServerDefault, IReadOnlyList<PublishedProgram> Programs);

/// <summary>The administrator opens or closes the public portal and sees exactly which programs it shows.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/portal")]
public sealed class PortalAdminController(PatDbContext db, PortalState portal) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var settings = await db.PortalSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        return View("~/Features/Portal/Admin.cshtml", new PortalAdminModel(settings?.IsOpen(portal.ServerDefault) ?? portal.ServerDefault,
            settings?.Enabled is not null, portal.ServerDefault, await db.PublishedAsync(ct)));
    }

    [HttpPost("abrir")]
    public Task<IActionResult> Open() => Set(s => s.Open(), "El portal público quedó abierto.");

    [HttpPost("cerrar")]
    public Task<IActionResult> Close() => Set(s => s.Close(), "El portal público quedó cerrado.");

    private async Task<IActionResult> Set(Action<PortalSettings> change, string done)
    {
        var settings = await db.PortalSettings.SingleOrDefaultAsync();
        if (settings is null) db.PortalSettings.Add(settings = new PortalSettings());
        change(settings);
        await db.SaveChangesAsync(); // audited, and a new data version: no cached public page outlives the switch
        TempData["Notice"] = done;
        return Redirect("/admin/portal");
    }
}
