using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatUcsi.Data;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Security;

namespace PatUcsi.Web.Tests;

public partial class ProgressTests
{
    private const string May = "/programas/1/avance/5";

    /// <summary>Posts the capture form as the browser does: multipart, with the page's token and hidden fields.</summary>
    internal static async Task<HttpResponseMessage> PostPeriod(HttpClient client, string page, Dictionary<string, string> fields,
        (string Field, string FileName, byte[] Content)? file = null)
    {
        var html = await (await client.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        return await client.PostAsync(new Uri(page, UriKind.Relative), PeriodForm(html, fields, file));
    }

    /// <summary>The capture form of a page already read: its token and hidden fields (the versions it was shown with), and these fields.</summary>
    internal static MultipartFormDataContent PeriodForm(string html, Dictionary<string, string> fields, (string Field, string FileName, byte[] Content)? file = null)
    {
        var content = new MultipartFormDataContent();
        foreach (Match hidden in Hidden().Matches(html))
            if (!fields.ContainsKey(WebUtility.HtmlDecode(hidden.Groups[1].Value)))
                content.Add(new StringContent(WebUtility.HtmlDecode(hidden.Groups[2].Value)), WebUtility.HtmlDecode(hidden.Groups[1].Value));
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        content.Add(new StringContent(WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value)), "__RequestVerificationToken");
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(bytes, f.Field, f.FileName);
        }
        return content;
    }

    /// <summary>Save number <paramref name="n"/> of May's line at <paramref name="prep"/>: narrative "Guardado n" and a PDF of its own content.</summary>
    internal static Task<HttpResponseMessage> SaveWithEvidence(HttpClient client, int prep, int n) =>
        PostPeriod(client, May, new() { [$"Lines[{prep}].Value1"] = "1", [$"Lines[{prep}].Narrative"] = $"Guardado {n}", ["Accion"] = "guardar" },
            ($"Lines[{prep}].File", $"evidencia-{n}.pdf", Pdf.Concat(System.Text.Encoding.ASCII.GetBytes($"% {n}\n")).ToArray()));

    internal static int LineIndex(string html, string number)
    {
        var legends = Regex.Matches(html, "<legend class=\"h6\">([0-9.]+) ").Select(m => m.Groups[1].Value).ToList();
        return legends.IndexOf(number);
    }

    /// <summary>A whole (tiny) PDF: header, object, cross-reference table, trailer and end mark.</summary>
    internal static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer << /Size 2 /Root 1 0 R >>\nstartxref\n48\n%%EOF\n"u8.ToArray();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_monthly_cycle_capture_send_return_correct_approve_reopen(string provider)
    {
        await using var factory = new PatWebFactory(provider);
        var capturista = await factory.SignedIn("capturista.ucsi");
        var titular = await factory.SignedIn("titular.ucsi");

        var page = await capturista.Html(May);
        Assert.Contains("Informe de avance de mayo 2024", page);
        Assert.Equal(4, Regex.Count(page, "<legend class=\"h6\">")); // 1.1, 2.1, 3.1 and 6.1 end a period in May
        var prep = LineIndex(page, "1.1");
        Assert.Contains("Unidades cumplidas en el periodo (Documento)", page);

        var saved = await PostPeriod(capturista, May, new()
        {
            [$"Lines[{prep}].Value1"] = "1", [$"Lines[{prep}].Narrative"] = "Informe de mayo del PREP.",
            [$"Lines[{prep}].Reference"] = "Oficio IEEBCS-UCSI-045-2024", ["Accion"] = "guardar",
        }, ($"Lines[{prep}].File", "informe-mayo.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using (var db = factory.Database.Context())
        {
            var report = await db.PeriodReports.Include(r => r.Entries).ThenInclude(e => e.Evidence).SingleAsync(r => r.Month == 5);
            Assert.Equal(ReportState.Draft, report.State);
            var entry = Assert.Single(report.Entries);
            Assert.Equal((1m, "Informe de mayo del PREP."), (entry.Value1!.Value, entry.Narrative));
            Assert.Equal(2, entry.Evidence.Count);
            var file = entry.Evidence.Single(e => e.StoredName is not null);
            Assert.Equal(("informe-mayo.pdf", "application/pdf"), (file.FileName, file.ContentType));
            Assert.NotEqual("informe-mayo.pdf", file.StoredName);
            Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(factory.EvidenceFolder, file.StoredName!)));
            var download = await titular.GetAsync(new Uri($"/programas/1/avance/evidencia/{file.Id}", UriKind.Relative));
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        }

        var preliminary = await capturista.Html(May);
        Assert.Contains("Oficio IEEBCS-UCSI-045-2024", preliminary);
        Assert.Contains("informe-mayo.pdf</a> <span class=\"text-secondary\">(" + Pdf.Length + " bytes)</span>", preliminary); // not "(0 KB)"

        await PostPeriod(capturista, May, new() { ["Accion"] = "enviar" });
        var sent = await capturista.Html(May);
        Assert.Contains("Enviado", sent);
        Assert.Contains("Fuera de plazo", sent); // May 2024 was due on 10 June 2024
        Assert.DoesNotContain("Guardar borrador", sent);

        // The Capturista cannot approve; the Titular returns it with a comment on the line.
        Assert.Equal(HttpStatusCode.Forbidden, (await capturista.PostForm(May, $"{May}/aprobar", new() { ["ReportVersion"] = "2" })).StatusCode);
        var lineId = await LineId(factory, "1.1");
        await titular.PostForm(May, $"{May}/devolver", new() { ["ReportVersion"] = "2", [$"LineComments[{lineId}]"] = "Adjunte el informe firmado." });
        var returned = await capturista.Html(May);
        Assert.Contains("Devuelto", returned);
        Assert.Contains("Adjunte el informe firmado.", returned);

        await PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1", [$"Lines[{prep}].Narrative"] = "Informe firmado adjunto.", ["Accion"] = "enviar" });
        Assert.Contains("Aprobar informe", await titular.Html(May));
        await titular.PostForm(May, $"{May}/aprobar", new() { ["ReportVersion"] = "4" });
        var approved = await titular.Html(May);
        Assert.Contains("Aprobado", approved);
        Assert.Contains("Reabrir el informe", approved);

        // The official figures now count May: 1 of 6 documents, 16.7 % (as of today, when it was approved).
        var program = await titular.Html("/programas/1");
        var row = Regex.Match(program, "<tr>\\s*<th scope=\"row\">1.1</th>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"text-end\">16.7</td>", row);
        Assert.Contains("NO CUMPLIDA", row);
        var asOfJune2024 = await titular.Html("/programas/1?fecha=2024-06-30");
        var juneRow = Regex.Match(asOfJune2024, "<tr>\\s*<th scope=\"row\">1.1</th>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"text-end\">0.0</td>", juneRow); // approved after that date: not yet official then

        await titular.PostForm(May, $"{May}/reabrir", new() { ["ReportVersion"] = "5", ["Comment"] = "Corregir el número de documentos." });
        await using var check = factory.Database.Context();
        var final = await check.PeriodReports.Include(r => r.History).SingleAsync(r => r.Month == 5);
        Assert.Equal(ReportState.Draft, final.State);
        Assert.Equal([ReportAction.Submitted, ReportAction.Returned, ReportAction.Submitted, ReportAction.Approved, ReportAction.Reopened],
            final.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "PeriodReport" && a.Reason == "Corregir el número de documentos." && a.User == "titular.ucsi"));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "ProgressEntry" && a.User == "capturista.ucsi"));
    }

    [Fact]
    public async Task Bad_values_are_refused_in_spanish_with_the_input_kept()
    {
        await using var factory = new PatWebFactory();
        var capturista = await factory.SignedIn("capturista.ucsi");
        const string february = "/programas/1/avance/2"; // 13.1 (bimestral, porcentaje) ends a period in February
        var page = await capturista.Html(february);
        var solicitudes = LineIndex(page, "13.1");

        var response = await PostPeriod(capturista, february, new()
        {
            [$"Lines[{solicitudes}].Value1"] = "12", [$"Lines[{solicitudes}].Value2"] = "10",
            [$"Lines[{solicitudes}].Narrative"] = "Texto que no debe perderse", ["Accion"] = "guardar",
        });
        var html = await response.Body();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Línea 13.1: En un indicador de porcentaje el valor de cálculo 1 no puede ser mayor que el valor de cálculo 2.", html);
        Assert.Contains("Texto que no debe perderse", html);
        Assert.Contains("value=\"12\"", html);

        var letters = await (await PostPeriod(capturista, february, new() { [$"Lines[{solicitudes}].Value1"] = "doce", ["Accion"] = "guardar" })).Body();
        Assert.Contains("Línea 13.1: «doce» no es un número válido para Valor", letters);
        await using var db = factory.Database.Context();
        Assert.False(await db.PeriodReports.AnyAsync());
    }

    [Fact]
    public async Task Evidence_of_a_wrong_type_or_too_large_is_refused_with_a_clear_message()
    {
        await using var factory = new PatWebFactory();
        await using var small = factory.WithWebHostBuilder(b => b.UseSetting("Evidence:MaxBytes", "1024"));
        var capturista = await SignedIn(small, "capturista.ucsi");
        var page = await capturista.Html(May);
        var prep = LineIndex(page, "1.1");

        var fake = await (await PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1", [$"Lines[{prep}].Narrative"] = "Con archivo falso", ["Accion"] = "guardar" },
            ($"Lines[{prep}].File", "informe.pdf", "MZ esto es un ejecutable"u8.ToArray()))).Body();
        Assert.Contains("«informe.pdf» no es un PDF, una imagen (PNG, JPG, GIF) ni un documento de Office válido, o lleva un programa dentro.", fake);
        Assert.Contains("Con archivo falso", fake);

        var renamed = await (await PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1", ["Accion"] = "guardar" },
            ($"Lines[{prep}].File", "foto.docx", Pdf))).Body();
        Assert.Contains("no es un PDF, una imagen", renamed);

        var big = Pdf.Concat(new byte[2048]).ToArray();
        var oversize = await (await PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1", ["Accion"] = "guardar" },
            ($"Lines[{prep}].File", "grande.pdf", big))).Body();
        Assert.Contains("El archivo «grande.pdf» pesa 2 KB; el máximo es 1 KB.", oversize);

        await using var db = factory.Database.Context();
        Assert.False(await db.Evidence.AnyAsync());
        Assert.Empty(Directory.GetFiles(factory.EvidenceFolder));
    }

    [Fact]
    public async Task Two_saves_of_the_same_line_the_second_is_refused_with_its_input_kept()
    {
        await using var factory = new PatWebFactory();
        var capturista = await factory.SignedIn("capturista.ucsi");
        var titular = await factory.SignedIn("titular.ucsi");
        var page = await capturista.Html(May);
        var prep = LineIndex(page, "1.1");
        await PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1", ["Accion"] = "guardar" });

        // Both open the saved draft; the Titular saves first.
        var stalePage = await capturista.Html(May);
        await PostPeriod(titular, May, new() { [$"Lines[{prep}].Value1"] = "2", ["Accion"] = "guardar" });
        var fields = Hidden().Matches(stalePage).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields[$"Lines[{prep}].Value1"] = "3";
        fields[$"Lines[{prep}].Narrative"] = "Mi captura";
        fields["Accion"] = "guardar";
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(stalePage).Groups[1].Value);
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        content.Add(new ByteArrayContent(Pdf), $"Lines[{prep}].File", "rechazado.pdf");
        var refused = await capturista.PostAsync(new Uri(May, UriKind.Relative), content);
        var html = await refused.Body();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Otra persona guardó este informe mientras usted capturaba.", html);
        Assert.Contains("Mi captura", html);
        Assert.Contains("value=\"3\"", html);
        await using var db = factory.Database.Context();
        Assert.Equal(2, (await db.ProgressEntries.SingleAsync()).Value1);
        Assert.Empty(Directory.GetFiles(factory.EvidenceFolder)); // the refused save's file was not kept
    }

    [Fact]
    public async Task Another_units_users_cannot_see_or_touch_the_progress()
    {
        await using var factory = new PatWebFactory();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PatDbContext>();
            var deoe = await db.Units.SingleAsync(u => u.ShortName == "DEOE");
            await IdentitySeeder.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                "titular.deoe", "Titular DEOE", Role.Titular, deoe.Id, "Clave.Deoe2025");
        }
        var capturista = await factory.SignedIn("capturista.ucsi");
        var page = await capturista.Html(May);
        await PostPeriod(capturista, May, new() { [$"Lines[{LineIndex(page, "1.1")}].Value1"] = "1", ["Accion"] = "guardar" },
            ("Lines[0].File", "informe.pdf", Pdf));
        var other = await SignedIn(factory, "titular.deoe", "Clave.Deoe2025");
        await using var db2 = factory.Database.Context();
        var evidenceId = (await db2.Evidence.SingleAsync()).Id;

        // A program the user may not read is "not found", exactly as a program that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(May, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/programas/1/avance/evidencia/{evidenceId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostForm("/cuenta/contrasena", May, new() { ["Accion"] = "enviar" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostForm("/cuenta/contrasena", $"{May}/aprobar", new() { ["ReportVersion"] = "1" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri("/programas/999999/avance/5", UriKind.Relative))).StatusCode);
        // An evidence id of another program, through this program's URL, is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await capturista.GetAsync(new Uri($"/programas/1/avance/evidencia/{evidenceId + 1000}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Homes_show_pending_periods_the_inbox_the_timeline_and_the_junta_overview()
    {
        await using var factory = new PatWebFactory();
        var capturista = await factory.SignedIn("capturista.ucsi");
        var titular = await factory.SignedIn("titular.ucsi");
        var junta = await factory.SignedIn("junta");

        var before = await capturista.Html("/");
        Assert.Contains("Periodos vencidos sin reportar", before);
        Assert.Contains("enero 2024", before);
        Assert.Contains("fecha límite 10 de febrero de 2024", before);
        Assert.Contains("mayo 2024", before);

        var page = await capturista.Html(May);
        await PostPeriod(capturista, May, new() { [$"Lines[{LineIndex(page, "1.1")}].Value1"] = "1", ["Accion"] = "enviar" });

        var inbox = await titular.Html("/");
        Assert.Contains("Informes por revisar", inbox);
        Assert.Contains("Informe de mayo 2024", inbox);
        Assert.Contains("Fuera de plazo", inbox);
        Assert.DoesNotContain(">mayo 2024</a>", inbox); // no longer pending: it was sent
        Assert.DoesNotContain("Informes por revisar", await capturista.Html("/"));

        await using (var db = factory.Database.Context())
        {
            var version = (await db.PeriodReports.SingleAsync(r => r.Month == 5)).Version;
            await titular.PostForm(May, $"{May}/aprobar", new() { ["ReportVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var program = await titular.Html("/programas/1?fecha=2024-07-01");
        Assert.Contains("Situación de los indicadores al 1 de julio de 2024", program);
        Assert.Contains("title=\"mayo 2024: aprobado, fuera de plazo\"", program);
        Assert.Contains("title=\"enero 2024: sin reportar\"", program);
        Assert.Contains("title=\"julio 2024: por venir\"", program); // 7.1, as of 1 July

        var overview = await junta.Html("/?anio=2024");
        Assert.Contains("Avance general", overview);
        Assert.Matches("NO CUMPLIDA: \\d+", overview);
        Assert.Contains("Sin programa", overview); // the units without a 2024 program
    }

    [Fact]
    public async Task The_titular_cancels_an_indicator_with_a_justification_and_restores_it()
    {
        await using var factory = new PatWebFactory();
        var titular = await factory.SignedIn("titular.ucsi");
        var lineId = await LineId(factory, "6.2");
        var page = $"/programas/1/lineas/{lineId}/cancelar";

        Assert.Contains("Cancelar</a>", await titular.Html("/programas/1"));
        var empty = await (await titular.PostForm(page, page, new() { ["Version"] = "0", ["Justification"] = "" })).Body();
        Assert.Contains("Escriba la justificación de la cancelación.", empty);
        await titular.PostForm(page, page, new() { ["Version"] = "0", ["Justification"] = "El SCO se sustituye por el sistema de la DEAF." });

        var program = await titular.Html("/programas/1");
        var row = Regex.Match(program, "<tr>\\s*<th scope=\"row\">6.2</th>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("CANCELADA", row);
        Assert.Contains("Restablecer", row);
        await using (var db = factory.Database.Context())
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Indicator" && a.Reason == "El SCO se sustituye por el sistema de la DEAF."));

        await titular.PostForm("/programas/1", $"/programas/1/lineas/{lineId}/restablecer", new() { ["Version"] = "1" });
        var restored = Regex.Match(await titular.Html("/programas/1"), "<tr>\\s*<th scope=\"row\">6.2</th>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("CANCELADA", restored);
        var capturista = await factory.SignedIn("capturista.ucsi");
        Assert.Equal(HttpStatusCode.Forbidden, (await capturista.GetAsync(new Uri(page, UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Cancelar</a>", await capturista.Html("/programas/1"));
    }

    private static Task<HttpClient> SignedIn(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string user, string password = IdentitySeeder.DemoPassword) =>
        PatWebFactory.SignIn(factory.CreateClient(new() { AllowAutoRedirect = false }), user, password);

    private static async Task<int> LineId(PatWebFactory factory, string number)
    {
        await using var db = factory.Database.Context();
        return (await db.ActionLines.SingleAsync(l => l.Objective.ProgramId == 1 && l.Number == number)).Id;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
