using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Identity;
using PatUcsi.Data.Notifications;
using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Notifications;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Web.Features.Progress;

namespace PatUcsi.Web.Infrastructure.Email;

/// <summary>
/// Reminders by the institute's clock: for every month of an approved program (this year's and last year's) with lines
/// to report and no report sent, one e-mail to each of the unit's capture staff and Titular from
/// <see cref="EmailOptions.ReminderDays"/> days before its due date, and one in the week after it passed. Each goes
/// once per user and period: its outbox key is unique.
/// </summary>
public static class Reminders
{
    private const int DaysAfter = 7;

    public static async Task QueueAsync(PatDbContext db, EmailOptions options, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var ids = await db.Programs.Where(p => p.State == ProgramState.Approved && p.Year >= today.Year - 1 && p.Year <= today.Year)
            .Select(p => p.Id).ToListAsync(ct);
        if (ids.Count == 0) return;
        var programs = await db.LoadForProgressAsync(ids, ct);
        var sent = (await db.PeriodReports.AsNoTracking().Where(r => ids.Contains(r.ProgramId) && (r.State == ReportState.Submitted || r.State == ReportState.Approved))
            .Select(r => new { r.ProgramId, r.Month }).ToListAsync(ct)).Select(r => (r.ProgramId, r.Month)).ToHashSet();
        var people = await OutboxWriter.RecipientsAsync(db, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;

        var candidates = new List<OutboxMessage>();
        foreach (var program in programs)
            for (var month = 1; month <= 12; month++)
            {
                if (sent.Contains((program.Id, month)) || !PeriodPageBuilder.LinesDue(program, month).Any()) continue;
                var due = new ReportingPeriod(program.Year, Domain.Indicators.Frequency.Monthly, month, month).DueDate(program.GraceDays);
                var daysLeft = due.DayNumber - today.DayNumber;
                if (daysLeft > options.ReminderDays || daysLeft < -DaysAfter) continue;
                var notice = Messages.Reminder(program.Unit.ShortName, program.Year, month, program.Id, due, daysLeft);
                var kind = daysLeft >= 0 ? "antes" : "vencido";
                foreach (var person in people.Where(p => p.UnitId == program.UnitId && p.Role is Roles.Capturista or Roles.Titular && p.Wants(EmailTopics.Reminders)))
                    candidates.Add(new OutboxMessage($"recordatorio:{program.Id}:{month}:{kind}:{person.UserName}", person.UserName, person.Email,
                        notice.Subject, OutboxWriter.Body(notice, options.BaseUrl), now));
            }
        if (candidates.Count == 0) return;
        var keys = candidates.Select(c => c.Key).ToList();
        var queued = (await db.Outbox.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct)).ToHashSet();
        var fresh = candidates.Where(c => !queued.Contains(c.Key)).ToList();
        if (fresh.Count == 0) return;
        db.Outbox.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance queued the same reminders first (the keys are unique): they go once.
        }
    }
}
