using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatUcsi.Domain.Programs;
using PatUcsi.Tests;

namespace PatUcsi.Web.Tests;

/// <summary>One Chromium (Debian's, not a downloaded build) for all the journeys.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts", "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("PAT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: run the tests with ./test.sh (it installs Debian's chromium) or set PAT_CHROMIUM.");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--lang=es-MX", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Clicks a button that posts its form and returns once the answer has loaded, styles included. (Waiting for the load
    /// state alone can see the page before the click, and a click returns when the answer starts: a check run then met
    /// unstyled text.)
    /// </summary>
    public static async Task Submit(IPage page, ILocator button)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage _) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await button.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

public sealed class BrowserJourneyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>The app on a real Kestrel port, so the browser talks to it over HTTP.</summary>
    private static (PatWebFactory Factory, string BaseUrl) StartApp()
    {
        var factory = new PatWebFactory();
        return (factory, factory.StartOnKestrel());
    }

    private async Task<IPage> NewPage(string baseUrl)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "es-MX", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var asked = Questions.GetOrAdd(page, _ => []);
        page.Dialog += async (_, dialog) =>
        {
            // The confirmations before sending, returning and approving: recorded, then accepted as a user would.
            asked.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        return page;
    }

    /// <summary>The confirmation questions each page asked, in order.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IPage, List<string>> Questions = new();

    internal static async Task SignInWithKeyboard(IPage page, string user)
    {
        await page.GotoAsync("/cuenta/entrar");
        // The user field takes the focus as the page loads (autofocus): typed before that, the keys went nowhere.
        await Assertions.Expect(page.GetByLabel("Usuario")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(user);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);
        // What was typed is what is sent: a key lost on a loaded machine fails here, by name, not as a timeout.
        await Assertions.Expect(page.GetByLabel("Usuario")).ToHaveValueAsync(user);
        await Assertions.Expect(page.GetByLabel("Contraseña")).ToHaveValueAsync(PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/cuenta/entrar", StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            // Still on the sign-in page: say what the page says (a refused sign-in, an antiforgery error…).
            throw new Xunit.Sdk.XunitException($"{user} no entró; la página dice: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, name + ".png"), FullPage = false });

    [Fact]
    public async Task The_titular_edits_and_sends_the_program_and_the_junta_approves_it()
    {
        var (factory, baseUrl) = StartApp();
        await using var _ = factory;
        var programId = await factory.CreateDraftProgram(2025);
        var titular = await NewPage(baseUrl);

        await SignInWithKeyboard(titular, "titular.ucsi");
        await Assertions.Expect(titular.GetByRole(AriaRole.Link, new() { Name = "UCSI · Unidad de Cómputo y Servicios Informáticos" }).First).ToBeVisibleAsync();
        await Shot(titular, "01-inicio-titular");

        await titular.GotoAsync($"/programas/{programId}");
        await Assertions.Expect(titular.GetByText("BORRADOR · Borrador")).ToBeVisibleAsync();
        await Shot(titular, "02-programa-borrador");

        await titular.GetByRole(AriaRole.Link, new() { Name = "Editar programa" }).ClickAsync();
        await Assertions.Expect(titular.GetByRole(AriaRole.Heading, new() { Name = "Editar programa UCSI 2025" })).ToBeVisibleAsync();
        await Shot(titular, "03-editor");

        // An indicator: line 1.1, goal 6 → 7.
        await titular.Locator("tr", new() { HasText = "Implementar la versión 2 del Programa de Resultados Electorales Preliminares." })
            .GetByRole(AriaRole.Link, new() { Name = "Indicador" }).ClickAsync();
        await titular.GetByLabel("Meta", new() { Exact = true }).FillAsync("7");
        await Shot(titular, "04-indicador");
        await titular.GetByRole(AriaRole.Button, new() { Name = "Guardar" }).ClickAsync();
        await Assertions.Expect(titular.GetByText("Se guardó el indicador de la línea 1.1.")).ToBeVisibleAsync();

        // A month of the schedule: 7.1 in September.
        var september = titular.GetByRole(AriaRole.Button, new() { Name = "7.1, septiembre: sin programar; pulse para programar", Exact = true });
        await september.ClickAsync();
        await Assertions.Expect(titular.GetByRole(AriaRole.Button, new() { Name = "7.1, septiembre: programado; pulse para quitar", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        await titular.GotoAsync($"/programas/{programId}");
        await titular.GetByRole(AriaRole.Button, new() { Name = "Enviar a la Junta" }).ClickAsync();
        await Assertions.Expect(titular.GetByText("El programa se envió a la Junta Estatal Ejecutiva.")).ToBeVisibleAsync();
        await Assertions.Expect(titular.GetByRole(AriaRole.Link, new() { Name = "Editar programa" })).ToHaveCountAsync(0);

        var junta = await NewPage(baseUrl);
        await SignInWithKeyboard(junta, "junta");
        await junta.GetByRole(AriaRole.Link, new() { Name = "UCSI · Unidad de Cómputo y Servicios Informáticos" }).ClickAsync();
        await Assertions.Expect(junta.GetByRole(AriaRole.Button, new() { Name = "Aprobar" })).ToBeVisibleAsync();
        await Shot(junta, "05-revision-junta");
        await junta.GetByRole(AriaRole.Button, new() { Name = "Aprobar" }).ClickAsync();
        await Assertions.Expect(junta.GetByText("El programa quedó aprobado.")).ToBeVisibleAsync();
        await Shot(junta, "06-aprobado");

        // The history of what just happened, whole and by kind, in Spanish words and La Paz time.
        await junta.GotoAsync($"/programas/{programId}/historial");
        await Assertions.Expect(junta.GetByRole(AriaRole.Heading, new() { Name = "Historial de cambios" })).ToBeVisibleAsync();
        await Assertions.Expect(junta.GetByText("Enviado a la Junta").First).ToBeVisibleAsync();
        await Shot(junta, "15-historial");
        foreach (var (kind, text) in new[] { ("programa", "Estado"), ("objetivos", "Meses del cronograma"), ("indicadores", "Meta") })
        {
            await junta.GetByLabel("Mostrar", new() { Exact = true }).SelectOptionAsync(kind);
            await junta.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
            await Assertions.Expect(junta.Locator("dt", new() { HasTextString = text }).First).ToBeVisibleAsync();
            await Shot(junta, $"15-historial-{kind}");
        }

        await using var db = factory.Database.Context();
        var program = await db.Programs.SingleAsync(p => p.Id == programId);
        Assert.Equal(ProgramState.Approved, program.State);
        Assert.Equal(7, (await db.Indicators.SingleAsync(i => i.ActionLine.Objective.ProgramId == programId && i.ActionLine.Number == "1.1")).Goal);
        Assert.Equal([7, 9], (await db.ActionLines.SingleAsync(l => l.Objective.ProgramId == programId && l.Number == "7.1")).Schedule.List());
    }

    [Fact]
    public async Task A_capturista_reads_the_program_but_cannot_edit_it()
    {
        var (factory, baseUrl) = StartApp();
        await using var _ = factory;
        var programId = await factory.CreateDraftProgram(2025);
        var page = await NewPage(baseUrl);

        await SignInWithKeyboard(page, "capturista.ucsi");
        await page.GotoAsync($"/programas/{programId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "7. Indicadores y metas" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Editar programa" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enviar a la Junta" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync($"/programas/{programId}/editar");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acceso denegado" })).ToBeVisibleAsync();
        await Shot(page, "07-capturista-sin-permiso");
    }

    [Fact]
    public async Task The_monthly_cycle_in_the_browser()
    {
        var (factory, baseUrl) = StartApp();
        await using var _ = factory;
        var evidence = Path.Combine(Path.GetTempPath(), $"informe-mayo-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(evidence, ProgressTests.Pdf);
        var capturista = await NewPage(baseUrl);
        var titular = await NewPage(baseUrl);

        // The Capturista enters May's progress with a file and sends it.
        await SignInWithKeyboard(capturista, "capturista.ucsi");
        await capturista.GetByRole(AriaRole.Link, new() { Name = "mayo 2024" }).ClickAsync();
        var prep = capturista.GetByRole(AriaRole.Group, new() { Name = "1.1 Implementar la versión 2" });
        // es-MX users type the decimal comma: "1,5" is one and a half, stored as 1.5 and shown back as such.
        await prep.GetByLabel("Unidades cumplidas en el periodo (Documento)").FillAsync("1,5");
        await capturista.GetByRole(AriaRole.Button, new() { Name = "Guardar borrador" }).ClickAsync();
        await Assertions.Expect(capturista.GetByText("Se guardó el borrador de mayo.")).ToBeVisibleAsync();
        await Assertions.Expect(prep.GetByLabel("Unidades cumplidas en el periodo (Documento)")).ToHaveValueAsync("1.5");
        await using (var db = factory.Database.Context())
            Assert.Equal(1.5m, (await db.ProgressEntries.SingleAsync()).Value1);
        await prep.GetByLabel("Descripción de lo realizado").FillAsync("Se entregó el informe de avance de mayo.");
        await prep.GetByLabel("Agregar evidencia").SetInputFilesAsync(evidence);
        await Shot(capturista, "12-captura-mayo");
        await capturista.GetByRole(AriaRole.Button, new() { Name = "Guardar y enviar al Titular" }).ClickAsync();
        await Assertions.Expect(capturista.GetByText("El informe de mayo se envió al Titular (fuera de plazo).")).ToBeVisibleAsync();
        Assert.Equal(["¿Guardar y enviar el informe de mayo al Titular? Ya no podrá modificarlo mientras se revisa."], Questions[capturista]);

        // The Titular returns it with a comment on the line.
        await SignInWithKeyboard(titular, "titular.ucsi");
        await titular.GetByRole(AriaRole.Link, new() { Name = "Informe de mayo 2024" }).ClickAsync();
        await Assertions.Expect(titular.GetByRole(AriaRole.Link, new() { Name = Path.GetFileName(evidence) })).ToBeVisibleAsync();
        await titular.GetByLabel("Comentario para la línea 1.1").FillAsync("Indique el número de oficio de entrega.");
        await Shot(titular, "13-revision-titular");
        await titular.GetByRole(AriaRole.Button, new() { Name = "Devolver con comentarios" }).ClickAsync();
        await Assertions.Expect(titular.GetByText("Se devolvió el informe de mayo con sus comentarios.")).ToBeVisibleAsync();

        // The Capturista corrects and sends it again.
        await capturista.ReloadAsync();
        await Assertions.Expect(capturista.GetByText("Indique el número de oficio de entrega.")).ToBeVisibleAsync();
        await prep.GetByLabel("o una referencia (número de oficio, URL)").FillAsync("Oficio IEEBCS-UCSI-051-2024");
        await capturista.GetByRole(AriaRole.Button, new() { Name = "Guardar y enviar al Titular" }).ClickAsync();
        await Assertions.Expect(capturista.GetByText("El informe de mayo se envió al Titular (fuera de plazo).")).ToBeVisibleAsync();

        // The Titular approves; the program page shows the new figures.
        await titular.ReloadAsync();
        await titular.GetByRole(AriaRole.Button, new() { Name = "Aprobar informe" }).ClickAsync();
        await Assertions.Expect(titular.GetByText("Se aprobó el informe de mayo.")).ToBeVisibleAsync();
        Assert.Equal(2, Questions[titular].Count(q => q.StartsWith("¿Devolver el informe de mayo", StringComparison.Ordinal) || q.StartsWith("¿Aprobar el informe de mayo", StringComparison.Ordinal)));
        await titular.GotoAsync("/programas/1"); // as of today: every 2024 period is due
        var row = titular.Locator("table.indicator-status tr", new() { HasText = "Informe de avance de desarrollo" }).First;
        await Assertions.Expect(row).ToContainTextAsync("25.0"); // 1.5 of 6 documents
        await Assertions.Expect(row).ToContainTextAsync("NO CUMPLIDA");
        await Shot(titular, "14-programa-con-avance");
        await titular.GotoAsync("/programas/1/historial?tipo=avance");
        await Assertions.Expect(titular.Locator("dt", new() { HasTextString = "Valor (unidades o valor 1)" }).First).ToBeVisibleAsync();
        await Shot(titular, "15-historial-avance");
        File.Delete(evidence);
    }

    [Fact]
    public async Task The_program_page_and_the_administration_render()
    {
        var (factory, baseUrl) = StartApp();
        await using var _ = factory;
        var page = await NewPage(baseUrl);

        await SignInWithKeyboard(page, "admin");
        await page.GotoAsync("/programas/1?fecha=2024-06-15#cronograma");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Cronograma: Actividades de la Unidad" })).ToBeVisibleAsync();
        await Shot(page, "08-cronograma");
        await page.Locator("#indicadores").ScrollIntoViewIfNeededAsync();
        await Shot(page, "09-indicadores");
        await page.GotoAsync("/admin/usuarios");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "titular.ucsi" })).ToBeVisibleAsync();
        await Shot(page, "10-usuarios");
        await page.GotoAsync("/admin/programas/nuevo");
        await Shot(page, "11-abrir-ejercicio");
    }
}
