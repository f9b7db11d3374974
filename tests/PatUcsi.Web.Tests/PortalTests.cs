using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Web.Tests;

/// <summary>
/// The public portal, anonymously: every page and file it links reachable, none with a session cookie, and none
/// showing what must never be public (each planted with a marker first).
/// </summary>
public sealed partial class PortalTests(ITestOutputHelper output, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string May = "/programas/1/avance/5";
    private static readonly Dictionary<string, string> Open = new() { ["Portal:Enabled"] = "true" };

    /// <summary>What must never be public, each with its own text.</summary>
    private static readonly string[] Markers =
    [
        "MARCADOR-BORRADOR", "MARCADOR-ENVIADO", "987654", "987,654", "MARCADOR-COMENTARIO", "MARCADOR-EVIDENCIA", "MARCADOR-PERSONA",
        "marcador-correo@ieebcs.example", "capturista.ucsi", "titular.ucsi", "MARCADOR-NARRATIVA",
        // How the staff's pages show a figure or a month that is not approved: preliminary figures, a report sent or in capture.
        "Preliminar:", "<td>enviado", "<td>en captura", "fuera de plazo",
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_crawl_reaches_every_public_page_and_file_and_none_shows_what_is_not_public(string provider)
    {
        await using var factory = new PatWebFactory(provider, Open);
        await PlantAsync(factory);

        var visited = await CrawlAsync(factory);
        var leaks = visited.SelectMany(v => Markers.Where(m => v.Value.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{v.Key}: {m}")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));

        // What is public is there: the approved May value in the open data, the program document, the files of every kind.
        Assert.Contains("/publico/ucsi/2024/indicadores/1.1", visited.Keys);
        Assert.Contains(visited.Keys, k => k.EndsWith("programa.pdf", StringComparison.Ordinal));
        Assert.Contains(visited.Keys, k => k.EndsWith("transparencia-t2.xlsx", StringComparison.Ordinal));
        Assert.Contains("/publico/datos", visited.Keys);
        Assert.Contains("PROGRAMA ANUAL DE TRABAJO DE LA UNIDAD DE CÓMPUTO", visited["/publico/2024/programas.pdf"].ToUpperInvariant());
        Assert.Contains("Indicadores de objetivos y resultados · Instituto Estatal Electoral", visited["/publico/2024/transparencia-t2.xlsx"], StringComparison.OrdinalIgnoreCase);
        var json = visited["/publico/ucsi/2024/indicadores.json"];
        Assert.Contains("\"cifrasAl\": \"2024-05-31\"", json);
        Assert.Matches("\"lineaDeAccion\": \"1.1\",[^}]*\"metaAlcanzada\": 7(\\.0+)?,", json);
        Assert.Contains("Misión", visited["/publico/ucsi/2024"]);
        Assert.DoesNotContain(visited.Keys, k => k.Contains("2025", StringComparison.Ordinal) || k.Contains("2026", StringComparison.Ordinal));

        // Asked for directly, what is not approved is not found (with the Spanish page), nor a quarter with nothing approved.
        using var anonymous = factory.Anonymous();
        foreach (var path in new[]
        {
            "/publico/ucsi/2025", "/publico/ucsi/2026", "/publico/2025", "/publico/2026/indicadores.csv", "/publico/2025/programas.pdf",
            "/publico/ucsi/2025/programa.pdf", "/publico/ucsi/2026/indicadores.json", "/publico/2026/transparencia-t1.xlsx",
            "/publico/ucsi/2024/transparencia-t3.xlsx", "/publico/ucsi/2024/indicadores/9.9", "/publico/deoe/2024",
        })
        {
            var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("Página no encontrada", await response.Body());
        }
        output.WriteLine($"{visited.Count} páginas y archivos públicos recorridos en {provider}");
    }

    [Fact]
    public async Task Public_answers_are_cached_revalidated_and_limited_and_an_approval_shows_at_once()
    {
        await using var factory = new PatWebFactory(settings: new Dictionary<string, string>(Open) { ["Portal:RequestsPerMinute"] = "12" });
        using var anonymous = factory.Anonymous();
        const string Page = "/publico/ucsi/2024";

        var first = await anonymous.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var tag = first.Headers.ETag!;
        using (var again = new HttpRequestMessage(HttpMethod.Get, Page))
        {
            again.Headers.IfNoneMatch.Add(tag);
            var notModified = await anonymous.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        // Served from the cache: a change written past the app (no save, so no new data version) does not show, with or
        // without a query string; a HEAD of a file has its length.
        await using (var db = factory.Database.Context())
            await db.Programs.Where(p => p.Id == 1).ExecuteUpdateAsync(x => x.SetProperty(p => p.Mission, "Texto escrito fuera de la aplicación"));
        Assert.DoesNotContain("Texto escrito fuera de la aplicación", await anonymous.GetStringAsync(new Uri(Page + "?x=1", UriKind.Relative)));
        using (var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, Page + "/programa.pdf")))
            Assert.True(head.StatusCode == HttpStatusCode.OK && head.Content.Headers.ContentLength > 1000, $"HEAD: {(int)head.StatusCode} {head.Content.Headers.ContentLength}");

        // The Titular approves May: the same address shows the new figures at once, with a new validator.
        using var capturista = await factory.SignedIn("capturista.ucsi");
        using var titular = await factory.SignedIn("titular.ucsi");
        var line = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{line}].Value1"] = "7", ["Accion"] = "enviar" });
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(May, $"{May}/aprobar", [])).StatusCode);
        using (var after = new HttpRequestMessage(HttpMethod.Get, Page))
        {
            after.Headers.IfNoneMatch.Add(tag);
            var changed = await anonymous.SendAsync(after);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(tag, changed.Headers.ETag);
            Assert.Contains("cifras al 31 de mayo de 2024", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()));
        }

        // Past the limit of the address: 429 with the Spanish page and when to come back.
        HttpResponseMessage response;
        var sent = 5;
        do
        {
            response = await anonymous.GetAsync(new Uri("/publico", UriKind.Relative));
            sent++;
        }
        while (response.StatusCode == HttpStatusCode.OK && sent < 40);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(13, sent); // 12 allowed a minute: the page, its 304, the cache check, the HEAD, the change, then /publico
        Assert.Contains("Demasiadas solicitudes", await response.Body());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task In_production_the_portal_is_closed_until_the_administrator_opens_it()
    {
        await using var factory = new PatWebFactory();
        using var anonymous = factory.Anonymous();
        var closed = await anonymous.GetAsync(new Uri("/publico", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Contains("Página no encontrada", await closed.Body());
        Assert.Contains("Disallow: /\n", await anonymous.GetStringAsync(new Uri("/robots.txt", UriKind.Relative)));

        using var admin = await factory.SignedIn("admin");
        var page = await admin.Html("/admin/portal");
        Assert.Contains("Estado: cerrado", page);
        Assert.Contains("<a href=\"/publico/ucsi/2024\">UCSI 2024</a>", page);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostForm("/admin/portal", "/admin/portal/abrir", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/publico", UriKind.Relative))).StatusCode);
        Assert.Contains("Allow: /publico", await anonymous.GetStringAsync(new Uri("/robots.txt", UriKind.Relative)));

        // The Junta reopens UCSI 2024: it leaves the portal at once.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/publico/ucsi/2024", UriKind.Relative))).StatusCode);
        using (var junta = await factory.SignedIn("junta"))
            Assert.Equal(HttpStatusCode.Redirect, (await junta.PostForm("/programas/1", "/programas/1/reabrir", new() { ["Comment"] = "Corrección de metas." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/publico/ucsi/2024", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("/publico/ucsi/2024", await anonymous.GetStringAsync(new Uri("/publico", UriKind.Relative)));

        // Closed again: the page cached a moment ago is not served.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostForm("/admin/portal", "/admin/portal/cerrar", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/publico", UriKind.Relative))).StatusCode);
        await using var db = factory.Database.Context();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "PortalSettings" && a.User == "admin"));
    }

    [Fact]
    public async Task A_citizen_finds_a_program_its_charts_and_an_indicator_in_the_browser()
    {
        await using var factory = new PatWebFactory(settings: Open);
        var baseUrl = factory.StartOnKestrel();
        HttpClient OnKestrel() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        using (var capturista = await PatWebFactory.SignIn(OnKestrel(), "capturista.ucsi", PatUcsi.Data.Identity.IdentitySeeder.DemoPassword))
        using (var titular = await PatWebFactory.SignIn(OnKestrel(), "titular.ucsi", PatUcsi.Data.Identity.IdentitySeeder.DemoPassword))
        {
            var line = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
            await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{line}].Value1"] = "7", ["Accion"] = "enviar" });
            Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(May, $"{May}/aprobar", [])).StatusCode);
        }
        foreach (var (width, height, suffix) in new[] { (1366, 900, ""), (390, 844, "-telefono") })
        {
            var context = await chromium.Browser.NewContextAsync(new()
                { BaseURL = baseUrl, Locale = "es-MX", ViewportSize = new() { Width = width, Height = height }, ReducedMotion = Microsoft.Playwright.ReducedMotion.Reduce });
            await using var _ = context;
            var page = await context.NewPageAsync();
            await page.GotoAsync("/publico");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, $"30-portal-inicio{suffix}.png"), FullPage = true });
            await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "UCSI · Unidad de Cómputo y Servicios Informáticos" }).ClickAsync();
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
            await Microsoft.Playwright.Assertions.Expect(page.GetByText("cifras al 31 de mayo de 2024").First).ToBeVisibleAsync();
            await Microsoft.Playwright.Assertions.Expect(page.Locator("canvas[data-chart=bars]").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, $"31-portal-programa{suffix}.png") });
            await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "1.1 Informe de avance de desarrollo" }).ClickAsync();
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
            await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "1.1 Informe de avance de desarrollo" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, $"32-portal-indicador{suffix}.png"), FullPage = true });
            Assert.Empty(await context.CookiesAsync()); // no session, no tracking (nor the sign-in page's, through a missing favicon)
        }
    }

    /// <summary>
    /// May approved (line 1.1: 7, with an evidence file and a narrative); an earlier month sent and waiting (a
    /// preliminary value); another returned with a comment; a draft and a submitted program; the capture
    /// staff's name and address.
    /// </summary>
    private static async Task PlantAsync(PatWebFactory factory)
    {
        using var capturista = await factory.SignedIn("capturista.ucsi");
        using var titular = await factory.SignedIn("titular.ucsi");
        var line = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        Assert.Equal(HttpStatusCode.Redirect, (await ProgressTests.PostPeriod(capturista, May,
            new() { [$"Lines[{line}].Value1"] = "7", [$"Lines[{line}].Narrative"] = "MARCADOR-NARRATIVA", ["Accion"] = "enviar" },
            ($"Lines[{line}].File", "MARCADOR-EVIDENCIA.pdf", ProgressTests.Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(May, $"{May}/aprobar", [])).StatusCode);

        int[] earlier;
        await using (var db = factory.Database.Context())
        {
            var program = (await ProgramQueries.LoadProgramAsync(db, 1))!;
            // Months before May's cut-off, so their figures would count if anything but approvals did.
            earlier = [.. Enumerable.Range(1, 4).Where(m => Features.Progress.PeriodPageBuilder.LinesDue(program, m).Any()).Take(2)];
        }
        var preliminary = $"/programas/1/avance/{earlier[0]}";
        var returned = $"/programas/1/avance/{earlier[1]}";
        // An implausible value (more than ten times the goal) is saved when confirmed, as a user would: sending the form again.
        var warned = await ProgressTests.PostPeriod(capturista, preliminary, new() { ["Lines[0].Value1"] = "987654", ["Accion"] = "enviar" });
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var confirmed = await capturista.PostAsync(new Uri(preliminary, UriKind.Relative),
            ProgressTests.PeriodForm(await warned.Content.ReadAsStringAsync(), new() { ["Lines[0].Value1"] = "987654", ["Accion"] = "enviar" }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ProgressTests.PostPeriod(capturista, returned,
            new() { ["Lines[0].Value1"] = "3", ["Accion"] = "enviar" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(returned, $"{returned}/devolver", new() { ["Comment"] = "MARCADOR-COMENTARIO" })).StatusCode);

        var draft = await factory.CreateDraftProgram(2025);
        var submitted = await factory.CreateDraftProgram(2026);
        await using (var db = factory.Database.Context())
        {
            await db.Programs.Where(p => p.Id == draft).ExecuteUpdateAsync(s => s.SetProperty(p => p.Mission, "MARCADOR-BORRADOR"));
            await db.Programs.Where(p => p.Id == submitted).ExecuteUpdateAsync(s => s.SetProperty(p => p.Mission, "MARCADOR-ENVIADO"));
            await db.Users.Where(u => u.UserName == "capturista.ucsi")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FullName, "MARCADOR-PERSONA").SetProperty(u => u.Email, "marcador-correo@ieebcs.example"));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm($"/programas/{submitted}", $"/programas/{submitted}/enviar", [])).StatusCode);
        await using (var db = factory.Database.Context())
            Assert.Equal(ProgramState.Submitted, await db.Programs.Where(p => p.Id == submitted).Select(p => p.State).SingleAsync());

        // Planted where the staff see them (so their absence from the portal means something).
        Assert.Contains("MARCADOR-EVIDENCIA", await titular.Html(May));
        Assert.Contains("987,654", await titular.Html(preliminary)); // as the pages write it; the files, without the separator
        Assert.Contains("MARCADOR-COMENTARIO", await capturista.Html(returned));
        Assert.Contains("MARCADOR-BORRADOR", await titular.Html($"/programas/{draft}"));
    }

    /// <summary>Every address the portal links, from its index, robots.txt and the sitemap, as text (PDFs through pdftotext, workbooks unzipped).</summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(PatWebFactory factory)
    {
        using var anonymous = factory.Anonymous();
        var visited = new Dictionary<string, string>();
        var queue = new Queue<string>(["/publico", "/robots.txt", "/sitemap.xml"]);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            if (visited.ContainsKey(path)) continue;
            var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = response.Content.Headers.ContentType?.MediaType switch
            {
                "application/pdf" => await PdfText(bytes),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => WorkbookText(bytes),
                _ => WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes)),
            };
            visited[path] = text;
            foreach (Match link in Link().Matches(text))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.StartsWith("http://localhost", StringComparison.Ordinal)) target = new Uri(target).PathAndQuery;
                if (target.StartsWith("/publico", StringComparison.Ordinal) && !visited.ContainsKey(target)) queue.Enqueue(target);
            }
        }
        return visited;
    }

    private static async Task<string> PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var pdftotext = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", $"-enc UTF-8 \"{file}\" -") { RedirectStandardOutput = true })!;
            var text = await pdftotext.StandardOutput.ReadToEndAsync();
            await pdftotext.WaitForExitAsync();
            Assert.Equal(0, pdftotext.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every XML part of the workbook (cells, shared strings, properties), entities decoded.</summary>
    private static string WorkbookText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return WebUtility.HtmlDecode(reader.ReadToEnd());
        }));
    }

    [GeneratedRegex("(?:href=\"|<loc>)([^\"<]+)")]
    private static partial Regex Link();
}
