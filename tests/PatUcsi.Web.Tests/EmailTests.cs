using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatUcsi.Data;
using PatUcsi.Data.Identity;

namespace PatUcsi.Web.Tests;

/// <summary>
/// E-mail through a real SMTP server: written to the outbox with the change, delivered in the background in Spanish
/// with the link to act on; an outage loses nothing and sends nothing twice; reminders follow the institute's clock.
/// </summary>
public sealed class EmailTests(ITestOutputHelper output)
{
    private const string May = "/programas/1/avance/5";

    private static PatWebFactory App(SmtpServer smtp, string provider = "Sqlite", string? sharedDatabase = null) => new(provider, new Dictionary<string, string>(
        sharedDatabase is null ? [] : [new("ConnectionStrings:Pat", sharedDatabase)])
    {
        ["Email:Host"] = "127.0.0.1", ["Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Security"] = "None", ["Email:From"] = "PAT IEEBCS <pat@ieebcs.example>", ["Email:BaseUrl"] = "https://pat.ieebcs.example",
        ["Email:PollSeconds"] = "0.2",
    });

    /// <summary>The demo Titular and Capturista get addresses (the demo accounts have none).</summary>
    private static async Task GiveAddresses(PatWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var (name, address) in new[] { ("titular.ucsi", "titular@ieebcs.example"), ("capturista.ucsi", "capturista@ieebcs.example") })
        {
            var user = (await users.FindByNameAsync(name))!;
            user.Email = address;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
    }

    [Fact]
    public async Task A_sent_report_reaches_the_titular_and_an_outage_delays_the_approval_without_losing_or_doubling_it()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var factory = App(smtp);
        await GiveAddresses(factory);
        using var capturista = await factory.SignedIn("capturista.ucsi");
        using var titular = await factory.SignedIn("titular.ucsi");

        var line = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{line}].Value1"] = "1", [$"Lines[{line}].Narrative"] = "Informe.", ["Accion"] = "enviar" });
        var sent = (await smtp.WaitForAsync(1)).Single();
        Assert.Equal("titular@ieebcs.example", sent.To.Mailboxes.Single().Address);
        Assert.Equal("Informe de mayo 2024 enviado para su revisión (UCSI)", sent.Subject);
        Assert.Contains("capturista.ucsi envió el informe de avance de mayo 2024 de UCSI.", sent.TextBody);
        Assert.Contains("https://pat.ieebcs.example/programas/1/avance/5", sent.TextBody);

        // The server goes down; the approval is saved and its e-mail waits in the outbox with the error.
        await smtp.StopAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(May, $"{May}/aprobar", [])).StatusCode);
        await using (var db = factory.Database.Context())
        {
            for (var i = 0; i < 100 && !await db.Outbox.AnyAsync(m => m.LastError != null); i++) await Task.Delay(100);
            var waiting = await db.Outbox.SingleAsync(m => m.SentAtUtc == null);
            Assert.Equal(("capturista@ieebcs.example", 1), (waiting.ToAddress, waiting.Attempts));
            Assert.NotNull(waiting.LastError);
        }
        using (var admin = await factory.SignedIn("admin"))
        {
            var during = await admin.Html("/admin/correo");
            Assert.Contains("Pendientes: 1", during);
            Assert.Contains("<span>Pendiente; próximo intento", during);
        }

        // Back up, and a minute later (the first backoff) by the app's clock: delivered once.
        await smtp.StartAgainAsync();
        factory.Time.Now = factory.Time.Now.AddMinutes(2);
        var all = await smtp.WaitForAsync(2);
        await Task.Delay(1500); // several more rounds of the sender: nothing else arrives
        Assert.Equal(2, smtp.Messages().Count);
        var approved = Assert.Single(all, m => m.Subject == "Informe de mayo 2024 aprobado (UCSI)"); // same second as the first: found by subject
        Assert.Equal("capturista@ieebcs.example", approved.To.Mailboxes.Single().Address);
        await using (var db = factory.Database.Context())
            Assert.True(await db.Outbox.AllAsync(m => m.SentAtUtc != null && m.LastError == null));

        // The administrator sees both as sent, the second after two attempts.
        using var administrator = await factory.SignedIn("admin");
        var outbox = await administrator.Html("/admin/correo");
        Assert.Contains("Enviados: 2", outbox);
        Assert.Contains("Informe de mayo 2024 aprobado (UCSI)", outbox);
        Assert.Matches("Informe de mayo 2024 aprobado \\(UCSI\\)</td>\\s*<td>\\s*<span>Enviado el [0-9/]+ [0-9:]+</span>\\s*</td>\\s*<td class=\"text-end\">2</td>", outbox);
    }

    [Fact]
    public async Task A_reminder_goes_before_the_due_date_once_per_user_and_nothing_to_those_without_an_address()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var factory = App(smtp);
        // 1 June 2024: May's report is due on 10 June (10 days of grace), beyond the 5 days of the setting: nothing yet.
        factory.Time.Now = new DateTimeOffset(2024, 6, 1, 16, 0, 0, TimeSpan.Zero);
        await GiveAddresses(factory);
        await Task.Delay(1000);
        Assert.Empty(smtp.Messages());

        // 6 June in La Paz: 4 days ahead.
        factory.Time.Now = new DateTimeOffset(2024, 6, 6, 16, 0, 0, TimeSpan.Zero);

        var messages = await smtp.WaitForAsync(2);
        Assert.Equal(["capturista@ieebcs.example", "titular@ieebcs.example"], messages.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Equal("Recordatorio: el informe de mayo 2024 vence el 10 de junio de 2024 (UCSI)", m.Subject));
        Assert.All(messages, m => Assert.Contains("Faltan 4 días", m.TextBody));

        // The next day the same reminder is not sent again; the day after the due date, the notice that it passed.
        factory.Time.Now = factory.Time.Now.AddDays(1);
        await Task.Delay(1500);
        Assert.Equal(2, smtp.Messages().Count);
        factory.Time.Now = new DateTimeOffset(2024, 6, 11, 16, 0, 0, TimeSpan.Zero);
        var later = await smtp.WaitForAsync(4);
        Assert.All(later.Skip(2), m => Assert.Equal("Informe de mayo 2024 vencido (UCSI)", m.Subject));
    }

    [Fact]
    public async Task Each_user_gets_only_the_e_mails_chosen_and_the_choice_is_audited()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var factory = App(smtp);
        await GiveAddresses(factory);
        using var titular = await factory.SignedIn("titular.ucsi");
        Assert.Contains("Los avisos se envían a <strong>titular@ieebcs.example</strong>", await titular.Html("/cuenta/avisos"));

        // The Titular keeps the program's e-mails and the reminders but not the reports'.
        var saved = await titular.PostForm("/cuenta/avisos", "/cuenta/avisos",
            new() { ["Reports"] = "false", ["Programs"] = "true", ["Reminders"] = "true" });
        Assert.Equal("/cuenta/avisos", saved.Headers.Location?.OriginalString);
        var page = await titular.Html("/cuenta/avisos");
        Assert.Contains("Se guardaron sus avisos por correo.", page);
        Assert.Matches("<input[^>]*name=\"Reports\"[^>]*value=\"true\"", page);
        Assert.DoesNotMatch("<input[^>]*checked=\"checked\"[^>]*name=\"Reports\"", page);
        Assert.Matches("<input[^>]*checked=\"checked\"[^>]*name=\"Programs\"", page);
        await using (var db = factory.Database.Context())
        {
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "AppUser" && a.EntityKey == "titular.ucsi");
            Assert.Equal(("titular.ucsi", "{\"EmailTopics\":\"All\"}", "{\"EmailTopics\":\"Programs, Reminders\"}"), (audit.User, audit.Before, audit.After));
        }

        // A sent report e-mails nobody now; its approval still reaches the Capturista, who kept everything.
        using var capturista = await factory.SignedIn("capturista.ucsi");
        var line = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{line}].Value1"] = "1", [$"Lines[{line}].Narrative"] = "Informe.", ["Accion"] = "enviar" });
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(May, $"{May}/aprobar", [])).StatusCode);
        var only = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(("capturista@ieebcs.example", "Informe de mayo 2024 aprobado (UCSI)"), (only.To.Mailboxes.Single().Address, only.Subject));
        await Task.Delay(1000);
        Assert.Single(smtp.Messages());

        // Without an address, the page says the notices stay in Pendientes.
        using var junta = await factory.SignedIn("junta");
        Assert.Contains("Su cuenta no tiene dirección de correo", await junta.Html("/cuenta/avisos"));
    }

    [Fact]
    public async Task A_failed_message_shows_in_the_administrators_pendientes_and_goes_when_retried()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var factory = App(smtp);
        await using (var db = factory.Database.Context())
        {
            db.Outbox.Add(new PatUcsi.Domain.Notifications.OutboxMessage("prueba:1", "titular.ucsi", "titular@ieebcs.example", "Aviso de prueba", "Texto.",
                factory.Time.Now.UtcDateTime));
            await db.SaveChangesAsync();
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, PatUcsi.Domain.Notifications.OutboxMessage.MaxAttempts)
                .SetProperty(m => m.LastError, "Connection refused"));
        }
        using var admin = await factory.SignedIn("admin");
        Assert.Contains("Correos no entregados (1)", await admin.Html("/pendientes"));
        Assert.Contains("Reintentar los fallidos (1)", await admin.Html("/admin/correo"));
        await Task.Delay(500);
        Assert.Empty(smtp.Messages()); // a failed message is not tried again by itself

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostForm("/admin/correo", "/admin/correo/reintentar", [])).StatusCode);
        Assert.Equal("Aviso de prueba", Assert.Single(await smtp.WaitForAsync(1)).Subject);
        Assert.DoesNotContain("Correos no entregados", await admin.Html("/pendientes"));
        await using (var db = factory.Database.Context())
        {
            Assert.NotNull((await db.Outbox.SingleAsync()).SentAtUtc);
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "OutboxMessage" && a.Action == PatUcsi.Domain.Auditing.AuditAction.Update);
            Assert.Equal("admin", audit.User);
        }
    }

    /// <summary>
    /// Two instances on one PostgreSQL database, each with its sender: every message is claimed by one of them
    /// (an update only one can win), so each arrives once, and both took part.
    /// </summary>
    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_deliver_each_message_once()
    {
        const int Count = 120;
        await using var smtp = await SmtpServer.StartAsync();
        await using var first = App(smtp, DatabaseProvider.PostgreSql);
        first.StartOnKestrel();
        await using var second = App(smtp, DatabaseProvider.PostgreSql, first.Database.ConnectionString);
        second.StartOnKestrel();
        await using (var db = first.Database.Context())
        {
            db.Outbox.AddRange(Enumerable.Range(1, Count).Select(i => new PatUcsi.Domain.Notifications.OutboxMessage(
                $"prueba:{i}", "titular.ucsi", $"persona{i}@ieebcs.example", $"Aviso {i}", "Texto.", first.Time.Now.UtcDateTime)));
            await db.SaveChangesAsync();
        }
        var arrived = await smtp.WaitForAsync(Count, seconds: 60);
        await Task.Delay(1500); // more rounds of both senders: nothing else arrives
        Assert.Equal(Count, smtp.Messages().Count);
        Assert.Equal(Count, arrived.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        await using (var db = first.Database.Context())
        {
            Assert.True(await db.Outbox.AllAsync(m => m.SentAtUtc != null && m.Attempts == 1));
            var senders = await db.Outbox.GroupBy(m => m.LockedBy).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Figures.Print(output, $"PostgreSQL: {Count} correos con dos instancias, entregados una vez cada uno: {string.Join(" y ", senders.Select(s => s.Count))} por instancia.");
            Assert.Equal(2, senders.Count);
        }
    }
}
