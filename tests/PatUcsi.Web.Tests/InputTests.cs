using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatUcsi.Data;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Features.Progress;
using PatUcsi.Domain;

namespace PatUcsi.Web.Tests;

/// <summary>Numbers mean what the user typed, no stored value takes a page down, and evidence on disk agrees with the table.</summary>
public class InputTests
{
    private const string May = "/programas/1/avance/5";

    private static async Task<(int LineId, int Version)> Indicator(PatWebFactory factory, int programId, string number)
    {
        await using var db = factory.Database.Context();
        var line = await db.LinesOf(programId).Include(l => l.Indicator).SingleAsync(l => l.Number == number);
        return (line.Id, line.Indicator!.Version);
    }

    private static Dictionary<string, string> IndicatorFields(int version, string goal) => new()
    {
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Name"] = "Informe de avance de desarrollo", ["Type"] = "Count", ["Frequency"] = "Bimonthly", ["Trend"] = "Increase",
        ["Goal"] = goal, ["UnitOfMeasure"] = "Documento", ["Accumulates"] = "true",
    };

    /// <summary>A draft of UCSI, its Titular, and the indicator form of line 8.1 (bimestral, enero a diciembre) with meta 6.</summary>
    private static async Task<(HttpClient Titular, string Page, Dictionary<string, string> Fields, int LineId)> IndicatorForm(PatWebFactory factory)
    {
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        var (lineId, version) = await Indicator(factory, programId, "8.1");
        return (titular, $"/programas/{programId}/lineas/{lineId}/indicador", IndicatorFields(version, "6"), lineId);
    }

    [Fact]
    public async Task A_decimal_comma_is_read_as_typed_in_every_number_field()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        var (lineId, version) = await Indicator(factory, programId, "8.1"); // bimestral, enero a diciembre
        var page = $"/programas/{programId}/lineas/{lineId}/indicador";

        var fields = IndicatorFields(version, "6,5");
        (fields["Baseline"], fields["PeriodGoals[12]"], fields["PeriodGoals[2]"]) = ("1,5", "1,5", "0.25");
        (fields["GreenThreshold"], fields["YellowThreshold"], fields["OverachievementThreshold"]) = ("90,5", "70.25", "110");
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(page, page, fields)).StatusCode);
        var texts = $"/programas/{programId}/editar/textos";
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(texts, texts, new()
            { ["GraceDays"] = "10", ["GreenThreshold"] = "85,5", ["YellowThreshold"] = "60", ["OverachievementThreshold"] = "110" })).StatusCode);

        await using (var db = factory.Database.Context())
        {
            var indicator = await db.Indicators.Include(i => i.PeriodGoals).SingleAsync(i => i.ActionLineId == lineId);
            Assert.Equal((6.5m, 1.5m, 90.5m, 70.25m), (indicator.Goal, indicator.Baseline!.Value, indicator.GreenThreshold!.Value, indicator.YellowThreshold!.Value));
            Assert.Equal([(2, 0.25m), (12, 1.5m)], indicator.PeriodGoals.OrderBy(g => g.LastMonth).Select(g => (g.LastMonth, g.Goal)));
            Assert.Equal(85.5m, (await db.Programs.SingleAsync(p => p.Id == programId)).GreenThreshold);
        }
        // The page shows what was stored, without thousands separators, so saving it again changes nothing.
        var form = await titular.Html(page);
        Assert.Contains("value=\"6.5\"", form);
        Assert.Contains("value=\"1.5\"", form);

        var (_, current) = await Indicator(factory, programId, "8.1");
        var ambiguous = IndicatorFields(current, "1,5,3");
        ambiguous["GreenThreshold"] = "2147483648";
        var refused = await titular.PostForm(page, page, ambiguous);
        var html = await refused.Body();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("«1,5,3» no es un número válido para Meta: use un solo signo decimal (coma o punto) y ningún separador de miles", html);
        Assert.Contains("Verde desde (%) debe estar entre 0 y 1000.", html);
        Assert.Contains("value=\"1,5,3\"", html); // what was typed stays in the field
        await using var check = factory.Database.Context();
        Assert.Equal(6.5m, (await check.Indicators.SingleAsync(i => i.ActionLineId == lineId)).Goal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Numbers_beyond_what_the_columns_hold_are_refused_with_the_field_named(string provider)
    {
        await using var factory = new PatWebFactory(provider);
        var capturista = await factory.SignedIn("capturista.ucsi");
        var prep = ProgressTests.LineIndex(await capturista.Html(May), "1.1");

        var huge = await (await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "79228162514264337593543950335", ["Accion"] = "guardar" })).Body();
        var large = await (await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1000000001", ["Accion"] = "guardar" })).Body();
        var (titular, page, fields, lineId) = await IndicatorForm(factory);
        fields["PeriodGoals[12]"] = "99999999999999999999999999999";
        var goal = await (await titular.PostForm(page, page, fields)).Body();

        Assert.Contains("Línea 1.1: «79228162514264337593543950335» no es un número válido para Valor: el número tiene demasiadas cifras.", huge);
        Assert.Contains("Línea 1.1: Valor debe estar entre 0 y 1000000000.", large);
        Assert.Contains("el número tiene demasiadas cifras", goal);
        await using var db = factory.Database.Context();
        Assert.False(await db.PeriodReports.AnyAsync(r => r.ProgramId == 1));
        Assert.False(await db.PeriodGoals.AnyAsync(g => g.IndicatorId == db.Indicators.Single(i => i.ActionLineId == lineId).Id && g.LastMonth == 12));
    }

    [Fact]
    public async Task A_stored_value_out_of_every_range_marks_its_line_and_every_page_still_answers()
    {
        await using var factory = new PatWebFactory();
        _ = factory.Server;
        await using (var db = factory.Database.Context())
        {
            // As a database written before the input rules could hold it (SQLite keeps any decimal).
            var program = (await db.LoadProgramAsync(1))!;
            var line = program.ActionLines().Single(l => l.Number == "1.1");
            var report = new PeriodReport(program, 5);
            report.Record(line.Id, decimal.MaxValue, null, "Valor imposible");
            report.Submit("capturista.ucsi", InstituteClock.Default.At(new DateTime(2024, 6, 5, 17, 0, 0, DateTimeKind.Utc)), program.GraceDays);
            report.Approve("titular.ucsi", new DateTime(2024, 6, 6, 17, 0, 0, DateTimeKind.Utc));
            var june = new PeriodReport(program, 6);
            june.Record(line.Id, decimal.MaxValue, null, "Otro valor imposible");
            db.PeriodReports.AddRange(report, june);
            await db.SaveChangesAsync();
        }
        var titular = await factory.SignedIn("titular.ucsi");
        var pages = new[] { "/", "/programas/1", "/programas/1?fecha=2024-12-31", "/programas/1/avance", "/programas/1/historial" }
            .Concat(Enumerable.Range(1, 12).Select(m => $"/programas/1/avance/{m}"))
            .Concat(new[] { "pdf", "excel", "indicadores.csv", "indicadores.json", "transparencia?trimestre=2", "avance/5/pdf", "avance/5/excel" }.Select(e => $"/programas/1/exportar/{e}"));

        foreach (var page in pages)
            Assert.True((await titular.GetAsync(new Uri(page, UriKind.Relative))).StatusCode == HttpStatusCode.OK, page);
        var may = await titular.Html(May);
        Assert.Contains("Un valor capturado está fuera del rango permitido; corrija el avance de este indicador.", may);
        Assert.Contains("Informe de avance de desarrollo", may); // the other lines are computed as usual
        Assert.Contains("fuera del rango permitido", await titular.Html("/programas/1"));
    }

    [Fact]
    public async Task A_value_far_above_its_goal_is_questioned_once_and_saved_when_confirmed()
    {
        await using var factory = new PatWebFactory();
        var capturista = await factory.SignedIn("capturista.ucsi");
        var prep = ProgressTests.LineIndex(await capturista.Html(May), "1.1"); // meta: 6 documentos

        var asked = await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1000000", ["Accion"] = "guardar" });
        var html = await asked.Body();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Línea 1.1: el valor del periodo (1000000) es más de 10 veces la meta (6). Si es correcto, guarde de nuevo para confirmarlo; si no, corríjalo.", html);
        await using (var db = factory.Database.Context()) Assert.False(await db.ProgressEntries.AnyAsync());

        // Saving the page as it came back (the same value) confirms it; a different value would be asked about again.
        var fields = HttpForms.HiddenFields(html, May, May).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("1000000|", fields[$"Lines[{prep}].ConfirmedValues"]);
        var confirmed = await ProgressTests.PostPeriod(capturista, May, new()
        {
            [$"Lines[{prep}].Value1"] = "1000000", [$"Lines[{prep}].ConfirmedValues"] = fields[$"Lines[{prep}].ConfirmedValues"], ["Accion"] = "guardar",
        });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using (var check = factory.Database.Context())
            Assert.Equal(1_000_000m, (await check.ProgressEntries.SingleAsync()).Value1);
        // Once saved, the value was confirmed: sending the month asks nothing more.
        var sent = await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1000000", ["Accion"] = "enviar" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await using var final = factory.Database.Context();
        Assert.Equal(ReportState.Submitted, (await final.PeriodReports.SingleAsync(r => r.ProgramId == 1)).State);
    }

    [Fact]
    public async Task Period_goals_of_an_accumulating_count_adding_up_to_more_than_the_goal_are_refused()
    {
        await using var factory = new PatWebFactory();
        var (titular, page, fields, lineId) = await IndicatorForm(factory);
        foreach (var month in new[] { 2, 4, 6, 8, 10, 12 }) fields[$"PeriodGoals[{month}]"] = "2";

        var response = await titular.PostForm(page, page, fields);
        var html = await response.Body();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Las metas calendarizadas suman 12, más que la meta (6).", html);
        await using var db = factory.Database.Context();
        Assert.False(await db.PeriodGoals.AnyAsync(g => g.IndicatorId == db.Indicators.Single(i => i.ActionLineId == lineId).Id));
    }

    [Fact]
    public async Task A_capture_form_naming_a_line_of_another_program_is_refused_whole()
    {
        await using var factory = new PatWebFactory();
        var other = await factory.CreateDraftProgram(2025, "DEOE");
        var (foreignLine, _) = await Indicator(factory, other, "1.1");
        var capturista = await factory.SignedIn("capturista.ucsi");

        var response = await ProgressTests.PostPeriod(capturista, May, new()
        {
            ["Lines[0].ActionLineId"] = foreignLine.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Lines[0].Value1"] = "1", ["Accion"] = "guardar",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("El formulario no corresponde a las líneas de acción que se reportan en mayo.", await response.Body());
        await using var db = factory.Database.Context();
        Assert.False(await db.PeriodReports.AnyAsync());
    }

    [Fact]
    public async Task Evidence_files_are_deleted_with_their_rows_and_orphans_are_swept_after_a_day()
    {
        await using var factory = new PatWebFactory();
        var capturista = await factory.SignedIn("capturista.ucsi");
        var prep = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1", ["Accion"] = "guardar" },
            ($"Lines[{prep}].File", "informe.pdf", ProgressTests.Pdf));
        int evidenceId;
        string stored;
        await using (var db = factory.Database.Context())
            (evidenceId, stored) = await db.Evidence.Select(e => ValueTuple.Create(e.Id, e.StoredName!)).SingleAsync();
        Assert.True(File.Exists(Path.Combine(factory.EvidenceFolder, stored)));

        await ProgressTests.PostPeriod(capturista, May, new()
            { [$"Lines[{prep}].Value1"] = "1", [$"Lines[{prep}].RemoveEvidence"] = evidenceId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Accion"] = "guardar" });

        Assert.False(File.Exists(Path.Combine(factory.EvidenceFolder, stored)));
        var old = Path.Combine(factory.EvidenceFolder, "huerfano-viejo.pdf");
        var young = Path.Combine(factory.EvidenceFolder, "huerfano-reciente.pdf");
        await File.WriteAllBytesAsync(old, ProgressTests.Pdf);
        await File.WriteAllBytesAsync(young, ProgressTests.Pdf);
        // Ages by the app's (fake) clock, not the machine's: the janitor compares file times with the institute's clock.
        var now = factory.Time.GetUtcNow().UtcDateTime;
        File.SetLastWriteTimeUtc(old, now.AddDays(-2));
        File.SetLastWriteTimeUtc(young, now);
        // Written a moment ago by writers that have ended (their lock is free) or that still run (held).
        var locks = Directory.CreateDirectory(Path.Combine(factory.EvidenceFolder, EvidenceWriter.LocksFolder)).FullName;
        await File.WriteAllTextAsync(Path.Combine(locks, "0123456789ab"), "");
        await using var otherInstance = new FileStream(Path.Combine(locks, "ba9876543210"), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        var crashed = Path.Combine(factory.EvidenceFolder, "0123456789ab_huerfano.pdf.parcial");
        var elsewhere = Path.Combine(factory.EvidenceFolder, "ba9876543210_en-curso.pdf");
        var running = Path.Combine(factory.EvidenceFolder, $"{EvidenceWriter.Current.Tag}_en-curso.pdf");
        foreach (var f in new[] { crashed, elsewhere, running })
        {
            await File.WriteAllBytesAsync(f, ProgressTests.Pdf);
            File.SetLastWriteTimeUtc(f, now);
        }
        Assert.Equal(2, await factory.Services.GetRequiredService<EvidenceJanitor>().SweepAsync(CancellationToken.None));
        Assert.False(File.Exists(crashed));
        Assert.False(File.Exists(Path.Combine(locks, "0123456789ab"))); // an ended writer without files is forgotten
        Assert.True(File.Exists(elsewhere)); // another instance's save may still commit it
        Assert.False(File.Exists(old));
        Assert.False(File.Exists(crashed));
        Assert.True(File.Exists(young)); // may belong to a save still in progress (of a writer unknown here)
        Assert.True(File.Exists(running)); // this process may still commit it
    }

    [Fact]
    public async Task A_file_chosen_in_a_form_shown_again_is_said_not_kept()
    {
        await using var factory = new PatWebFactory();
        var capturista = await factory.SignedIn("capturista.ucsi");
        var prep = ProgressTests.LineIndex(await capturista.Html(May), "1.1");

        var html = await (await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "doce", ["Accion"] = "guardar" },
            ($"Lines[{prep}].File", "informe.pdf", ProgressTests.Pdf))).Body();

        Assert.Contains("El archivo «informe.pdf» no se guardó porque el informe no se guardó; elíjalo de nuevo.", html);
        Assert.Empty(Directory.GetFiles(factory.EvidenceFolder));
    }

    [Fact]
    public async Task Admin_forms_answer_empty_or_unknown_values_with_their_error()
    {
        await using var factory = new PatWebFactory();
        var admin = await factory.SignedIn("admin");

        var unit = await admin.PostForm("/admin/unidades/nueva", "/admin/unidades/nueva", new() { ["ShortName"] = "", ["Name"] = "Sin siglas" });
        var year = await admin.PostForm("/admin/programas/nuevo", "/admin/programas/nuevo", new() { ["UnitId"] = "999999", ["Year"] = "2030" });
        var user = await admin.PostForm("/admin/usuarios/nuevo", "/admin/usuarios/nuevo", new()
            { ["UserName"] = "nuevo", ["FullName"] = "Nuevo", ["Role"] = "Capturista", ["UnitId"] = "999999", ["Password"] = "Clave.Segura2025" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (unit.StatusCode, year.StatusCode, user.StatusCode));
        Assert.Contains("Escriba las siglas de la unidad.", await unit.Body());
        Assert.Contains("Elija una de las unidades de la lista.", await year.Body());
        Assert.Contains("Elija una de las unidades de la lista.", await user.Body());
        await using var db = factory.Database.Context();
        Assert.False(await db.Programs.AnyAsync(p => p.Year == 2030));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "nuevo"));
    }

    [Fact]
    public async Task Who_may_not_see_a_program_learns_nothing_of_its_state()
    {
        await using var factory = new PatWebFactory();
        var draft = await factory.CreateDraftProgram();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PatDbContext>();
            var deoe = await db.Units.SingleAsync(u => u.ShortName == "DEOE");
            await IdentitySeeder.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), "titular.deoe", "Titular DEOE", Role.Titular, deoe.Id, "Clave.Deoe2025");
        }
        var other = factory.Anonymous();
        await PatWebFactory.SignIn(other, "titular.deoe", "Clave.Deoe2025");

        // An approved program, a draft and no program at all: the same answer, and no message left for later pages.
        var answers = new[] { "/programas/1/editar", $"/programas/{draft}/editar", "/programas/999999/editar" };
        foreach (var path in answers)
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("El programa está aprobado", await other.Html("/"));
        // The unit's own Titular is still sent back to an approved program with the reason.
        var titular = await factory.SignedIn("titular.ucsi");
        var editor = await titular.GetAsync(new Uri("/programas/1/editar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        Assert.Contains("El programa está aprobado: es de solo lectura.", await titular.Html("/programas/1"));
    }

    [Fact]
    public async Task Evidence_ids_of_other_lines_remove_nothing_and_a_line_keeps_its_files()
    {
        await using var factory = new PatWebFactory();
        var capturista = await factory.SignedIn("capturista.ucsi");
        var prep = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1", ["Accion"] = "guardar" },
            ($"Lines[{prep}].File", "informe.pdf", ProgressTests.Pdf));

        // The line's values emptied, and "remove" ticked for evidence that is not the line's: its own file stays.
        var emptied = await ProgressTests.PostPeriod(capturista, May, new()
            { [$"Lines[{prep}].Value1"] = "", [$"Lines[{prep}].RemoveEvidence"] = "999999", ["Accion"] = "guardar" });

        Assert.Equal(HttpStatusCode.Redirect, emptied.StatusCode);
        await using var db = factory.Database.Context();
        var evidence = await db.Evidence.SingleAsync();
        Assert.True(File.Exists(Path.Combine(factory.EvidenceFolder, evidence.StoredName!)));
    }

    [Fact]
    public async Task A_number_or_choice_left_out_of_a_form_is_an_error_never_a_zero()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        var texts = $"/programas/{programId}/editar/textos";

        var response = await titular.PostForm(texts, texts, []); // the version only, as a hand-made request would
        var html = await response.Body();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Falta el valor de Semáforo verde desde (%).", html);
        Assert.Contains("Falta el valor de Días de gracia.", html);
        await using var db = factory.Database.Context();
        Assert.Equal(90, (await db.Programs.SingleAsync(p => p.Id == programId)).GreenThreshold);
    }

    [Fact]
    public async Task Keys_of_per_line_comments_and_period_goals_are_checked_in_spanish()
    {
        await using var factory = new PatWebFactory();
        var (titular, page, fields, lineId) = await IndicatorForm(factory);
        fields["PeriodGoals[abc]"] = "1";

        var html = await (await titular.PostForm(page, page, fields)).Body();

        Assert.Contains("Un dato del formulario no es válido (PeriodGoals): cada renglón debe nombrar un número de mes o de línea.", html);
        var comments = await titular.PostForm(May, $"{May}/devolver", new() { ["ReportVersion"] = "0", ["LineComments[abc]"] = "Corrija." });
        Assert.Equal(HttpStatusCode.BadRequest, comments.StatusCode);
        Assert.Contains("Un dato del formulario no es válido (LineComments)", await comments.Body());
        Assert.DoesNotContain("not in a correct format", html);
    }
}
