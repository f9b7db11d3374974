using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatUcsi.Tests;

namespace PatUcsi.Web.Tests;

/// <summary>
/// Every page each role reaches by following the app's own links from its home (an enumeration, not a
/// hand-picked list), checked with axe (WCAG 2.0, 2.1 and 2.2 A/AA and best practice), the Nu HTML Checker and
/// a 320 px phone viewport; every form also in its error state. Screenshots at 375 and 1366 px are kept in
/// artifacts/screenshots/paginas.
/// </summary>
public sealed partial class AccessibilityTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

    /// <summary>
    /// Pages of one kind visited per role: one, but two program pages, so a draft and an approved program are
    /// both checked (and the links only an approved one has, such as cancelling a line, are followed).
    /// </summary>
    private static int PerKind(string kind) => kind == "/programas/{n}" ? 2 : 1;

    private static readonly string Pages = Path.Combine(ChromiumFixture.Screenshots, "paginas");

    /// <summary>Forms where every field may be left empty (an empty row removes an abbreviation): sent empty, they save.</summary>
    private static readonly HashSet<string> AcceptEmpty = ["/programas/{n}/editar/abreviaturas"];

    private static readonly string HtmlFolder = Path.Combine(RepoPaths.Root, "artifacts", "html");

    private sealed record Visit(string Role, string Kind, string Url, string HtmlFile)
    {
        public long Milliseconds { get; init; }
    }

    [Fact]
    public async Task Every_page_of_every_role_passes_axe_and_the_html_checker_and_fits_a_phone()
    {
        var factory = new PatWebFactory(settings: new Dictionary<string, string> { ["Portal:Enabled"] = "true" });
        await using var _ = factory;
        var baseUrl = factory.StartOnKestrel();
        await factory.CreateDraftProgram(2025);
        await PrepareReports(baseUrl);
        foreach (var folder in new[] { HtmlFolder, Pages })
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
        }

        // The roles walk side by side, each in its own browser context (their own cookies).
        var walks = await Task.WhenAll(new[] { "anonimo", "capturista.ucsi", "titular.ucsi", "junta", "admin" }.Select(async role =>
        {
            var found = new List<string>();
            return (Visits: await Crawl(baseUrl, role, found), Problems: found);
        }));
        var visits = walks.SelectMany(w => w.Visits).ToList();
        var problems = walks.SelectMany(w => w.Problems).ToList();

        problems.AddRange(Unvisited(factory, visits));
        problems.AddRange(await HtmlChecker(visits));
        await File.WriteAllLinesAsync(Path.Combine(RepoPaths.Root, "artifacts", "accesibilidad.txt"),
            visits.Select(v => $"{v.Role}\t{v.Kind}\t{v.Url}\t{v.Milliseconds} ms").Concat(["", .. problems]));
        Assert.True(problems.Count == 0, $"{problems.Count} problemas en {visits.Count} páginas:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// A month's capture with the keyboard alone: every Tab stop of the form stays in view above the sticky save
    /// bar, the figures are typed and the draft saved with Enter; the page reads in order for a screen reader.
    /// </summary>
    [Fact]
    public async Task A_month_is_captured_with_the_keyboard_alone_and_reads_in_order()
    {
        var factory = new PatWebFactory();
        await using var _ = factory;
        var baseUrl = factory.StartOnKestrel();
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "es-MX", ViewportSize = new() { Width = 1366, Height = 768 } });
        await using var __ = context;
        var page = await context.NewPageAsync();
        await BrowserJourneyTests.SignInWithKeyboard(page, "capturista.ucsi");
        await page.GotoAsync("/programas/1/avance/5");

        // Tab from the top of the page to the save button; type in the first figure and description on the way.
        var stops = 0;
        var typed = false;
        string? focused = null;
        while (focused != "Guardar borrador")
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(++stops < 200, "200 Tab presses without reaching «Guardar borrador»");
            var (id, text, _, hidden) = await Focused(page);
            focused = text;
            Assert.False(hidden, $"Tab {stops}: «{id ?? text}» queda tapado por la barra de guardar");
            if (id == "Lines_0__Value1" && !typed)
            {
                await page.Keyboard.TypeAsync("2");
                typed = true;
            }
            if (id == "Lines_0__Narrative") await page.Keyboard.TypeAsync("Se entregó el informe.");
        }
        Assert.True(typed, "the first line's figure was never reached by Tab");
        await Task.WhenAll(page.WaitForURLAsync("**/avance/5"), page.Keyboard.PressAsync("Enter"));
        await Assertions.Expect(page.GetByText("Se guardó el borrador de mayo.")).ToBeVisibleAsync();
        await using (var db = factory.Database.Context())
            Assert.Equal(2m, (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ProgressEntries)).Value1);

        // A figure that is not a number: the summary takes the focus and its link leads to the field.
        await page.GetByLabel("Unidades cumplidas en el periodo (Documento)").First.FillAsync("dos");
        await ChromiumFixture.Submit(page, page.GetByRole(AriaRole.Button, new() { Name = "Guardar borrador" }));
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.classList[2]"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Contains("Línea 1.1", (await Focused(page)).Text);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Lines_0__Value1", (await Focused(page)).Id);

        // What a screen reader meets, in order: landmarks, headings, the lines' groups and their tables.
        var snapshot = await page.Locator("body").AriaSnapshotAsync();
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Root, "artifacts", "lector-de-pantalla-captura-completo.txt"), snapshot);
        var outline = snapshot.Split('\n')
            .Select(l => l.Trim().TrimStart('-').Trim().Trim('\''))
            .Where(l => l.StartsWith("banner", StringComparison.Ordinal) || l.StartsWith("navigation", StringComparison.Ordinal) || l.StartsWith("main", StringComparison.Ordinal)
                || l.StartsWith("heading", StringComparison.Ordinal) || l.StartsWith("group", StringComparison.Ordinal) || l.StartsWith("region", StringComparison.Ordinal)
                || l.StartsWith("contentinfo", StringComparison.Ordinal) || l.StartsWith("alert", StringComparison.Ordinal))
            .ToList();
        await File.WriteAllLinesAsync(Path.Combine(RepoPaths.Root, "artifacts", "lector-de-pantalla-captura.txt"), outline);
        string[] expected = ["banner", "navigation \"Navegación principal\"", "main", "navigation \"Ruta de navegación\"", "heading \"Informe de avance de mayo 2024\" [level=1]",
            "alert", "heading \"No se pudo continuar", "group \"1.1 Implementar", "region \"Cifras de la línea 1.1\"", "contentinfo"];
        var at = 0;
        foreach (var line in outline)
            if (at < expected.Length && line.StartsWith(expected[at], StringComparison.Ordinal)) at++;
        Assert.True(at == expected.Length, $"the page does not read in order; missing «{(at < expected.Length ? expected[at] : "")}» in:\n{string.Join("\n", outline)}");
    }

    /// <summary>The cronograma by keyboard: a link reaches it from the top, and after a month is toggled the focus stays on that month.</summary>
    [Fact]
    public async Task The_cronograma_is_changed_with_the_keyboard_and_keeps_the_focus()
    {
        var factory = new PatWebFactory();
        await using var _ = factory;
        var baseUrl = factory.StartOnKestrel();
        var programId = await factory.CreateDraftProgram(2025);
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "es-MX", ViewportSize = new() { Width = 1366, Height = 768 } });
        await using var __ = context;
        var page = await context.NewPageAsync();
        await BrowserJourneyTests.SignInWithKeyboard(page, "titular.ucsi");
        await page.GotoAsync($"/programas/{programId}/editar");

        var presses = 0;
        while ((await Focused(page)).Text != "Ir al cronograma")
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(++presses <= 20, "«Ir al cronograma» is not among the first 20 Tab stops");
        }
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var first = await Focused(page);
        Assert.StartsWith("1.1, enero:", first.Label);

        // Right on to July of line 1.1 (programmed January to June) and press it: the page reloads with July still focused, now programmed.
        for (var i = 0; i < 6; i++) await page.Keyboard.PressAsync("Tab");
        var july = await Focused(page);
        Assert.StartsWith("1.1, julio: sin programar", july.Label);
        await Task.WhenAll(page.WaitForURLAsync($"**/editar#{july.Id}"), page.Keyboard.PressAsync("Enter"));
        await page.WaitForLoadStateAsync();
        await Assertions.Expect(page.Locator($"#{july.Id}")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator($"#{july.Id}")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Tab");
        Assert.StartsWith("1.1, agosto:", (await Focused(page)).Label);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "16-cronograma-teclado.png") });
    }

    /// <summary>The focused element (which must show the focus ring): its id, its text or value, its accessible label, and whether the sticky save bar covers it whole.</summary>
    private static async Task<(string? Id, string Text, string Label, bool Hidden)> Focused(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const e = document.activeElement;
              const r = e.getBoundingClientRect();
              const bar = document.querySelector('.sticky-actions');
              const b = bar && !bar.contains(e) ? bar.getBoundingClientRect() : null;
              const hidden = !!b && r.top >= b.top && r.bottom <= b.bottom;
              const style = getComputedStyle(e);
              const ring = style.outlineStyle === 'solid' && parseFloat(style.outlineWidth) >= 3 ? style.outlineColor : null;
              return { body: e === document.body, id: e.id || null, text: (e.innerText || e.value || '').trim(), label: e.getAttribute('aria-label') || '', hidden, ring };
            }
            """);
        var id = found.GetProperty("id").GetString();
        var text = found.GetProperty("text").GetString()!;
        // Every control shows the focus ring (3 px, dark blue on the page, white on the wine header: over 7:1 either way).
        Assert.True(found.GetProperty("ring").GetString() is "rgb(10, 58, 130)" or "rgb(255, 255, 255)" || found.GetProperty("body").GetBoolean() || id == "cronograma",
            $"«{id ?? text}» has no visible focus ring: {found.GetProperty("ring")}");
        return (id, text, found.GetProperty("label").GetString()!, found.GetProperty("hidden").GetBoolean());
    }

    /// <summary>Reports in every state the pages show: May sent to the Titular, June saved as a draft.</summary>
    private static async Task PrepareReports(string baseUrl)
    {
        using var capturista = await PatWebFactory.SignIn(
            new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) }, "capturista.ucsi", PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);
        foreach (var (month, action) in new[] { (4, "enviar"), (5, "enviar"), (6, "guardar") })
        {
            var page = $"/programas/1/avance/{month}";
            var response = await ProgressTests.PostPeriod(capturista, page, new() { ["Lines[0].Value1"] = "1", ["Lines[0].Narrative"] = "Avance del mes.", ["Accion"] = action });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        // April approved: the public portal has official figures (its charts and indicator pages); May waits for review.
        using var titular = await PatWebFactory.SignIn(
            new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) }, "titular.ucsi", PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await titular.PostForm("/programas/1/avance/4", "/programas/1/avance/4/aprobar", [])).StatusCode);
    }

    private async Task<List<Visit>> Crawl(string baseUrl, string role, List<string> problems)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "es-MX", ViewportSize = new() { Width = 1366, Height = 900 } });
        await using var __ = context;
        await context.AddInitScriptAsync(scriptPath: AxeScript);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        if (role != "anonimo")
        {
            await page.GotoAsync("/cuenta/entrar");
            await page.GetByLabel("Usuario").FillAsync(role);
            await page.GetByLabel("Contraseña").FillAsync(PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/cuenta/entrar", StringComparison.Ordinal));
        }

        var visits = new List<Visit>();
        var seen = new HashSet<string>();
        var perKind = new Dictionary<string, int>();
        var queue = new Queue<string>(role == "anonimo" ? ["/cuenta/entrar", "/error/404", "/publico"] : ["/", "/error/404"]);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var kind = Kind(path);
            if (!seen.Add(path) || perKind.GetValueOrDefault(kind) >= PerKind(kind)) continue;
            perKind[kind] = perKind.GetValueOrDefault(kind) + 1;

            var clock = Stopwatch.StartNew();
            await page.GotoAsync(path);
            var name = $"{role}-{Slug(kind)}-{perKind[kind]}";
            visits.Add(new(role, kind, path, await Check(page, $"{role} {path}", name, problems)) { Milliseconds = clock.ElapsedMilliseconds });
            foreach (var link in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)"))
                if (Reachable(baseUrl, link) is { } next && !seen.Contains(next)) queue.Enqueue(next);

            if (await FillFormWithErrors(page))
            {
                await ChromiumFixture.Submit(page, page.Locator("form[data-error-state] [type=submit]").First);
                if (AcceptEmpty.Contains(kind) && await page.Locator(".error-summary").CountAsync() == 0) continue;
                var where = $"{role} {path} (formulario con errores)";
                visits.Add(new(role, kind + " (errores)", path, await Check(page, where, name + "-errores", problems)));
                problems.AddRange(await ErrorSummaryProblems(page, where));
            }
        }
        return visits;
    }

    /// <summary>axe-core from npm, put in every page of the crawl before the page's own scripts (the page's CSP does not apply to it).</summary>
    private static readonly string AxeScript = Path.Combine(RepoPaths.Root, "tests", "PatUcsi.Web.Tests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Only the violations come back, each with where it is: collecting every passing node made a page's check take seconds.</summary>
    private const string RunAxe = """
        async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations
          .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))
        """;

    private sealed class AxeViolation
    {
        public string Id { get; set; } = "";
        public string? Impact { get; set; }
        public string Help { get; set; } = "";
        public string[] Nodes { get; set; } = [];
    }

    /// <summary>axe, a phone-width check and the screenshots of the page on screen; returns where its HTML was saved for the checker.</summary>
    private static async Task<string> Check(IPage page, string where, string name, List<string> problems)
    {
        foreach (var violation in await page.EvaluateAsync<AxeViolation[]>(RunAxe, Tags))
            problems.Add($"{where}: axe {violation.Id} ({violation.Impact}) {violation.Help}: " +
                string.Join(" | ", violation.Nodes.Take(3)) + (violation.Nodes.Length > 3 ? $" … ({violation.Nodes.Length})" : ""));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Pages, $"{name}-1366.png") });

        foreach (var width in new[] { 375, 320 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var wide = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (wide > width) problems.Add($"{where}: a {width} px la página se desplaza a lo ancho ({wide} px): " + await WidestElement(page, width));
            if (width == 375) await page.ScreenshotAsync(new() { Path = Path.Combine(Pages, $"{name}-375.png") });
        }
        await page.SetViewportSizeAsync(1366, 900);

        var file = Path.Combine(HtmlFolder, name + ".html");
        await File.WriteAllTextAsync(file, await page.ContentAsync());
        return file;
    }

    /// <summary>What sticks out of a narrow viewport, so the message says where to look.</summary>
    private static Task<string> WidestElement(IPage page, int width) => page.EvaluateAsync<string>(
        """
        (width) => {
          const outside = [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect();
            if (r.right <= width + 1 || r.width === 0) return false;
            for (let p = e.parentElement; p; p = p.parentElement)
              if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 1) return false;
            return true;
          });
          const leaves = outside.filter(e => !outside.some(o => o !== e && e.contains(o)));
          return leaves.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')).join(', ');
        }
        """, width);

    /// <summary>
    /// A form that posts to its own page, with fields to type in: emptied (numbers get letters) and marked, so it
    /// can be sent in its error state. Forms of buttons only (approve, send) are left alone.
    /// </summary>
    private static Task<bool> FillFormWithErrors(IPage page) => page.EvaluateAsync<bool>(
        """
        () => {
          const typed = 'input[type=text], input[type=password], input[type=email], input[type=date], input:not([type]), textarea';
          const form = [...document.querySelectorAll('form[method=post]')]
            .find(f => new URL(f.action).pathname === location.pathname && f.querySelector(typed));
          if (!form) return false;
          form.querySelectorAll(typed).forEach(i => i.value = i.inputMode === 'decimal' ? 'x' : '');
          form.setAttribute('data-error-state', '');
          return true;
        }
        """);

    /// <summary>The summary is focused, names each error with a link to its field, and each field is marked invalid and described by its error.</summary>
    private static async Task<List<string>> ErrorSummaryProblems(IPage page, string where)
    {
        var found = await page.EvaluateAsync<string[]>(
            """
            () => {
              const problems = [];
              const summary = document.querySelector('.error-summary');
              if (!summary) return ['no muestra el resumen de errores'];
              if (document.activeElement !== summary) problems.push('el foco no está en el resumen de errores sino en ' + document.activeElement.tagName);
              for (const link of summary.querySelectorAll('a[href^="#"]')) {
                const field = document.getElementById(link.getAttribute('href').slice(1));
                if (!field) { problems.push('el enlace «' + link.textContent + '» no lleva a ningún campo'); continue; }
                if (field.getAttribute('aria-invalid') !== 'true') problems.push('el campo ' + field.id + ' no tiene aria-invalid');
                const described = (field.getAttribute('aria-describedby') || '').split(' ').map(id => document.getElementById(id)).filter(e => e && e.textContent.trim());
                if (!described.some(e => link.textContent.includes(e.textContent.trim()))) problems.push('el campo ' + field.id + ' no está descrito por su error');
              }
              for (const field of document.querySelectorAll('[aria-invalid=true]'))
                if (![...summary.querySelectorAll('a')].some(a => a.getAttribute('href') === '#' + field.id)) problems.push('el resumen no enlaza el campo ' + field.id);
              return problems;
            }
            """);
        return found.Select(p => $"{where}: {p}").ToList();
    }

    /// <summary>A link to follow: this app's page, not a download, not signing out.</summary>
    private static string? Reachable(string baseUrl, string href)
    {
        if (!href.StartsWith(baseUrl, StringComparison.Ordinal)) return null;
        var path = href[baseUrl.Length..].Split('#')[0];
        if (path.Length == 0) path = "/";
        return IsFile(path) ? null : path;
    }

    /// <summary>A download (documents, evidence, the portal's files), not a page.</summary>
    private static bool IsFile(string path) =>
        path.Contains("/exportar/", StringComparison.Ordinal) || path.Contains("/evidencia/", StringComparison.Ordinal)
        || FileExtension().IsMatch(path.Split('?')[0]);

    /// <summary>The kind of a page: its path with ids as {n}, and the names (not values) of its query.</summary>
    private static string Kind(string path)
    {
        var parts = path.Split('?', 2);
        // The portal names a program by its unit's siglas and a line by its number (/publico/ucsi/2024/indicadores/1.1).
        var kind = Number().Replace(PublicNames().Replace(parts[0], "$1$2{n}"), "/{n}");
        if (parts.Length == 2)
            kind += "?" + string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        return kind;
    }

    private static string Slug(string kind)
    {
        var slug = NotWord().Replace(kind.Replace("{n}", "n", StringComparison.Ordinal), "-").Trim('-');
        return slug.Length == 0 ? "inicio" : slug;
    }

    /// <summary>Every page route of the app (GET, not a file) reached by some role: a new screen cannot escape the checks.</summary>
    private static IEnumerable<string> Unvisited(PatWebFactory factory, List<Visit> visits)
    {
        var kinds = visits.Select(v => v.Kind.Split('?')[0].Replace(" (errores)", "", StringComparison.Ordinal)).ToHashSet();
        return PermissionMatrixTests.Routes(factory)
            .Where(r => r.Method is "GET" or "*")
            .Select(r => Template().Replace(r.Pattern, "{n}"))
            .Where(p => !p.StartsWith("/health", StringComparison.Ordinal) && p != "/error" && !IsFile(p))
            .Where(p => !kinds.Contains(p) && p != "/pendientes/cuenta") // the menu's count, JSON for the page's script
            .Distinct()
            .Select(p => $"Ningún rol llega por enlaces a la página {p}: no se revisó.");
    }

    /// <summary>The Nu HTML Checker (from npm, on Debian's Java) over every page saved: its errors, each with the page it is on.</summary>
    private static async Task<List<string>> HtmlChecker(List<Visit> visits)
    {
        var jar = Path.Combine(RepoPaths.Root, "tests", "PatUcsi.Web.Tests", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        var start = new ProcessStartInfo("java", ["-jar", jar, "--errors-only", "--format", "json", "--stdout", .. visits.Select(v => v.HtmlFile)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = await output;
        if (json.Length == 0) throw new InvalidOperationException("The Nu HTML Checker did not run: " + await errors);
        var byFile = visits.ToDictionary(v => v.HtmlFile);
        return JsonDocument.Parse(json).RootElement.GetProperty("messages").EnumerateArray()
            .Select(m =>
            {
                var file = m.TryGetProperty("url", out var u) ? new Uri(u.GetString()!).LocalPath : "";
                var visit = byFile.GetValueOrDefault(file);
                var extract = m.TryGetProperty("extract", out var x) ? Spaces().Replace(x.GetString()!, " ").Trim() : null;
                return $"{visit?.Role} {visit?.Url}: HTML {m.GetProperty("message").GetString()} «{extract}»";
            })
            .ToList();
    }

    [GeneratedRegex("/([0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=/|\\?|$)")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotWord();

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex Template();

    [GeneratedRegex("\\.(pdf|csv|json|xlsx|txt|xml)$")]
    private static partial Regex FileExtension();

    [GeneratedRegex("^(/publico/)[a-z]+(?=/[0-9])|(/indicadores/)[0-9]+\\.[0-9]+$")]
    private static partial Regex PublicNames();
}
