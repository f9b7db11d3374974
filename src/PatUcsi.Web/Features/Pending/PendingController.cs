using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PatUcsi.Data;
using PatUcsi.Domain;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Features.Home;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Pending;

/// <summary>A program waiting for the Junta's review.</summary>
public sealed record ProgramToReview(int ProgramId, string UnitShortName, int Year);

/// <summary>
/// Everything waiting for this user: a unit's work, or the programs the Junta must review (and, for the
/// administrator, the e-mails that could not be delivered).
/// </summary>
public sealed record PendingPageModel(UnitWork? Unit, IReadOnlyList<ProgramToReview> Programs, int FailedEmails = 0)
{
    public int Count => (Unit?.Count ?? 0) + Programs.Count + FailedEmails;
}

/// <summary>
/// Pendientes: what each user has to act on, each item linking to where it is acted on; an item leaves the list once
/// acted on (a month sent, a returned report corrected and sent again, a program reviewed). The menu shows the count.
/// </summary>
[Route("pendientes")]
public sealed class PendingController(PatDbContext db, TimeProvider clock, IMemoryCache cache) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await LoadAsync(ct));

    /// <summary>
    /// The menu's count, asked by the page's script after it loads (so no page waits for it), kept per user until the
    /// next save or the next day.
    /// </summary>
    [HttpGet("cuenta")]
    public async Task<IActionResult> Count(CancellationToken ct)
    {
        var key = (nameof(PendingController), User.Identity!.Name, await db.DataVersionAsync(ct), clock.Today());
        if (!cache.TryGetValue(key, out int count))
        {
            count = (await LoadAsync(ct)).Count;
            cache.Set(key, count, TimeSpan.FromMinutes(10));
        }
        Response.Headers.CacheControl = "no-store";
        return Json(new { count });
    }

    private async Task<PendingPageModel> LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (AccessPolicy.BelongsToUnit(actor.Role)) return new(await UnitWork.LoadAsync(db, cache, actor, clock.Today(), ct), []);
        var programs = await db.Programs.Where(p => p.State == ProgramState.Submitted).OrderBy(p => p.Year).ThenBy(p => p.Unit.ShortName)
            .Select(p => new ProgramToReview(p.Id, p.Unit.ShortName, p.Year)).ToListAsync(ct);
        var failed = actor.Role == Role.Administrator
            ? await db.Outbox.CountAsync(m => m.SentAtUtc == null && m.Attempts >= PatUcsi.Domain.Notifications.OutboxMessage.MaxAttempts, ct) : 0;
        return new(null, programs, failed);
    }
}
