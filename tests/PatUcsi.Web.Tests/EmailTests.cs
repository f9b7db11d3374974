using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatUcsi.Data.Identity;

namespace PatUcsi.Web.Tests;

/// <summary>
/// E-mail through a real SMTP server: written to the outbox with the change, delivered in the background in Spanish
/// with the link to act on; an outage loses nothing and sends nothing twice; reminders follow the institute's clock.
/// </summary>
public sealed class EmailTests
{
    private const string May = "/programas/1/avance/5";

    private static PatWebFactory App(SmtpServer smtp, string provider = "Sqlite") => new(provider, new Dictionary<string, string>
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
}
