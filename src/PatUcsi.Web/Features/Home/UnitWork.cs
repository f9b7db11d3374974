using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PatUcsi.Data;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Features.Progress;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Home;

/// <summary>
/// What a unit's users have to do, across every approved program (December's report is due in January of the next
/// year): the months due and not sent, what was returned with comments (the program too, for the Titular) and the
/// Titular's inbox. The home page and the Pendientes page show it.
/// </summary>
/// <param name="Own">The unit's programs, newest first.</param>
/// <param name="ApprovedIds">The approved ones, newest first.</param>
public sealed record UnitWork(IReadOnlyList<ProgramSummary> Own, IReadOnlyList<int> ApprovedIds, IReadOnlyList<PendingPeriod> Pending,
    IReadOnlyList<InboxItem> Inbox, IReadOnlyList<ReturnedItem> Returned)
{
    public int Count => Pending.Count + Inbox.Count + Returned.Count;

    /// <summary>
    /// Kept per (unit, role, data version, day): the home, the Pendientes page and the menu's count ask for it on every
    /// visit, and it needs the open programs whole; any save or a new day makes it read again.
    /// </summary>
    public static async Task<UnitWork> LoadAsync(PatDbContext db, IMemoryCache cache, Actor actor, DateOnly today, CancellationToken ct) =>
        await cache.AtVersionAsync((nameof(UnitWork), actor.UnitId, actor.Role, today), await db.DataVersionAsync(ct),
            () => ReadAsync(db, actor, today, ct), TimeSpan.FromMinutes(10));

    private static async Task<UnitWork> ReadAsync(PatDbContext db, Actor actor, DateOnly today, CancellationToken ct)
    {
        var own = await HomeController.Summaries(db.Programs.Where(p => p.UnitId == actor.UnitId).OrderByDescending(p => p.Year)).ToListAsync(ct);
        var years = own.ToDictionary(p => p.Id!.Value, p => p.Year);
        // Every report of the unit in one query (twelve a year): what was returned, the Titular's inbox and the pending months come from it.
        var unitReports = await db.PeriodReports.Where(r => r.Program.UnitId == actor.UnitId).AsNoTracking().ToListAsync(ct);
        var returned = unitReports.Where(r => r.State == ReportState.Returned).OrderBy(r => years[r.ProgramId]).ThenBy(r => r.Month)
            .Select(r => new ReturnedItem(r.ProgramId, years[r.ProgramId], r.Month, r.ReviewComment)).ToList();
        if (actor.Role == Role.Titular)
            returned.AddRange(own.Where(p => p.Returned).Select(p => new ReturnedItem(p.Id!.Value, p.Year, null, p.ReviewComment)));
        var approvedIds = own.Where(p => p.State == ProgramState.Approved).Select(p => p.Id!.Value).ToList();
        var inbox = actor.Role == Role.Titular
            ? unitReports.Where(r => r.State == ReportState.Submitted).OrderBy(r => r.SubmittedAt)
                .Select(r => new InboxItem(r.ProgramId, years[r.ProgramId], r.Month, r.SubmittedBy, r.SubmittedAt, r.IsLate)).ToList()
            : [];

        var reportsByProgram = unitReports.ToLookup(r => r.ProgramId);
        // Only a program with a month not yet sent can have one pending: years wholly reported and years still to come are not loaded.
        var open = approvedIds.Where(id => years[id] <= today.Year && reportsByProgram[id].Count(r => r.State is ReportState.Submitted or ReportState.Approved) < 12).ToList();
        var loaded = (await db.LoadForProgressAsync(open, ct)).ToDictionary(p => p.Id);
        var pending = open // newest year first
            .SelectMany(id => PeriodPageBuilder.PendingMonths(loaded[id], reportsByProgram[id].ToList(), today)
                .Select(p => new PendingPeriod(id, loaded[id].Year, p.Month, p.DueDate, p.State)))
            .ToList();
        return new UnitWork(own, approvedIds, pending, inbox, returned);
    }
}
