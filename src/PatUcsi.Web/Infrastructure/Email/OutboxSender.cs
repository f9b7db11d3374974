using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PatUcsi.Data;
using PatUcsi.Domain;
using PatUcsi.Domain.Notifications;

namespace PatUcsi.Web.Infrastructure.Email;

/// <summary>
/// Delivers the outbox through the configured SMTP server: each message is claimed by one instance (an update only one
/// can win), sent, and marked sent; a failure is retried later with a growing wait, up to
/// <see cref="OutboxMessage.MaxAttempts"/>. An outage loses nothing: the messages wait in the database. The reminders
/// are queued on the same round.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxSender> log)
    : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>The institute's day the reminders were last queued: once a day is enough (their keys keep them single).</summary>
    private DateOnly? _remindedOn;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_remindedOn != clock.Today())
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await Reminders.QueueAsync(scope.ServiceProvider.GetRequiredService<PatDbContext>(), options.Value, stoppingToken);
                    _remindedOn = clock.Today();
                }
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "No se pudo procesar la bandeja de salida de correo");
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends what is due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox
            .Where(m => m.SentAtUtc == null && m.Attempts < OutboxMessage.MaxAttempts && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(ct);
        if (due.Count == 0) return 0;

        using var smtp = new SmtpClient();
        var sent = 0;
        foreach (var id in due)
        {
            // Only one instance wins the claim; a claim left by a crashed instance expires after five minutes.
            var claimed = await db.Outbox.Where(m => m.Id == id && m.SentAtUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, _instance).SetProperty(m => m.LockedUntilUtc, now.AddMinutes(5)), ct);
            if (claimed == 0) continue;
            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                if (!smtp.IsConnected) await ConnectAsync(smtp, ct);
                await smtp.SendAsync(Mime(message), ct);
                await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAtUtc, clock.GetUtcNow().UtcDateTime).SetProperty(m => m.Attempts, message.Attempts + 1)
                    .SetProperty(m => m.LockedUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptUtc, now + OutboxMessage.Backoff(attempts))
                    .SetProperty(m => m.LockedUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, error), CancellationToken.None);
                log.LogWarning("No se entregó el correo {Id} a {To} (intento {Attempt}): {Error}", id, message.ToAddress, attempts, error);
                if (!smtp.IsConnected) break; // the server is down: the others wait for the next round
            }
        }
        if (smtp.IsConnected) await smtp.DisconnectAsync(true, CancellationToken.None);
        return sent;
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        var o = options.Value;
        smtp.Timeout = 20_000;
        await smtp.ConnectAsync(o.Host!, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(o.User)) await smtp.AuthenticateAsync(o.User, o.Password ?? "", ct);
    }

    private MimeMessage Mime(OutboxMessage m)
    {
        var mime = new MimeMessage
        {
            Subject = m.Subject,
            Date = clock.GetUtcNow(), // the app's one clock, as every time it prints
            Body = new TextPart("plain") { Text = m.Body },
            // The same id on a resend: a mail server or client that already has it can tell.
            MessageId = $"pat-{m.Id}-{m.CreatedAtUtc.Ticks}@{new Uri(options.Value.BaseUrl).Host}",
        };
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(m.ToAddress));
        return mime;
    }
}
