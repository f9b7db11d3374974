using Microsoft.EntityFrameworkCore;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Notifications;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Data.Notifications;

/// <summary>Whether the app sends e-mail (a server is configured), and its public address for the links in them.</summary>
public sealed record MailSettings(bool Enabled, string BaseUrl);

/// <summary>
/// Turns the changes about to be saved into e-mails in the outbox, saved with them in the same transaction: a report
/// sent (to the unit's Titular), returned, approved or reopened (to its capture staff); a program sent (to the Junta),
/// returned or approved (to the unit's Titular). Only active users with an e-mail address who want that kind get one.
/// </summary>
public static class OutboxWriter
{
    public static async Task CollectAsync(PatDbContext db, MailSettings settings, CancellationToken ct)
    {
        if (!settings.Enabled) return;
        var events = db.ChangeTracker.Entries<ReportEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var programs = db.ChangeTracker.Entries<AnnualProgram>()
            .Where(e => e.State == EntityState.Modified && !Equals(e.Property(p => p.State).OriginalValue, e.Property(p => p.State).CurrentValue))
            .Select(e => (Program: e.Entity, Was: e.Property(p => p.State).OriginalValue)).ToList();
        if (events.Count == 0 && programs.Count == 0) return;

        var reports = db.ChangeTracker.Entries<PeriodReport>().Select(e => e.Entity).ToList();
        var owned = events.Select(ev => (Event: ev, Report: reports.Single(r => r.History.Contains(ev)))).ToList();
        var ids = owned.Select(o => o.Report.ProgramId).Concat(programs.Select(p => p.Program.Id)).Distinct().ToList();
        var info = await db.Programs.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.UnitId, p.Unit.ShortName, p.Year }).ToDictionaryAsync(p => p.Id, ct);
        var people = await RecipientsAsync(db, ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;

        void Queue(string key, IEnumerable<Person> to, Notice notice)
        {
            foreach (var person in to)
                db.Add(new OutboxMessage($"{key}:{person.UserName}", person.UserName, person.Email, notice.Subject, Body(notice, settings.BaseUrl), now));
        }

        foreach (var (ev, report) in owned)
        {
            var p = info[report.ProgramId];
            var to = people.Where(x => x.Wants(EmailTopics.Reports) && x.UnitId == p.UnitId
                && x.Role == (ev.Action == ReportAction.Submitted ? Roles.Titular : Roles.Capturista));
            Queue($"informe:{report.ProgramId}:{report.Month}:{ev.Action}:{ev.At.Ticks}", to,
                Messages.Report(ev.Action, p.ShortName, p.Year, report.Month, report.ProgramId, ev.User, ev.Comment));
        }
        foreach (var (program, was) in programs)
        {
            var p = info[program.Id];
            var toJunta = program.State == ProgramState.Submitted;
            var to = people.Where(x => x.Wants(EmailTopics.Programs)
                && (toJunta ? x.Role == Roles.Junta : x.Role == Roles.Titular && x.UnitId == p.UnitId));
            var returned = was == ProgramState.Submitted && program.State == ProgramState.Draft;
            if (program.State == ProgramState.Draft && !returned) continue; // reopened by the Junta: the program page says why
            Queue($"programa:{program.Id}:{program.State}:{now.Ticks}", to,
                Messages.ProgramChange(program.State, returned, p.ShortName, p.Year, program.Id, program.ReviewComment));
        }
    }

    /// <summary>The message's text: what happened, the link to where it is acted on, the signature.</summary>
    public static string Body(Notice notice, string baseUrl) =>
        $"{notice.Body}\n\n{baseUrl.TrimEnd('/')}{notice.Path}\n\n— Programa Anual de Trabajo, Instituto Estatal Electoral de Baja California Sur";

    public sealed record Person(string UserName, string Email, int? UnitId, string Role, EmailTopics Topics)
    {
        public bool Wants(EmailTopics topic) => (Topics & topic) != 0;
    }

    /// <summary>Every active user with an e-mail address, with their unit, role and the e-mails they want.</summary>
    public static Task<List<Person>> RecipientsAsync(PatDbContext db, CancellationToken ct) =>
        (from user in db.Users
         join link in db.UserRoles on user.Id equals link.UserId
         join role in db.Roles on link.RoleId equals role.Id
         where user.IsActive && user.Email != null && user.Email != ""
         select new Person(user.UserName!, user.Email!, user.UnitId, role.Name!, user.EmailTopics)).AsNoTracking().ToListAsync(ct);
}
