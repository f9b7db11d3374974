using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatUcsi.Data;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Notifications;
using PatUcsi.Web.Infrastructure.Email;

namespace PatUcsi.Web.Features.Outbox;

/// <param name="Enabled">Whether a mail server is configured (otherwise nothing is queued).</param>
public sealed record OutboxPageModel(bool Enabled, int Pending, int Sent, int Failed, IReadOnlyList<OutboxMessage> Latest);

/// <summary>The administrator's view of the e-mail outbox: what waits, what went, what failed and why.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/correo")]
public sealed class OutboxController(PatDbContext db, IOptions<EmailOptions> options, TimeProvider clock) : Controller
{
    /// <summary>Messages listed, newest first.</summary>
    private const int Shown = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var counts = await db.Outbox.GroupBy(m => m.SentAtUtc != null ? 1 : m.Attempts >= OutboxMessage.MaxAttempts ? 2 : 0)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var latest = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Take(Shown).ToListAsync(ct);
        return View(new OutboxPageModel(options.Value.Enabled, counts.GetValueOrDefault(0), counts.GetValueOrDefault(1), counts.GetValueOrDefault(2), latest));
    }

    /// <summary>Every failed message back to the queue: the sender tries them on its next round.</summary>
    [HttpPost("reintentar")]
    public async Task<IActionResult> Retry(CancellationToken ct)
    {
        var failed = await db.Outbox.Where(m => m.SentAtUtc == null && m.Attempts >= OutboxMessage.MaxAttempts).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = failed.Count(m => m.Retry(now));
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = retried == 0 ? "No hay correos fallidos." : retried == 1 ? "Se volverá a intentar 1 correo." : $"Se volverá a intentar {retried} correos.";
        return Redirect("/admin/correo");
    }
}
