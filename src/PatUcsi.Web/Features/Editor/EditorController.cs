using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Editor;

/// <summary>
/// Editing a draft program: texts, abbreviations, objectives, action lines, the schedule and the
/// indicators. Only the unit's Titular and the Administrador, and only while the program is a draft.
/// </summary>
[Route("programas/{programId:int}")]
[ProgramAccess(Access.Edit, DraftOnly = true)]
public sealed class EditorController(PatDbContext db) : Controller
{
    public const string ConflictMessage =
        "Otra persona guardó cambios en este elemento mientras usted editaba. Su captura sigue en el formulario: " +
        "revise la versión actual del programa (en otra pestaña) y guarde de nuevo para reemplazarla.";

    [HttpGet("editar")]
    public async Task<IActionResult> Overview(int programId) =>
        View(await db.LoadProgramAsync(programId));

    // --- texts ---

    [HttpGet("editar/textos")]
    public async Task<IActionResult> Texts(int programId)
    {
        var p = await db.Programs.Include(x => x.Unit).SingleAsync(x => x.Id == programId);
        ViewData["Program"] = p;
        return View(new TextsForm
        {
            Version = p.Version, Mission = p.Mission, Vision = p.Vision, Presentation = p.Presentation, LegalFramework = p.LegalFramework,
            OrganizationText = p.OrganizationText, OrganizationNote = p.OrganizationNote, GeneralObjective = p.GeneralObjective,
            FormatGeneralObjective = p.FormatGeneralObjective, ActionLinesIntro = p.ActionLinesIntro, ScheduleIntro = p.ScheduleIntro,
            IndicatorsIntro = p.IndicatorsIntro, SignatureName = p.Signature.Name, SignatureTitle = p.Signature.Title,
            SignaturePlace = p.Signature.Place, SignatureDate = p.Signature.Date, GraceDays = p.GraceDays,
            GreenThreshold = p.GreenThreshold, YellowThreshold = p.YellowThreshold, OverachievementThreshold = p.OverachievementThreshold,
        });
    }

    [HttpPost("editar/textos")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Texts(int programId, TextsForm form)
    {
        var p = await db.Programs.Include(x => x.Unit).SingleAsync(x => x.Id == programId);
        ViewData["Program"] = p;
        if (!ModelState.IsValid) return View(form);
        var texts = p.Texts with
        {
            Mission = Clean(form.Mission), Vision = Clean(form.Vision), Presentation = Clean(form.Presentation), LegalFramework = Clean(form.LegalFramework),
            OrganizationText = Clean(form.OrganizationText), OrganizationNote = Clean(form.OrganizationNote), GeneralObjective = Clean(form.GeneralObjective),
            FormatGeneralObjective = Clean(form.FormatGeneralObjective), ActionLinesIntro = Clean(form.ActionLinesIntro),
            ScheduleIntro = Clean(form.ScheduleIntro), IndicatorsIntro = Clean(form.IndicatorsIntro),
            Signature = new SignatureBlock { Name = Clean(form.SignatureName), Title = Clean(form.SignatureTitle), Place = Clean(form.SignaturePlace), Date = form.SignatureDate },
        };
        if (!Try(() => p.Describe(texts)) || !Try(() => p.SetRules(form.GraceDays, form.Thresholds))) return View(form);
        return await SaveAsync(p, form.Version, v => form.Version = v) ? Saved(programId, "Se guardaron los textos del programa.") : View(form);
    }

    // --- abbreviations ---

    [HttpGet("editar/abreviaturas")]
    public async Task<IActionResult> Abbreviations(int programId)
    {
        var p = await db.Programs.Include(x => x.Unit).Include(x => x.Abbreviations).SingleAsync(x => x.Id == programId);
        ViewData["Program"] = p;
        var rows = p.Abbreviations.OrderBy(a => a.Position).Select(a => new AbbreviationRow { Acronym = a.Acronym, Meaning = a.Meaning }).ToList();
        rows.AddRange(Enumerable.Range(0, 3).Select(_ => new AbbreviationRow()));
        return View(new AbbreviationsForm { Version = p.Version, Rows = rows });
    }

    [HttpPost("editar/abreviaturas")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Abbreviations(int programId, AbbreviationsForm form)
    {
        var p = await db.Programs.Include(x => x.Unit).Include(x => x.Abbreviations).SingleAsync(x => x.Id == programId);
        ViewData["Program"] = p;
        if (!ModelState.IsValid) return View(form);
        var wanted = form.Rows.Where(r => !string.IsNullOrWhiteSpace(r.Acronym)).Select(r => (r.Acronym!, r.Meaning!)).ToList();
        if (!Try(() => p.SetAbbreviations(wanted))) return View(form);
        p.Version++; // the list belongs to the program: a concurrent edit of it must conflict
        return await SaveAsync(p, form.Version, v => form.Version = v) ? Saved(programId, "Se guardaron las abreviaturas.") : View(form);
    }

    // --- objectives ---

    [HttpGet("objetivos/nuevo")]
    public async Task<IActionResult> NewObjective(int programId)
    {
        var p = await ProgramWithObjectives(programId);
        ViewData["Program"] = p;
        return View("Objective", new ObjectiveForm
        {
            Number = p.Objectives.Count == 0 ? 1 : p.Objectives.Max(o => o.Number) + 1,
            Group = p.Objectives.Count == 0 ? ObjectiveGroup.UnitActivities : p.Objectives.OrderBy(o => o.Number).Last().Group,
        });
    }

    [HttpPost("objetivos/nuevo")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> NewObjective(int programId, ObjectiveForm form)
    {
        var p = await ProgramWithObjectives(programId);
        ViewData["Program"] = p;
        if (!ModelState.IsValid) return View("Objective", form);
        if (!Try(() => Apply(p.AddObjective(form.Number, form.Text, form.Group), form))) return View("Objective", form);
        await db.SaveChangesAsync();
        return Saved(programId, $"Se agregó el objetivo {form.Number}.");
    }

    [HttpGet("objetivos/{objectiveId:int}")]
    public async Task<IActionResult> Objective(int programId, int objectiveId)
    {
        var p = await ProgramWithObjectives(programId);
        if (p.Objectives.SingleOrDefault(o => o.Id == objectiveId) is not { } o) return NotFound();
        ViewData["Program"] = p;
        ViewData["ObjectiveId"] = objectiveId;
        return View(new ObjectiveForm
        {
            Version = o.Version, Number = o.Number, Text = o.Text, Group = o.Group, ProgramName = o.ProgramName, Policies = o.Policies, FormatText = o.FormatText,
            ActionLinesText = o.ActionLinesText, ActionLinesHeader = o.ActionLinesHeader,
        });
    }

    [HttpPost("objetivos/{objectiveId:int}")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Objective(int programId, int objectiveId, ObjectiveForm form)
    {
        var p = await ProgramWithObjectives(programId);
        if (p.Objectives.SingleOrDefault(o => o.Id == objectiveId) is not { } o) return NotFound();
        ViewData["Program"] = p;
        ViewData["ObjectiveId"] = objectiveId;
        if (form.Number != o.Number && p.Objectives.Any(x => x.Number == form.Number))
            ModelState.AddModelError(nameof(form.Number), $"Ya existe el objetivo {form.Number}. Use «Subir» y «Bajar» para cambiar el orden.");
        if (!ModelState.IsValid) return View(form);
        if (form.Number != o.Number)
        {
            // A new number moves the objective there; the others keep their order around it.
            var order = p.Objectives.Where(x => x != o).OrderBy(x => x.Number).ToList();
            order.Insert(Math.Clamp(order.Count(x => x.Number < form.Number), 0, order.Count), o);
            p.Renumber(order);
        }
        if (!Try(() => Apply(o, form))) return View(form);
        return await SaveAsync(o, form.Version, v => form.Version = v) ? Saved(programId, $"Se guardó el objetivo {o.Number}.") : View(form);
    }

    [HttpPost("objetivos/{objectiveId:int}/mover")]
    public async Task<IActionResult> MoveObjective(int programId, int objectiveId, string direccion)
    {
        var p = await ProgramWithObjectives(programId);
        var order = p.Objectives.OrderBy(o => o.Number).ToList();
        var index = order.FindIndex(o => o.Id == objectiveId);
        if (index < 0) return NotFound();
        var target = direccion == "arriba" ? index - 1 : index + 1;
        if (target >= 0 && target < order.Count)
        {
            (order[index], order[target]) = (order[target], order[index]);
            p.Renumber(order);
            await db.SaveChangesAsync();
        }
        return Redirect($"/programas/{programId}/editar#objetivos");
    }

    [HttpGet("objetivos/{objectiveId:int}/eliminar")]
    public async Task<IActionResult> DeleteObjective(int programId, int objectiveId)
    {
        var p = await ProgramWithObjectives(programId);
        if (p.Objectives.SingleOrDefault(o => o.Id == objectiveId) is not { } o) return NotFound();
        return ConfirmDelete(p, $"el objetivo {o.Number} y sus {o.ActionLines.Count} líneas de acción con sus indicadores", o.Text, o.Version);
    }

    [HttpPost("objetivos/{objectiveId:int}/eliminar")]
    public async Task<IActionResult> DeleteObjective(int programId, int objectiveId, ConfirmForm form)
    {
        var p = await ProgramWithObjectives(programId);
        // Loaded so that the lines' indicators and period goals are deleted with it one by one, each in the history.
        await db.Indicators.Where(i => i.ActionLine.ObjectiveId == objectiveId).Include(i => i.PeriodGoals).LoadAsync();
        if (p.Objectives.SingleOrDefault(o => o.Id == objectiveId) is not { } o) return NotFound();
        var lineIds = o.ActionLines.Select(l => l.Id).ToList();
        if (await db.ProgressEntries.AnyAsync(e => lineIds.Contains(e.ActionLineId)))
            return Problem(programId, $"El objetivo {o.Number} tiene avances reportados: no puede eliminarse.");
        db.Entry(o).Property(x => x.Version).OriginalValue = form.Version;
        p.RemoveObjective(o);
        return await SaveAsync(null, 0, _ => { }) ? Saved(programId, $"Se eliminó el objetivo «{Shorten(o.Text)}».") : Problem(programId, ConflictMessage);
    }

    // --- action lines ---

    [HttpGet("objetivos/{objectiveId:int}/lineas/nueva")]
    public async Task<IActionResult> NewActionLine(int programId, int objectiveId)
    {
        var p = await ProgramWithObjectives(programId);
        if (p.Objectives.SingleOrDefault(o => o.Id == objectiveId) is not { } o) return NotFound();
        ViewData["Program"] = p;
        ViewData["Objective"] = o;
        return View("ActionLine", new ActionLineForm { Number = $"{o.Number}.{(o.ActionLines.Count == 0 ? 1 : o.ActionLines.Max(l => l.Position) + 1)}" });
    }

    [HttpPost("objetivos/{objectiveId:int}/lineas/nueva")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> NewActionLine(int programId, int objectiveId, ActionLineForm form)
    {
        var p = await ProgramWithObjectives(programId);
        if (p.Objectives.SingleOrDefault(o => o.Id == objectiveId) is not { } o) return NotFound();
        ViewData["Program"] = p;
        ViewData["Objective"] = o;
        if (!ModelState.IsValid || !Try(() => o.AddActionLine(form.Text, form.FirstMonth, form.LastMonth, form.Number.Trim())))
            return View("ActionLine", form);
        await db.SaveChangesAsync();
        return Saved(programId, $"Se agregó la línea de acción {form.Number}.");
    }

    [HttpGet("lineas/{lineId:int}")]
    public async Task<IActionResult> ActionLine(int programId, int lineId)
    {
        if (await Line(programId, lineId) is not { } line) return NotFound();
        ViewData["Program"] = line.Objective.Program;
        ViewData["Objective"] = line.Objective;
        return View(new ActionLineForm { Version = line.Version, Number = line.Number, Text = line.Text, FirstMonth = line.FirstMonth, LastMonth = line.LastMonth });
    }

    [HttpPost("lineas/{lineId:int}")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> ActionLine(int programId, int lineId, ActionLineForm form)
    {
        if (await Line(programId, lineId) is not { } line) return NotFound();
        ViewData["Program"] = line.Objective.Program;
        ViewData["Objective"] = line.Objective;
        if (!ModelState.IsValid) return View(form);
        if (!Try(() => line.Revise(form.Number, form.Text))) return View(form);
        if (form.FirstMonth is { } first && form.LastMonth is { } last)
        {
            // New months reset the shading to the range; unchanged months keep the shading the user clicked.
            var reported = await db.ReportedMonthsAsync(lineId);
            if ((first != line.FirstMonth || last != line.LastMonth) && !Try(() => line.ReviseMonths(MonthSet.Range(first, last), reported)))
                return View(form);
        }
        else
        {
            ModelState.AddModelError(nameof(form.FirstMonth), "Indique el mes inicial y el mes final de la línea.");
            return View(form);
        }
        return await SaveAsync(line, form.Version, v => form.Version = v) ? Saved(programId, $"Se guardó la línea de acción {line.Number}.") : View(form);
    }

    /// <summary>Shades or clears one month of the cronograma (the grid's buttons post here).</summary>
    [HttpPost("lineas/{lineId:int}/meses/{month:int}")]
    public async Task<IActionResult> ToggleMonth(int programId, int lineId, int month, ConfirmForm form)
    {
        if (await Line(programId, lineId) is not { } line) return NotFound();
        if (month is < 1 or > 12) return BadRequest();
        var reported = await db.ReportedMonthsAsync(lineId);
        if (!Try(() => line.ToggleMonth(month, reported))) return Problem(programId, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        return await SaveAsync(line, form.Version, _ => { })
            ? Redirect($"/programas/{programId}/editar#mes-{lineId}-{month}") // the toggled month keeps the focus
            : Problem(programId, ConflictMessage);
    }

    [HttpGet("lineas/{lineId:int}/eliminar")]
    public async Task<IActionResult> DeleteActionLine(int programId, int lineId) =>
        await Line(programId, lineId) is { } line
            ? ConfirmDelete(line.Objective.Program, $"la línea de acción {line.Number}" + (line.Indicator is null ? "" : " y su indicador"), line.Text, line.Version)
            : NotFound();

    [HttpPost("lineas/{lineId:int}/eliminar")]
    public async Task<IActionResult> DeleteActionLine(int programId, int lineId, ConfirmForm form)
    {
        if (await Line(programId, lineId) is not { } line) return NotFound();
        if (await db.ProgressEntries.AnyAsync(e => e.ActionLineId == lineId))
            return Problem(programId, $"La línea {line.Number} tiene avances reportados: no puede eliminarse.");
        db.Entry(line).Property(x => x.Version).OriginalValue = form.Version;
        line.Objective.RemoveActionLine(line);
        db.ActionLines.Remove(line);
        return await SaveAsync(null, 0, _ => { }) ? Saved(programId, $"Se eliminó la línea de acción {line.Number}.") : Problem(programId, ConflictMessage);
    }

    // --- indicators ---

    [HttpGet("lineas/{lineId:int}/indicador")]
    public async Task<IActionResult> Indicator(int programId, int lineId)
    {
        if (await Line(programId, lineId) is not { } line) return NotFound();
        ViewData["Line"] = line;
        var i = line.Indicator;
        return View(i is null ? new IndicatorForm() : new IndicatorForm
        {
            Version = i.Version, Name = i.Name, Dimension = i.Dimension, Type = i.Type, CalculationMethod = i.CalculationMethod,
            Value1Label = i.Value1Label, Value2Label = i.Value2Label, Frequency = i.Frequency, UnitOfMeasure = i.UnitOfMeasure,
            BaselineText = i.BaselineText, Baseline = i.Baseline, Goal = i.Goal, GoalText = i.GoalText, Trend = i.Trend, Budget = i.Budget,
            Observations = i.Observations, VerifiableIn = i.VerifiableIn, Accumulates = i.Accumulates, ActivityText = i.ActivityText,
            GreenThreshold = i.GreenThreshold, YellowThreshold = i.YellowThreshold, OverachievementThreshold = i.OverachievementThreshold,
            PeriodGoals = i.PeriodGoals.ToDictionary(g => g.LastMonth, g => (decimal?)g.Goal),
        });
    }

    [HttpPost("lineas/{lineId:int}/indicador")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Indicator(int programId, int lineId, IndicatorForm form)
    {
        if (await Line(programId, lineId) is not { } line) return NotFound();
        ViewData["Line"] = line;
        if (!ModelState.IsValid) return View(form);
        var reported = await db.ReportedMonthsAsync(lineId);
        var description = new IndicatorDescription(form.Name.Trim(), form.Goal!.Value)
        {
            Dimension = form.Dimension, CalculationMethod = Clean(form.CalculationMethod), Value1Label = Clean(form.Value1Label),
            Value2Label = Clean(form.Value2Label), UnitOfMeasure = Clean(form.UnitOfMeasure), BaselineText = Clean(form.BaselineText),
            Baseline = form.Baseline, GoalText = Clean(form.GoalText), Budget = Clean(form.Budget), Observations = Clean(form.Observations),
            VerifiableIn = Clean(form.VerifiableIn), ActivityText = Clean(form.ActivityText),
        };
        var measurement = new Measurement(form.Type, form.Frequency, form.Accumulates, form.Trend);
        var i = line.Indicator ?? line.SetIndicator(new Indicator(description, measurement));
        if (!Try(() => i.ChangeMeasurement(measurement, reported)) || !Try(() => i.Describe(description))) return View(form);
        if (!Try(() => i.OverrideThresholds(form.Thresholds))) return View(form);
        // Goals only for the periods the indicator has now (its frequency or months may have changed).
        var periods = ReportingCalendar.Periods(line.Objective.Program.Year, i.Frequency, line.Schedule).Select(p => p.LastMonth).ToHashSet();
        foreach (var month in i.PeriodGoals.Select(g => g.LastMonth).Except(periods).ToList()) i.SetPeriodGoal(month, null);
        foreach (var month in periods) i.SetPeriodGoal(month, form.PeriodGoals.GetValueOrDefault(month));
        var saved = i.Id == 0 ? await SaveAsync(null, 0, _ => { }) : await SaveAsync(i, form.Version, v => form.Version = v);
        return saved ? Saved(programId, $"Se guardó el indicador de la línea {line.Number}.") : View(form);
    }

    [HttpGet("lineas/{lineId:int}/indicador/eliminar")]
    public async Task<IActionResult> DeleteIndicator(int programId, int lineId) =>
        await Line(programId, lineId) is { Indicator: { } i } line
            ? ConfirmDelete(line.Objective.Program, $"el indicador de la línea {line.Number}", i.Name, i.Version)
            : NotFound();

    [HttpPost("lineas/{lineId:int}/indicador/eliminar")]
    public async Task<IActionResult> DeleteIndicator(int programId, int lineId, ConfirmForm form)
    {
        if (await Line(programId, lineId) is not { Indicator: { } i } line) return NotFound();
        if (await db.ProgressEntries.AnyAsync(e => e.ActionLineId == lineId))
            return Problem(programId, $"La línea {line.Number} tiene avances reportados: su indicador no puede eliminarse (puede cancelarse cuando el programa esté aprobado).");
        db.Entry(i).Property(x => x.Version).OriginalValue = form.Version;
        db.Indicators.Remove(i);
        return await SaveAsync(null, 0, _ => { }) ? Saved(programId, $"Se eliminó el indicador de la línea {line.Number}.") : Problem(programId, ConflictMessage);
    }

    // --- helpers ---

    private Task<AnnualProgram> ProgramWithObjectives(int programId) =>
        db.Programs.Include(p => p.Unit).Include(p => p.Objectives).ThenInclude(o => o.ActionLines)
            .AsSplitQuery().SingleAsync(p => p.Id == programId);

    /// <summary>The line, only if it belongs to this program (ids from another unit's program are refused).</summary>
    private Task<ActionLine?> Line(int programId, int lineId) =>
        db.LinesOf(programId).Include(l => l.Objective).ThenInclude(o => o.Program).ThenInclude(p => p.Unit)
            .Include(l => l.Indicator).ThenInclude(i => i!.PeriodGoals)
            .SingleOrDefaultAsync(l => l.Id == lineId);

    private static void Apply(SpecificObjective o, ObjectiveForm form)
    {
        o.Describe(form.Text, form.Group, Clean(form.ProgramName), Clean(form.Policies), Clean(form.FormatText));
        o.WordActionLinesSection(Clean(form.ActionLinesText), Clean(form.ActionLinesHeader));
    }

    /// <summary>
    /// Saves with the version the user started from. On a conflict the form keeps the user's input and
    /// takes the current version, so saving again replaces the other change knowingly.
    /// </summary>
    private async Task<bool> SaveAsync(IVersioned? entity, int version, Action<int> takeCurrentVersion)
    {
        if (entity is not null) db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException e)
        {
            ModelState.AddModelError("", ConflictMessage);
            var entry = e.Entries.Count > 0 ? e.Entries[0] : null;
            if (entry is not null && await entry.GetDatabaseValuesAsync() is { } current)
            {
                ModelState.Remove(nameof(IVersioned.Version));
                takeCurrentVersion(current.GetValue<int>(nameof(IVersioned.Version)));
            }
            return false;
        }
    }

    private bool Try(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return false;
        }
    }

    private ViewResult ConfirmDelete(AnnualProgram program, string what, string text, int version)
    {
        ViewData["Program"] = program;
        return View("ConfirmDelete", new ConfirmDeleteModel(what, text, version));
    }

    private RedirectResult Saved(int programId, string message)
    {
        TempData["Notice"] = message;
        return Redirect($"/programas/{programId}/editar");
    }

    private RedirectResult Problem(int programId, string message)
    {
        TempData["Problem"] = message;
        return Redirect($"/programas/{programId}/editar");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}

public sealed record ConfirmDeleteModel(string What, string Text, int Version);
