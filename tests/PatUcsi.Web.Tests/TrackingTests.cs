using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using PatUcsi.Data;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Web.Tests;

/// <summary>
/// Seguimiento: the tracking table, its workbook and the charts' data are the report's own figures, and line 1.1's
/// series is what was approved month by month; the pages open for each role in a real browser with their charts drawn.
/// </summary>
public sealed partial class TrackingTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Tracking = "/programas/1/seguimiento";

    /// <summary>Line 1.1 (a document a month, January to June, goal 6) gets 1, 1, 0, 1 and 2 documents approved from January to May.</summary>
    private static readonly decimal[] Approved = [1, 1, 0, 1, 2];

    /// <summary>20 July 2024 in La Paz: June is due (10 days of grace) and July is the current month.</summary>
    private static readonly DateTimeOffset MidJuly = new(2024, 7, 20, 18, 0, 0, TimeSpan.Zero);

    /// <param name="baseUrl">Set when the app is started on a real port for a browser.</param>
    private static async Task<PatWebFactory> WithApprovedMonths(Action<string>? baseUrl = null)
    {
        var factory = new PatWebFactory();
        factory.Time.Now = MidJuly;
        var url = baseUrl is null ? null : factory.StartOnKestrel();
        if (url is not null) baseUrl!(url);
        Task<HttpClient> SignedIn(string user) => url is null ? factory.SignedIn(user)
            : PatWebFactory.SignIn(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) }, user, Data.Identity.IdentitySeeder.DemoPassword);
        using var capturista = await SignedIn("capturista.ucsi");
        using var titular = await SignedIn("titular.ucsi");
        for (var month = 1; month <= Approved.Length; month++)
        {
            var page = $"/programas/1/avance/{month}";
            var line = ProgressTests.LineIndex(await capturista.Html(page), "1.1");
            var sent = await ProgressTests.PostPeriod(capturista, page, new()
            {
                [$"Lines[{line}].Value1"] = Approved[month - 1].ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"Lines[{line}].Narrative"] = "Informe del mes.", ["Accion"] = "enviar",
            });
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(page, $"{page}/aprobar", [])).StatusCode);
        }
        return factory;
    }

    [Fact]
    public async Task The_table_the_charts_and_the_workbook_show_the_reports_figures()
    {
        await using var factory = await WithApprovedMonths();
        using var titular = await factory.SignedIn("titular.ucsi");
        ProgramReport report;
        await using (var db = factory.Database.Context())
            report = (await db.ProgramReportAsync(1, new DateOnly(2024, 7, 20)))!;

        // The summary charts are fed the report's counts.
        var html = await titular.Html(Tracking);
        var statuses = ChartData(html, "datos-estatus");
        Assert.Equal(Domain.OfficialTerms.Statuses.Keys.Select(s => report.StatusCounts.GetValueOrDefault(s)), Numbers(statuses, "values").Select(v => (int)v));
        var lights = ChartData(html, "datos-semaforo");
        var expectedLights = new[] { TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red, TrafficLight.None }
            .Select(l => report.Rows.Count(r => r.Figures?.TrafficLight == l));
        Assert.Equal(expectedLights, Numbers(lights, "values").Select(v => (int)v));
        Assert.Equal(report.Rows.Count(r => r.Figures is not null), IndicatorLink().Count(html));

        // Line 1.1's chart: programmed 1 a month, achieved what was approved, added up; July marked as today.
        var line = report.Rows.Single(r => r.ActionLineNumber == "1.1");
        var chart = ChartData(await titular.Html($"{Tracking}/{line.ActionLineId}"), "datos-serie");
        Assert.Equal([1m, 2m, 3m, 4m, 5m, 6m], Numbers(chart, "programmed"));
        Assert.Equal([1m, 2m, 2m, 3m, 5m, 5m], Numbers(chart, "achieved")); // June: due and unreported, still May's total
        Assert.Equal(line.Series.Select(p => p.Achieved), Numbers(chart, "achieved").Select(v => (decimal?)v));
        Assert.Equal(JsonValueKind.Null, chart.GetProperty("today").ValueKind); // July: 1.1 has no period in it
        var lastClosed = line.Series.Last(p => p.IsClosed);
        Assert.Equal((line.Figures!.ProgrammedToDate, line.Figures.Achieved), (lastClosed.Programmed, lastClosed.Achieved!.Value));

        // A filter shows exactly the indicators with that estatus, and an unknown word is no filter at all.
        var late = report.Rows.Count(r => r.Figures?.Status == IndicatorStatus.Late);
        Assert.Equal(late, IndicatorLink().Count(await titular.Html($"{Tracking}?estatus=atrasada")));
        Assert.Equal(HttpStatusCode.OK, (await titular.GetAsync(new Uri($"{Tracking}?estatus=%00&semaforo=<b>&objetivo=99999999999", UriKind.Relative))).StatusCode);

        // The workbook: a sheet per frequency, each period's programada and alcanzada as on the page.
        using var xlsx = new MemoryStream(await titular.GetByteArrayAsync(new Uri("/programas/1/exportar/seguimiento", UriKind.Relative)));
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart!;
        var sheetNames = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(TrackingTable.Build(report, new()).Groups.Select(g => Domain.OfficialTerms.Frequencies[g.Frequency]), sheetNames);
        var monthly = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "Mensual").Id!);
        var row = monthly.Worksheet.Descendants<Row>().Single(r => CellText(r.Elements<Cell>().First()) == "1.1");
        var cells = row.Elements<Cell>().ToList();
        // Columns: línea, indicador, meta, then 4 per month: May is the 5th group (columns 20–23).
        Assert.Equal("5", cells[19].CellValue!.Text);
        Assert.Equal("5", cells[20].CellValue!.Text);
        Assert.Equal("Verde", CellText(cells[22]));

        // Another program's line is not this program's indicator.
        await using (var db = factory.Database.Context())
        {
            var other = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.ActionLines).Max(l => l.Id) + 1;
            Assert.Equal(HttpStatusCode.NotFound, (await titular.GetAsync(new Uri($"{Tracking}/{other}", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Each_role_opens_the_tracking_and_an_indicator_with_its_chart_drawn()
    {
        var baseUrl = "";
        await using var factory = await WithApprovedMonths(url => baseUrl = url);
        int lineId;
        await using (var db = factory.Database.Context())
            lineId = (await db.ProgramReportAsync(1, new DateOnly(2024, 7, 20)))!.Rows.First(r => r.Frequency == Domain.Indicators.Frequency.Quarterly).ActionLineId;

        foreach (var user in new[] { "capturista.ucsi", "titular.ucsi", "junta" })
        {
            // Reduced motion: the charts are drawn at once, not grown while the screenshot is taken.
            var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "es-MX", ViewportSize = new() { Width = 1366, Height = 900 }, ReducedMotion = ReducedMotion.Reduce });
            await using var _ = context;
            var page = await context.NewPageAsync();
            await BrowserJourneyTests.SignInWithKeyboard(page, user);
            await page.GotoAsync("/programas/1");
            await page.GetByRole(AriaRole.Link, new() { Name = "Seguimiento" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Seguimiento de indicadores" })).ToBeVisibleAsync();
            Assert.Equal(2, await Drawn(page));
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, $"20-seguimiento-{user}.png"), FullPage = true });
            await page.SetViewportSizeAsync(375, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, $"20-seguimiento-{user}-375.png"), FullPage = true });
            await page.SetViewportSizeAsync(1366, 900);

            await page.GotoAsync($"{Tracking}/{lineId}");
            Assert.Equal(1, await Drawn(page));
            // July–September is this quarterly indicator's current period: the marker and the table say so.
            await Assertions.Expect(page.Locator("tr.table-active th")).ToContainTextAsync("julio–septiembre 2024");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, $"21-indicador-{user}.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task The_junta_sees_every_unit_side_by_side_and_a_unit_its_years()
    {
        await using var factory = await WithApprovedMonths();
        using var junta = await factory.SignedIn("junta");
        using var capturista = await factory.SignedIn("capturista.ucsi");
        ProgramReport report;
        int unitId;
        await using (var db = factory.Database.Context())
        {
            report = (await db.ProgramReportAsync(1, new DateOnly(2024, 7, 20)))!;
            unitId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Programs.Where(p => p.Id == 1).Select(p => p.UnitId));
        }

        var html = await junta.Html("/institucional?anio=2024");
        var units = ChartData(html, "datos-unidades");
        Assert.Equal(["UCSI"], units.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal([report.OverallPercent!.Value], Numbers(units, "values"));
        // UCSI's months: January to May approved (all sent on 20 July: late), June due and unreported, July on still to come.
        var row = Regex.Match(html, "<th scope=\"row\">UCSI</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Regex.Matches(row, "<td class=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([.. Enumerable.Repeat("month-approved month-late", 5), "month-overdue", .. Enumerable.Repeat("month-none", 6)], cells);
        Assert.Contains("Sin programa para este ejercicio.", html); // the other active units have none for 2024
        Assert.Equal(HttpStatusCode.OK, (await junta.GetAsync(new Uri("/institucional?anio=abc", UriKind.Relative))).StatusCode);

        // A unit's users do not see the institute, but do see their own unit across years (and not another's).
        Assert.Equal(HttpStatusCode.Forbidden, (await capturista.GetAsync(new Uri("/institucional", UriKind.Relative))).StatusCode);
        var years = ChartData(await capturista.Html($"/institucional/unidades/{unitId}"), "datos-anios");
        Assert.Equal([2024m], Numbers(years, "labels"));
        Assert.Equal([report.OverallPercent!.Value], Numbers(years, "values"));
        Assert.Equal(HttpStatusCode.NotFound, (await junta.GetAsync(new Uri("/institucional/unidades/999999", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_junta_opens_the_institute_and_a_unit_in_the_browser()
    {
        var baseUrl = "";
        await using var factory = await WithApprovedMonths(url => baseUrl = url);
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "es-MX", ViewportSize = new() { Width = 1366, Height = 900 }, ReducedMotion = ReducedMotion.Reduce });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await BrowserJourneyTests.SignInWithKeyboard(page, "junta");
        await page.GetByRole(AriaRole.Link, new() { Name = "Avance institucional" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Avance institucional del Programa Anual de Trabajo 2024" })).ToBeVisibleAsync();
        Assert.Equal(1, await Drawn(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "22-institucional-junta.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Años anteriores de UCSI" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "UCSI: avance por ejercicio" })).ToBeVisibleAsync();
        Assert.Equal(1, await Drawn(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Screenshots, "23-unidad-por-ejercicio.png"), FullPage = true });
    }

    /// <summary>How many of the page's charts Chart.js drew, once the page has loaded (its scripts run last).</summary>
    private static async Task<int> Drawn(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        return await page.EvaluateAsync<int>("() => [...document.querySelectorAll('canvas[data-chart]')].filter(c => window.Chart && Chart.getChart(c)).length");
    }

    private static JsonElement ChartData(string html, string id)
    {
        var match = Regex.Match(html, $"<script type=\"application/json\" id=\"{id}\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no chart data «{id}»");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }

    private static decimal[] Numbers(JsonElement data, string name) =>
        [.. data.GetProperty(name).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? -1 : v.GetDecimal())];

    [GeneratedRegex("/programas/1/seguimiento/[0-9]+\"")]
    private static partial Regex IndicatorLink();

    private static string? CellText(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text;
}
