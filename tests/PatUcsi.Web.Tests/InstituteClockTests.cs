using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Web.Tests;

/// <summary>A program of the current year, worked through with the app's clock set in La Paz (UTC−7).</summary>
public class InstituteClockTests
{
    private static DateTimeOffset LaPaz(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(-7));

    private static async Task<int> ApprovedProgram(PatWebFactory factory)
    {
        var id = await factory.CreateDraftProgram(2026);
        await using var db = factory.Database.Context();
        var program = await db.Programs.Include(p => p.Objectives).SingleAsync(p => p.Id == id);
        program.Submit();
        program.Approve(new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task Due_dates_late_marks_cut_offs_and_printed_times_are_those_of_la_paz()
    {
        await using var factory = new PatWebFactory();
        factory.Time.Now = LaPaz(6, 10, 23, 30); // already 11 June in UTC
        var programId = await ApprovedProgram(factory);
        var may = $"/programas/{programId}/avance/5";
        var capturista = await factory.SignedIn("capturista.ucsi");
        var titular = await factory.SignedIn("titular.ucsi");

        var page = await capturista.Html(may);
        Assert.Contains("Fecha límite: 10 de junio de 2026", page);
        Assert.Contains("Valores al 10 de junio de 2026; lo programado, hasta el periodo que termina en mayo.", page);
        Assert.DoesNotContain("Vencido", page); // the due day is not over yet in La Paz
        var prep = ProgressTests.LineIndex(page, "1.1");
        await ProgressTests.PostPeriod(capturista, may, new() { [$"Lines[{prep}].Value1"] = "1", ["Accion"] = "enviar" });

        await using (var db = factory.Database.Context())
        {
            var report = await db.PeriodReports.SingleAsync(r => r.ProgramId == programId && r.Month == 5);
            Assert.Equal(ReportState.Submitted, report.State);
            Assert.False(report.IsLate);
            Assert.Equal(new DateTime(2026, 6, 11, 6, 30, 0), report.SubmittedAt); // stored in UTC
        }
        Assert.DoesNotContain("Fuera de plazo", await capturista.Html(may));
        Assert.Contains("10/06/2026 23:30", await titular.Html(may)); // the report's history, in La Paz time
        Assert.Contains("10/06/2026 23:30", await titular.Html("/")); // the Titular's inbox

        // Approved at 23:45 of 10 June in La Paz: it counts in the figures "al 10 de junio".
        factory.Time.Now = LaPaz(6, 10, 23, 45);
        await titular.PostForm(may, $"{may}/aprobar", []);
        var asOfTenth = await titular.Html($"/programas/{programId}?fecha=2026-06-10");
        var row = Regex.Match(asOfTenth, "<tr>\\s*<th scope=\"row\">1.1</th>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"text-end\">1</td>", row);
        Assert.Contains("el 10 de junio de 2026 a las 23:45", await PdfText(titular, $"/programas/{programId}/exportar/avance/5/pdf"));

        // Half an hour after midnight in La Paz, June's neighbour April is long overdue, and a report sent now is late.
        factory.Time.Now = LaPaz(6, 11, 0, 30);
        var april = $"/programas/{programId}/avance/4";
        Assert.Contains("Vencido", await capturista.Html(april));
        var aprilPage = await capturista.Html(april);
        await ProgressTests.PostPeriod(capturista, april, new() { [$"Lines[{ProgressTests.LineIndex(aprilPage, "1.1")}].Value1"] = "1", ["Accion"] = "enviar" });
        Assert.Contains("Fuera de plazo", await capturista.Html(april));
    }

    [Fact]
    public async Task The_history_speaks_spanish_in_la_paz_time_with_full_names_grouped_and_filtered()
    {
        await using var factory = new PatWebFactory();
        factory.Time.Now = LaPaz(3, 2, 9, 15);
        var programId = await factory.CreateDraftProgram(2026);
        var admin = await factory.SignedIn("admin");
        await admin.PostForm($"/programas/{programId}", $"/programas/{programId}/enviar", []);

        var history = await admin.Html($"/programas/{programId}/historial");
        Assert.Contains("02/03/2026 09:15 · Administración del sistema (admin)", history);
        Assert.Contains("<strong>Cambio</strong> · Programa", history);
        Assert.Contains("<dt>Estado</dt>", history);
        Assert.Contains("Borrador", history);
        Assert.Contains("Enviado a la Junta", history);
        Assert.DoesNotContain("Submitted", history);
        Assert.DoesNotContain("<dt>Version</dt>", history);

        var filtered = await admin.Html($"/programas/{programId}/historial?tipo=avance");
        Assert.Contains("Sin cambios de este tipo.", filtered);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/programas/{programId}/historial?pagina=-5&tipo=nada", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task What_was_returned_shows_as_devuelto_with_its_comments_to_whoever_must_act()
    {
        await using var factory = new PatWebFactory();
        var draft = await factory.CreateDraftProgram(2026);
        var titular = await factory.SignedIn("titular.ucsi");
        var junta = await factory.SignedIn("junta");
        var capturista = await factory.SignedIn("capturista.ucsi");
        await titular.PostForm($"/programas/{draft}", $"/programas/{draft}/enviar", []);
        await junta.PostForm($"/programas/{draft}", $"/programas/{draft}/devolver", new() { ["Comment"] = "Revise las metas del objetivo 3." });

        // May 2024 of the approved program: sent by the Capturista, returned by the Titular with a comment.
        var may = "/programas/1/avance/5";
        var prep = ProgressTests.LineIndex(await capturista.Html(may), "1.1");
        await ProgressTests.PostPeriod(capturista, may, new() { [$"Lines[{prep}].Value1"] = "1", ["Accion"] = "enviar" });
        await titular.PostForm(may, $"{may}/devolver", new() { ["Comment"] = "Adjunte el oficio de entrega." });

        var titularHome = await titular.Html("/");
        Assert.Contains("Para corregir", titularHome);
        Assert.Contains("devuelto por la Junta Estatal Ejecutiva", titularHome);
        Assert.Contains("Revise las metas del objetivo 3.", titularHome);
        Assert.Contains("Devuelto por la Junta", titularHome); // in the list of programs too
        var capturistaHome = await capturista.Html("/");
        Assert.Contains("Informe de mayo 2024", capturistaHome);
        Assert.Contains("Adjunte el oficio de entrega.", capturistaHome);
        Assert.DoesNotContain("Revise las metas del objetivo 3.", capturistaHome); // the program is the Titular's to correct
    }

    internal static async Task<string> PdfText(HttpClient client, string url)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, await client.GetByteArrayAsync(new Uri(url, UriKind.Relative)));
        try
        {
            using var pdftotext = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", $"-enc UTF-8 \"{file}\" -") { RedirectStandardOutput = true })!;
            var text = await pdftotext.StandardOutput.ReadToEndAsync();
            await pdftotext.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
