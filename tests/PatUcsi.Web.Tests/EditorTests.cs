using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain;
using PatUcsi.Data;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Web.Tests;

public class EditorTests
{
    internal static Dictionary<string, string> IndicatorFields(int version, string goal = "8") => new()
    {
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Name"] = "Informe de avance de desarrollo", ["Type"] = "Count", ["Frequency"] = "Monthly", ["Trend"] = "Increase",
        ["Goal"] = goal, ["UnitOfMeasure"] = "Documento", ["Accumulates"] = "true", ["Dimension"] = "",
        ["CalculationMethod"] = "Documento realizado/ Documento presentado X 100",
    };

    /// <summary>Presses a month of the editor's cronograma as the browser does: the button sends its line's version.</summary>
    private static async Task<HttpResponseMessage> ToggleMonth(HttpClient client, int programId, int lineId, int month)
    {
        var page = $"/programas/{programId}/editar";
        var html = await (await client.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        var version = System.Text.RegularExpressions.Regex.Match(html, $"id=\"mes-{lineId}-{month}\"[^>]*name=\"Version\" value=\"([0-9]+)\"").Groups[1].Value;
        var action = $"/programas/{programId}/lineas/{lineId}/meses/{month}";
        return await client.PostAsync(new Uri(action, UriKind.Relative), HttpForms.Form(html, page, action, new() { ["Version"] = version }));
    }

    private static async Task<(int LineId, int Version)> Line(PatWebFactory factory, int programId, string number)
    {
        await using var db = factory.Database.Context();
        var line = await db.ActionLines.Include(l => l.Indicator).SingleAsync(l => l.Objective.ProgramId == programId && l.Number == number);
        return (line.Id, line.Indicator?.Version ?? line.Version);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_titular_edits_an_indicator_and_the_change_is_audited(string provider)
    {
        await using var factory = new PatWebFactory(provider);
        var programId = await factory.CreateDraftProgram();
        var (lineId, version) = await Line(factory, programId, "1.1");
        var titular = await factory.SignedIn("titular.ucsi");
        var page = $"/programas/{programId}/lineas/{lineId}/indicador";

        var form = await titular.Html(page);
        Assert.Contains("Informe de avance de desarrollo", form);
        Assert.Contains("value=\"6\"", form);

        var response = await titular.PostForm(page, page, IndicatorFields(version, "8.5"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.Database.Context();
        var indicator = await db.Indicators.SingleAsync(i => i.ActionLineId == lineId);
        Assert.Equal(8.5m, indicator.Goal);
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Indicator" && a.Action == AuditAction.Update).SingleAsync();
        Assert.Equal("titular.ucsi", audit.User);
        Assert.Equal(programId, audit.ProgramId);
        Assert.Contains("\"Goal\":6", audit.Before);
        var history = await titular.Html($"/programas/{programId}/historial");
        Assert.True(history.Contains("<strong>Cambio</strong> · Indicador de la línea 1.1 «Informe de avance de desarrollo»", StringComparison.Ordinal),
            string.Join("\n", Regex.Matches(history, "<(?:h2|p) class=\"(?:h6 )?mb-1\">.*?</(?:h2|p)>").Select(m => m.Value).Take(8)));
        Assert.Contains("titular.ucsi", history);
    }

    [Fact]
    public async Task A_bad_form_is_shown_again_with_spanish_errors_next_to_the_fields_and_the_input_kept()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var (lineId, version) = await Line(factory, programId, "1.1");
        var titular = await factory.SignedIn("titular.ucsi");
        var page = $"/programas/{programId}/lineas/{lineId}/indicador";
        var fields = IndicatorFields(version, "seis");
        fields["Type"] = "Percentage";
        fields["Name"] = "Indicador con cambios sin guardar";

        var response = await titular.PostForm(page, page, fields);
        var html = await response.Body();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("«seis» no es un número válido para Meta: escriba solo cifras", html);
        Assert.Contains("value=\"seis\"", html);
        Assert.Contains("Indicador con cambios sin guardar", html);
        Assert.Contains("aria-invalid=\"true\"", html);

        // Once every field reads, the rules across fields are checked too.
        fields["Goal"] = "100";
        var ratio = await (await titular.PostForm(page, page, fields)).Body();
        Assert.Contains("necesita decir qué cuentan el valor de cálculo 1 y el 2", ratio);
        Assert.Contains("Indicador con cambios sin guardar", ratio);
        await using var db = factory.Database.Context();
        Assert.Equal(6, (await db.Indicators.SingleAsync(i => i.ActionLineId == lineId)).Goal);
    }

    [Fact]
    public async Task Goals_per_period_are_saved_and_used_by_the_calculation()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var (lineId, version) = await Line(factory, programId, "8.1"); // bimestral, January to December, goal 6
        var titular = await factory.SignedIn("titular.ucsi");
        var page = $"/programas/{programId}/lineas/{lineId}/indicador";
        Assert.Contains("noviembre–diciembre 2025", await titular.Html(page));
        var fields = IndicatorFields(version, "6");
        fields["Frequency"] = "Bimonthly";
        fields["PeriodGoals[2]"] = "0";
        fields["PeriodGoals[4]"] = "3";
        fields["PeriodGoals[12]"] = "-1";

        Assert.Contains("La meta del periodo que termina en diciembre debe estar entre 0 y 1000000000.", await (await titular.PostForm(page, page, fields)).Body());
        fields["PeriodGoals[12]"] = "3";
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(page, page, fields)).StatusCode);

        await using var db = factory.Database.Context();
        var indicator = await db.Indicators.Include(i => i.PeriodGoals).Include(i => i.ActionLine).ThenInclude(l => l.Objective).ThenInclude(o => o.Program)
            .SingleAsync(i => i.ActionLineId == lineId);
        Assert.Equal([(2, 0m), (4, 3m), (12, 3m)], indicator.PeriodGoals.OrderBy(g => g.LastMonth).Select(g => (g.LastMonth, g.Goal)));
        // As of mid-May 2025 (January–February and March–April due), 3 documents are programmed, not 2.
        var figures = PatUcsi.Domain.Calculation.IndicatorCalculator.Compute(indicator.Definition()!, [], new DateOnly(2025, 5, 15));
        Assert.Equal(3, figures.ProgrammedToDate);
    }

    [Fact]
    public async Task Months_are_validated_and_a_valid_line_saves()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        await using var db0 = factory.Database.Context();
        var line = await db0.ActionLines.SingleAsync(l => l.Objective.ProgramId == programId && l.Number == "4.1");
        var titular = await factory.SignedIn("titular.ucsi");
        var page = $"/programas/{programId}/lineas/{line.Id}";
        var fields = new Dictionary<string, string> { ["Version"] = "0", ["Number"] = "4.1", ["Text"] = line.Text, ["FirstMonth"] = "5", ["LastMonth"] = "2" };

        var bad = await (await titular.PostForm(page, page, fields)).Body();
        Assert.Contains("El mes inicial no puede ser posterior al mes final.", bad);

        fields["FirstMonth"] = "13";
        Assert.Contains("El mes debe estar entre 1 y 12.", await (await titular.PostForm(page, page, fields)).Body());

        fields["FirstMonth"] = "2";
        fields["LastMonth"] = "5";
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(page, page, fields)).StatusCode);
        await using var db = factory.Database.Context();
        var saved = await db.ActionLines.SingleAsync(l => l.Id == line.Id);
        Assert.Equal([2, 3, 4, 5], saved.Schedule.List());
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_with_the_input_kept()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var (lineId, version) = await Line(factory, programId, "2.1");
        var first = await factory.SignedIn("titular.ucsi");
        var second = await factory.SignedIn("admin");
        var page = $"/programas/{programId}/lineas/{lineId}/indicador";

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostForm(page, page, IndicatorFields(version, "7"))).StatusCode);
        var refused = await second.PostForm(page, page, IndicatorFields(version, "9"));
        var html = await refused.Body();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Otra persona guardó cambios en este elemento", html);
        Assert.Contains("value=\"9\"", html);
        await using var db = factory.Database.Context();
        Assert.Equal(7, (await db.Indicators.SingleAsync(i => i.ActionLineId == lineId)).Goal);
    }

    [Fact]
    public async Task Clicking_a_month_of_the_schedule_toggles_it()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        await using var db0 = factory.Database.Context();
        var line = await db0.ActionLines.SingleAsync(l => l.Objective.ProgramId == programId && l.Number == "7.1");
        var titular = await factory.SignedIn("titular.ucsi");

        var response = await titular.PostForm($"/programas/{programId}/editar", $"/programas/{programId}/lineas/{line.Id}/meses/9",
            new() { ["Version"] = line.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.Database.Context();
        Assert.Equal([7, 9], (await db.ActionLines.SingleAsync(l => l.Id == line.Id)).Schedule.List());
    }

    [Fact]
    public async Task Objectives_are_added_moved_and_deleted_after_confirmation()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        var newPage = $"/programas/{programId}/objetivos/nuevo";

        Assert.Contains("value=\"19\"", await titular.Html(newPage));
        var empty = await (await titular.PostForm(newPage, newPage, new() { ["Number"] = "19", ["Group"] = "Transversal", ["Text"] = "" })).Body();
        Assert.Contains("Escriba el objetivo.", empty);
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(newPage, newPage,
            new() { ["Number"] = "19", ["Group"] = "Transversal", ["Text"] = "Objetivo nuevo de prueba" })).StatusCode);

        await using (var db = factory.Database.Context())
        {
            var added = await db.Objectives.SingleAsync(o => o.ProgramId == programId && o.Number == 19);
            await titular.PostForm($"/programas/{programId}/editar", $"/programas/{programId}/objetivos/{added.Id}/mover", new() { ["direccion"] = "arriba" });
            var confirm = await titular.Html($"/programas/{programId}/objetivos/{added.Id}/eliminar");
            Assert.Contains("¿Eliminar el objetivo 18", confirm);
            Assert.Equal(18, (await db.Objectives.AsNoTracking().SingleAsync(o => o.Id == added.Id)).Number);
            var eighteen = await db.Objectives.AsNoTracking().SingleAsync(o => o.ProgramId == programId && o.Text.StartsWith("Elaborar contenidos para difusión"));
            Assert.Equal(19, eighteen.Number);
            Assert.Equal("19.1", (await db.ActionLines.AsNoTracking().FirstAsync(l => l.ObjectiveId == eighteen.Id)).Number);

            var deleted = await titular.PostForm($"/programas/{programId}/objetivos/{added.Id}/eliminar", $"/programas/{programId}/objetivos/{added.Id}/eliminar", new() { ["Version"] = "1" });
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        await using var check = factory.Database.Context();
        Assert.Equal(18, await check.Objectives.CountAsync(o => o.ProgramId == programId));
        Assert.Equal(Enumerable.Range(1, 18), await check.Objectives.Where(o => o.ProgramId == programId).Select(o => o.Number).OrderBy(n => n).ToListAsync());
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "SpecificObjective" && a.Action == AuditAction.Delete));
    }

    /// <summary>Section 5 keeps its own wording of an objective (the source's 14 says "UCSI" there, "UTA" in section 4), through a copy and an edit.</summary>
    [Fact]
    public async Task Section_5_keeps_its_own_wording_of_an_objective()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        static string Section(string page, string id)
        {
            var start = page.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
            return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
        }

        var copied = await titular.Html($"/programas/{programId}");
        Assert.Contains("relativo a la UTA.", Section(copied, "objetivos"));
        Assert.Contains("relativo a la UCSI.", Section(copied, "lineas"));
        Assert.Contains("Líneas de Acción</th>", Section(copied, "lineas"));

        SpecificObjective objective;
        await using (var db = factory.Database.Context())
            objective = await db.Objectives.SingleAsync(o => o.ProgramId == programId && o.Number == 14);
        var edit = $"/programas/{programId}/objetivos/{objective.Id}";
        Assert.Contains("relativo a la UCSI.", await titular.Html(edit));
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(edit, edit, new()
        {
            ["Version"] = $"{objective.Version}", ["Number"] = "14", ["Group"] = "Transversal", ["Text"] = "Texto de la sección 4.",
            ["ActionLinesText"] = "Texto de la sección 5.", ["ActionLinesHeader"] = "Acciones",
        })).StatusCode);

        var page = await titular.Html($"/programas/{programId}");
        Assert.Contains("14. Texto de la sección 5.</h3>", Section(page, "lineas"));
        Assert.Contains("Acciones</th>", Section(page, "lineas"));
        Assert.Contains("Texto de la sección 4.", Section(page, "objetivos"));
        Assert.DoesNotContain("Texto de la sección 5.", Section(page, "objetivos"));
        Assert.Contains("Texto en 5. Líneas de acción", await titular.Html($"/programas/{programId}/historial"));
    }

    [Fact]
    public async Task Texts_and_abbreviations_are_saved()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        var texts = $"/programas/{programId}/editar/textos";

        Assert.Contains("Fomentar el aprovechamiento", await titular.Html(texts));
        var bad = await (await titular.PostForm(texts, texts, new()
        {
            ["Version"] = "0", ["Mission"] = "Nueva misión.", ["GraceDays"] = "10", ["GreenThreshold"] = "60", ["YellowThreshold"] = "70", ["OverachievementThreshold"] = "130",
        })).Body();
        Assert.Contains("El umbral verde debe ser mayor o igual que el amarillo.", bad);
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(texts, texts, new()
        {
            ["Version"] = "0", ["Mission"] = "Nueva misión.", ["GraceDays"] = "5", ["GreenThreshold"] = "85.5", ["YellowThreshold"] = "70", ["OverachievementThreshold"] = "130",
            ["SignatureDate"] = "2025-01-15", ["SignaturePlace"] = "La Paz, Baja California Sur",
        })).StatusCode);

        var abbreviations = $"/programas/{programId}/editar/abreviaturas";
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(abbreviations, abbreviations, new()
        {
            ["Version"] = "1", ["Rows[0].Acronym"] = "IEEBCS", ["Rows[0].Meaning"] = "Instituto Estatal Electoral de Baja California Sur",
            ["Rows[1].Acronym"] = "", ["Rows[1].Meaning"] = "",
        })).StatusCode);

        await using var db = factory.Database.Context();
        var program = await db.Programs.Include(p => p.Abbreviations).SingleAsync(p => p.Id == programId);
        Assert.Equal("Nueva misión.", program.Mission);
        Assert.Null(program.Vision);
        Assert.Equal((5, 85.5m), (program.GraceDays, program.GreenThreshold));
        Assert.Equal(new DateOnly(2025, 1, 15), program.Signature.Date);
        var only = Assert.Single(program.Abbreviations);
        Assert.Equal("IEEBCS", only.Acronym);
    }

    [Fact]
    public async Task An_approved_program_cannot_be_edited()
    {
        await using var factory = new PatWebFactory();
        var titular = await factory.SignedIn("titular.ucsi");

        var response = await titular.GetAsync(new Uri("/programas/1/editar", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/programas/1", response.Headers.Location!.ToString());
        var page = await titular.Html("/programas/1");
        Assert.Contains("El programa está aprobado: es de solo lectura.", page);
        Assert.DoesNotContain("Editar programa", page);
    }

    [Fact]
    public async Task The_program_goes_from_titular_to_junta_and_back_with_comments_and_a_reason()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        var junta = await factory.SignedIn("junta");
        var page = $"/programas/{programId}";

        Assert.Contains("Enviar a la Junta", await titular.Html(page));
        Assert.Equal(HttpStatusCode.Forbidden, (await junta.PostForm(page, $"{page}/enviar", new() { ["Version"] = "0" })).StatusCode);
        await titular.PostForm(page, $"{page}/enviar", new() { ["Version"] = "0" });
        Assert.Contains("Enviado a la Junta", await titular.Html(page));
        Assert.Equal(HttpStatusCode.Forbidden, (await titular.PostForm(page, $"{page}/aprobar", new() { ["Version"] = "1" })).StatusCode);

        await junta.PostForm(page, $"{page}/devolver", new() { ["Version"] = "1", ["Comment"] = "Ajustar la meta de 1.1." });
        Assert.Contains("Ajustar la meta de 1.1.", await titular.Html(page));
        await titular.PostForm(page, $"{page}/enviar", new() { ["Version"] = "2" });
        await junta.PostForm(page, $"{page}/aprobar", new() { ["Version"] = "3" });
        Assert.Contains("Aprobado", await junta.Html(page));

        var noReason = await junta.PostForm(page, $"{page}/reabrir", new() { ["Version"] = "4", ["Comment"] = "" });
        Assert.Contains("Escriba el motivo para reabrir el programa.", await junta.Html(page));
        await junta.PostForm(page, $"{page}/reabrir", new() { ["Version"] = "4", ["Comment"] = "Cambio de metas acordado." });

        await using var db = factory.Database.Context();
        var program = await db.Programs.SingleAsync(p => p.Id == programId);
        Assert.Equal(ProgramState.Draft, program.State);
        var reopen = await db.AuditEntries.Where(a => a.ProgramId == programId && a.Reason != null).SingleAsync();
        Assert.Equal(("junta", "Cambio de metas acordado."), (reopen.User, reopen.Reason));
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
    }

    [Fact]
    public async Task A_stale_approval_is_refused()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        var junta = await factory.SignedIn("junta");
        var page = $"/programas/{programId}";
        await titular.PostForm(page, $"{page}/enviar", new() { ["Version"] = "0" });

        var stale = await junta.PostForm(page, $"{page}/aprobar", new() { ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);

        var shown = await junta.Html(page);
        Assert.True(shown.Contains("Otra persona modificó el programa", StringComparison.Ordinal), shown[..Math.Min(shown.Length, 4000)]);
        await using var db = factory.Database.Context();
        Assert.Equal(ProgramState.Submitted, (await db.Programs.SingleAsync(p => p.Id == programId)).State);
    }

    [Fact]
    public async Task On_a_reopened_program_reported_lines_keep_their_measurement_and_months_but_the_meta_may_change()
    {
        await using var factory = new PatWebFactory();
        _ = factory.Server; // started: migrated and seeded
        int lineId;
        await using (var db = factory.Database.Context())
        {
            var program = (await db.LoadProgramAsync(1))!;
            var line = program.ActionLines().Single(l => l.Number == "1.1");
            lineId = line.Id;
            var may = new PatUcsi.Domain.Progress.PeriodReport(program, 5);
            may.Record(line.Id, 1, null, "Informe de mayo.");
            may.Submit("capturista.ucsi", factory.Clock.At(new DateTime(2024, 6, 5, 18, 0, 0, DateTimeKind.Utc)), program.GraceDays);
            may.Approve("titular.ucsi", new DateTime(2024, 6, 6, 18, 0, 0, DateTimeKind.Utc));
            // Reopened since: a draft again, but what it reported may be approved again, so the line stays fixed.
            may.Reopen("titular.ucsi", new DateTime(2024, 6, 7, 18, 0, 0, DateTimeKind.Utc), "Corregir la narrativa.");
            db.PeriodReports.Add(may);
            await db.SaveChangesAsync();
        }
        var junta = await factory.SignedIn("junta");
        await junta.PostForm("/programas/1", "/programas/1/reabrir", new() { ["Comment"] = "Ajustar metas." });
        var titular = await factory.SignedIn("titular.ucsi");
        var page = $"/programas/1/lineas/{lineId}/indicador";
        var (_, version) = await Line(factory, 1, "1.1");

        var fields = IndicatorFields(version, "6");
        fields["Frequency"] = "Quarterly";
        var refused = await (await titular.PostForm(page, page, fields)).Body();
        Assert.Contains("La línea 1.1 tiene avances ya enviados (mayo): su tipo, frecuencia, acumulación y tendencia ya no pueden cambiar", refused);
        await ToggleMonth(titular, 1, lineId, 12);
        Assert.Contains("La línea 1.1 tiene avances ya enviados (mayo): sus meses ya no pueden cambiar", await titular.Html("/programas/1/editar"));
        var goal = await titular.PostForm(page, page, IndicatorFields(version, "7"));

        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);
        await using var check = factory.Database.Context();
        var indicator = await check.Indicators.Include(i => i.ActionLine).SingleAsync(i => i.ActionLineId == lineId);
        Assert.Equal((PatUcsi.Domain.Indicators.Frequency.Monthly, 7m, 6), (indicator.Frequency, indicator.Goal, indicator.ActionLine.LastMonth!.Value));
    }

    [Fact]
    public async Task The_history_names_each_row_keeps_a_save_on_one_page_and_lists_what_a_deletion_took_with_it()
    {
        await using var factory = new PatWebFactory();
        var programId = await factory.CreateDraftProgram();
        var titular = await factory.SignedIn("titular.ucsi");
        var edit = $"/programas/{programId}/editar";
        int objectiveId, lines, goals;
        await using (var db = factory.Database.Context())
        {
            objectiveId = await db.Objectives.Where(o => o.ProgramId == programId && o.Number == 1).Select(o => o.Id).SingleAsync();
            lines = await db.ActionLines.CountAsync(l => l.ObjectiveId == objectiveId);
            goals = await db.Set<PatUcsi.Domain.Indicators.PeriodGoal>().CountAsync(g => db.Indicators.Any(i => i.Id == g.IndicatorId && i.ActionLine.ObjectiveId == objectiveId));
        }
        var (line21, _) = await Line(factory, programId, "2.1");

        // 30 saves a minute apart: the shading of December on line 2.1, on and off.
        for (var i = 0; i < 30; i++)
        {
            factory.Time.Now = factory.Time.Now.AddMinutes(1);
            Assert.Equal($"/programas/{programId}/editar#mes-{line21}-12", (await ToggleMonth(titular, programId, line21, 12)).Headers.Location?.OriginalString);
        }
        factory.Time.Now = factory.Time.Now.AddMinutes(1);
        var texts = $"/programas/{programId}/editar/textos";
        await titular.PostForm(texts, texts, new()
        {
            ["SignatureDate"] = "2026-07-22", ["GraceDays"] = "10", ["GreenThreshold"] = "90", ["YellowThreshold"] = "70", ["OverachievementThreshold"] = "130",
        });
        factory.Time.Now = factory.Time.Now.AddMinutes(1);
        var delete = $"/programas/{programId}/objetivos/{objectiveId}/eliminar";
        Assert.Equal(HttpStatusCode.Redirect, (await titular.PostForm(delete, delete, [])).StatusCode);

        var first = await titular.Html($"/programas/{programId}/historial");
        var second = await titular.Html($"/programas/{programId}/historial?pagina=2");
        Assert.Equal(25, Regex.Count(first, "<section class=\"history-group\">"));
        Assert.Contains("<strong>Cambio</strong> · Línea de acción 2.1", first);
        Assert.Contains("<dt>Meses del cronograma</dt>", first);
        Assert.Contains("22 de julio de 2026", first);
        Assert.DoesNotContain("2026-07-22", first);
        Assert.DoesNotContain("registro", first);
        // The deletion is one save: the objective, each line, each indicator and each period goal, named.
        var deletion = Regex.Match(first, "<section class=\"history-group\">(?:(?!</section>).)*Objetivo específico 1(?:(?!</section>).)*</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<strong>Baja</strong> · Objetivo específico 1", deletion);
        Assert.Equal(lines, Regex.Count(deletion, "<strong>Baja</strong> · Línea de acción 1\\."));
        Assert.Contains("<strong>Baja</strong> · Indicador de la línea 1.1 «Informe de avance de desarrollo»", deletion);
        Assert.Equal(goals, Regex.Count(deletion, "<strong>Baja</strong> · Meta del periodo que termina en"));
        // The other saves and the load of the program are on page 2, none repeated.
        Assert.Contains("Sistema (carga o importación)", second);
        Assert.Contains("<strong>Alta</strong> · Indicador de la línea 1.1 «Informe de avance de desarrollo»", second);
        await using var check = factory.Database.Context();
        var saves = (await check.AuditEntries.Where(a => a.ProgramId == programId).Select(a => new { a.At, a.User }).ToListAsync()).Distinct().Count();
        Assert.Equal(saves, 25 + Regex.Count(second, "<section class=\"history-group\">"));
        Assert.Equal(0, await check.Indicators.CountAsync(i => i.ActionLine.ObjectiveId == objectiveId));
        Assert.True(await check.AuditEntries.CountAsync(a => a.ProgramId == programId && a.EntityType == "Indicator" && a.Action == AuditAction.Delete) >= 1);
    }
}
