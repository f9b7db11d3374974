using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PatUcsi.Web.Tests;

/// <summary>
/// Pendientes: each role's list and the menu's count follow the work as it is done — a month sent leaves the
/// capturista's list for the Titular's, a return comes back with its comment, a program sent waits for the Junta.
/// </summary>
public sealed class PendingTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string May = "/programas/1/avance/5";

    [Fact]
    public async Task Each_role_sees_what_waits_for_it_until_it_is_acted_on()
    {
        await using var factory = new PatWebFactory();
        using var capturista = await factory.SignedIn("capturista.ucsi");
        using var titular = await factory.SignedIn("titular.ucsi");
        using var junta = await factory.SignedIn("junta");

        // 2 December 2026: every month of UCSI 2024 with lines to report is overdue.
        var months = await MonthsWithLinesDue(factory);
        Assert.Contains($"Informes por capturar y enviar ({months})", await capturista.Html("/pendientes"));
        Assert.Equal(months, await Count(capturista));
        Assert.Equal(0, await Count(junta));
        Assert.Contains("No tiene nada pendiente.", await junta.Html("/pendientes"));

        // May sent: one month less to capture, one report for the Titular to review.
        var line = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{line}].Value1"] = "1", [$"Lines[{line}].Narrative"] = "Informe.", ["Accion"] = "enviar" });
        Assert.Equal(months - 1, await Count(capturista));
        Assert.Contains("Informes por revisar (1)", await titular.Html("/pendientes"));
        Assert.Matches("<a href=\"/programas/1/avance/5\">Informe de mayo 2024</a>: enviado por capturista.ucsi", await titular.Html("/pendientes"));

        // Returned with a comment: back on the capturista's list, with it, and off the Titular's inbox.
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(May, $"{May}/devolver", new() { ["Comment"] = "Adjunte el informe firmado." })).StatusCode);
        var returned = await capturista.Html("/pendientes");
        Assert.Contains("Devueltos con comentarios (1)", returned);
        Assert.Matches("Informe de mayo 2024</a>\\s*<span>: «Adjunte el informe firmado.»</span>", returned);
        Assert.DoesNotContain("Informes por revisar", await titular.Html("/pendientes"));

        // A program sent to the Junta waits on its list until it is reviewed.
        var programId = await factory.CreateDraftProgram(2025);
        await titular.PostForm($"/programas/{programId}", $"/programas/{programId}/enviar", []);
        Assert.Equal(1, await Count(junta));
        Assert.Contains($"<a href=\"/programas/{programId}\">Programa UCSI 2025</a>", await junta.Html("/pendientes"));
        await junta.PostForm($"/programas/{programId}", $"/programas/{programId}/aprobar", []);
        Assert.Equal(0, await Count(junta));
    }

    [Fact]
    public async Task The_menu_shows_the_count_and_the_page_lists_each_item_in_the_browser()
    {
        await using var factory = new PatWebFactory();
        var baseUrl = factory.StartOnKestrel();
        var months = (await MonthsWithLinesDue(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The administrator's pending item: an e-mail that could not be delivered.
        await using (var db = factory.Database.Context())
        {
            db.Outbox.Add(new PatUcsi.Domain.Notifications.OutboxMessage("prueba:1", "titular.ucsi", "titular@ieebcs.example", "Aviso", "Texto.", factory.Time.Now.UtcDateTime));
            await db.SaveChangesAsync();
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, PatUcsi.Domain.Notifications.OutboxMessage.MaxAttempts));
        }
        foreach (var (user, count) in new[] { ("capturista.ucsi", months), ("titular.ucsi", months), ("junta", null), ("admin", "1") })
        {
            var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "es-MX", ViewportSize = new() { Width = 1366, Height = 900 } });
            await using var _ = context;
            var browser = await context.NewPageAsync();
            await BrowserJourneyTests.SignInWithKeyboard(browser, user);
            var link = browser.GetByRole(AriaRole.Link, new() { Name = count is null ? "Pendientes" : $"Pendientes {count}", Exact = true });
            await Assertions.Expect(link).ToBeVisibleAsync();
            await link.ClickAsync();
            await Assertions.Expect(browser.GetByRole(AriaRole.Heading, new() { Name = "Pendientes", Exact = true })).ToBeVisibleAsync();
            if (user == "admin")
                await Assertions.Expect(browser.GetByRole(AriaRole.Link, new() { Name = "Revise el error en la bandeja de salida" })).ToBeVisibleAsync();
            else if (count is not null)
                await Assertions.Expect(browser.GetByRole(AriaRole.Link, new() { Name = "Informe de enero 2024" })).ToBeVisibleAsync();
            await browser.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, $"24-pendientes-{user}.png"), FullPage = true });
            if (user != "titular.ucsi") continue;
            // The user chooses the e-mails from the menu's Avisos: unticks one and saves.
            await browser.GetByRole(AriaRole.Link, new() { Name = "Avisos", Exact = true }).ClickAsync();
            await browser.GetByLabel("Informes de avance").UncheckAsync();
            await browser.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
            await Assertions.Expect(browser.GetByText("Se guardaron sus avisos por correo.")).ToBeVisibleAsync();
            await Assertions.Expect(browser.GetByLabel("Informes de avance")).Not.ToBeCheckedAsync();
            await Assertions.Expect(browser.GetByLabel("Recordatorios de entrega")).ToBeCheckedAsync();
            await browser.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "24-avisos-por-correo.png"), FullPage = true });
        }
    }

    /// <summary>The months of UCSI 2024 in which some indicator's period ends.</summary>
    private static async Task<int> MonthsWithLinesDue(PatWebFactory factory)
    {
        await using var db = factory.Database.Context();
        var program = (await PatUcsi.Data.ProgramQueries.LoadProgramAsync(db, 1))!;
        return Enumerable.Range(1, 12).Count(m => Features.Progress.PeriodPageBuilder.LinesDue(program, m).Any());
    }

    private static async Task<int> Count(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/pendientes/cuenta", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt32();
    }
}
