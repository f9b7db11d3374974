using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatUcsi.Data;
using PatUcsi.Data.Auditing;
using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Progress;

/// <summary>
/// Monthly progress: the Capturista (or the Titular) enters the values, narrative and evidence of the
/// action lines due in a month and sends the report; the Titular approves it, returns it with comments
/// or reopens it with a reason. Only approved reports count in the official figures.
/// </summary>
[Route("programas/{programId:int}/avance")]
public sealed class ProgressController(PatDbContext db, ProgramReportCache programs, TimeProvider clock, EvidenceStore evidence, IAuditContext audit) : Controller
{
    private DateOnly Today => clock.Today();

    [HttpGet("")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Index(int programId)
    {
        var program = (await programs.ProgramToReadAsync(db, programId))!;
        var reports = await db.ReportsOf(programId).AsNoTracking().ToListAsync();
        var months = Enumerable.Range(1, 12).Select(m =>
        {
            var report = reports.FirstOrDefault(r => r.Month == m);
            var due = new ReportingPeriod(program.Year, Domain.Indicators.Frequency.Monthly, m, m).DueDate(program.GraceDays);
            return new MonthSummary(m, PeriodPageBuilder.LinesDue(program, m).Count(), report?.State, report?.IsLate ?? false, due, Today > due);
        }).ToList();
        ViewData["Program"] = program;
        return View(months);
    }

    [HttpGet("{month:int}")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Period(int programId, int month)
    {
        if (month is < 1 or > 12) return NotFound();
        return View(await Page((await programs.ProgramToReadAsync(db, programId))!, month, null));
    }

    /// <summary>Saves the month as a draft ("guardar") or saves and sends it to the Titular ("enviar").</summary>
    [HttpPost("{month:int}")]
    [ShowsErrorsInForm]
    [ProgramAccess(Access.CaptureProgress)]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Period(int programId, int month, PeriodForm form, CancellationToken ct)
    {
        if (month is < 1 or > 12) return NotFound();
        var program = (await db.LoadForProgressAsync(programId, ct))!;
        if (program.State != ProgramState.Approved)
            return Problem(programId, month, "El programa debe estar aprobado para capturar avances.");
        var report = await PeriodPageBuilder.LoadReportAsync(db, programId, month);
        if (report is { IsEditable: false })
            return Problem(programId, month, report.State == ReportState.Approved
                ? "El informe está aprobado y bloqueado; el Titular debe reabrirlo para modificarlo."
                : "El informe fue enviado al Titular; no puede modificarse hasta que lo apruebe o lo devuelva.");

        var due = PeriodPageBuilder.LinesDue(program, month).ToDictionary(x => x.Line.Id, x => x.Line);
        ValidateLines(form, due, month, report);
        if (!ModelState.IsValid) return View(await PageAgain(programId, month, form));

        report ??= db.PeriodReports.Add(new PeriodReport(program, month)).Entity;
        db.Entry(report).Property(r => r.Version).OriginalValue = form.ReportVersion;
        var user = User.Identity!.Name!;
        var storedNow = new List<string>(); // files written by this save, removed again if it is refused
        var removedFiles = new List<string>(); // files of evidence removed by this save, deleted once it is stored
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var input = form.Lines[i];
            var entry = report.Entries.FirstOrDefault(e => e.ActionLineId == input.ActionLineId);
            var kept = entry?.Evidence.Count(e => !input.RemoveEvidence.Contains(e.Id)) ?? 0; // ids of other lines' evidence remove nothing
            var hasEvidence = input.File is { Length: > 0 } || !string.IsNullOrWhiteSpace(input.Reference) || kept > 0;
            if (input.IsEmpty && !hasEvidence)
            {
                removedFiles.AddRange(report.Remove(input.ActionLineId));
                continue;
            }
            entry = report.Record(input.ActionLineId, input.Value1, input.Value2, input.Narrative);
            if (entry.Id != 0) db.Entry(entry).Property(e => e.Version).OriginalValue = input.Version!.Value;
            removedFiles.AddRange(report.RemoveEvidence(input.ActionLineId, input.RemoveEvidence));
            if (!string.IsNullOrWhiteSpace(input.Reference))
                report.AddEvidence(input.ActionLineId, new Evidence(input.Reference, null, null, null, null, user, clock.GetUtcNow().UtcDateTime));
            if (input.File is { Length: > 0 } file)
            {
                var (stored, error) = await evidence.SaveAsync(file, ct);
                if (error is not null)
                {
                    ModelState.AddModelError($"Lines[{i}].File", $"Línea {due[input.ActionLineId].Number}: {error}");
                    evidence.Delete(storedNow);
                    db.ChangeTracker.Clear();
                    return View(await PageAgain(programId, month, form));
                }
                storedNow.Add(stored!.StoredName);
                report.AddEvidence(input.ActionLineId, new Evidence(null, EvidenceStore.DisplayName(file.FileName), stored.StoredName, stored.ContentType, stored.Size, user, clock.GetUtcNow().UtcDateTime));
            }
        }

        var send = form.Accion == "enviar";
        try
        {
            if (send) report.Submit(user, clock.Now(), program.GraceDays);
            else report.Version++; // any save of the month must conflict with a concurrent one
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            evidence.Delete(storedNow);
            db.ChangeTracker.Clear();
            return View(await PageAgain(programId, month, form));
        }
        catch (DbUpdateException)
        {
            evidence.Delete(storedNow);
            // A stale version, or another first save of the same month or line at the same time. The form keeps
            // the user's input and takes the current versions, so saving again replaces the other change knowingly.
            db.ChangeTracker.Clear();
            var current = await PeriodPageBuilder.LoadReportAsync(db, programId, month);
            form.ReportVersion = current?.Version ?? 0;
            foreach (var line in form.Lines)
                line.Version = current?.Entries.FirstOrDefault(e => e.ActionLineId == line.ActionLineId)?.Version ?? 0;
            ModelState.Clear();
            ModelState.AddModelError("", "Otra persona guardó este informe mientras usted capturaba. Su captura sigue en el formulario; " +
                                         "revise los valores actuales (abra el informe en otra pestaña) y guarde de nuevo.");
            return View(await PageAgain(programId, month, form));
        }
        evidence.Delete(removedFiles);
        TempData["Notice"] = send
            ? $"El informe de {Months.Name(month)} se envió al Titular{(report.IsLate ? " (fuera de plazo)" : "")}."
            : $"Se guardó el borrador de {Months.Name(month)}.";
        return Redirect($"/programas/{programId}/avance/{month}");
    }

    [HttpPost("{month:int}/aprobar")]
    [ProgramAccess(Access.ApproveProgress)]
    public Task<IActionResult> Approve(int programId, int month, ReviewInput input) =>
        Review(programId, month, input, r => r.Approve(User.Identity!.Name!, clock.GetUtcNow().UtcDateTime), $"Se aprobó el informe de {Months.Name(month)}.");

    [HttpPost("{month:int}/devolver")]
    [ProgramAccess(Access.ApproveProgress)]
    public Task<IActionResult> Return(int programId, int month, ReviewInput input) =>
        Review(programId, month, input, r => r.Return(User.Identity!.Name!, clock.GetUtcNow().UtcDateTime, input.Comment, input.LineComments),
            $"Se devolvió el informe de {Months.Name(month)} con sus comentarios.");

    [HttpPost("{month:int}/reabrir")]
    [ProgramAccess(Access.ApproveProgress)]
    public Task<IActionResult> Reopen(int programId, int month, ReviewInput input)
    {
        audit.Reason = input.Comment;
        return Review(programId, month, input, r => r.Reopen(User.Identity!.Name!, clock.GetUtcNow().UtcDateTime, input.Comment ?? ""),
            $"Se reabrió el informe de {Months.Name(month)}; deberá aprobarse de nuevo.");
    }

    /// <summary>Downloads an evidence file, for whoever may read the program.</summary>
    [HttpGet("evidencia/{evidenceId:int}")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Download(int programId, int evidenceId)
    {
        var item = await db.EvidenceOf(programId).Where(e => e.Id == evidenceId && e.StoredName != null).SingleOrDefaultAsync();
        if (item is null || !evidence.Exists(item.StoredName!)) return NotFound();
        return File(evidence.Open(item.StoredName!), item.ContentType ?? "application/octet-stream", item.FileName ?? item.StoredName);
    }

    private async Task<IActionResult> Review(int programId, int month, ReviewInput input, Action<PeriodReport> change, string done)
    {
        var report = await PeriodPageBuilder.LoadReportAsync(db, programId, month);
        if (report is null) return NotFound();
        await this.ApplyAsync(db, report, input.ReportVersion, () => change(report), done,
            "El informe cambió mientras usted lo revisaba. Revise la versión actual y vuelva a intentarlo.");
        return Redirect($"/programas/{programId}/avance/{month}");
    }

    /// <summary>
    /// Every posted line must be one of the month's (an id of another program or month refuses the whole
    /// save); every error names its line; a value far outside its meta is questioned once.
    /// </summary>
    private void ValidateLines(PeriodForm form, Dictionary<int, ActionLine> due, int month, PeriodReport? report)
    {
        if (form.Lines.Count == 0 || form.Lines.Any(l => !due.ContainsKey(l.ActionLineId)) || form.Lines.DistinctBy(l => l.ActionLineId).Count() != form.Lines.Count)
        {
            ModelState.AddModelError("", $"El formulario no corresponde a las líneas de acción que se reportan en {Months.Name(month)}. Vuelva a abrir la página e intente de nuevo.");
            return;
        }
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var input = form.Lines[i];
            var line = due[input.ActionLineId];
            foreach (var (key, entry) in ModelState.Where(e => e.Key.StartsWith($"Lines[{i}].", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).ToList())
            {
                // Binding and range messages name the field; on a page of many lines they must name the line too.
                var messages = entry!.Errors.Select(e => e.ErrorMessage).ToList();
                entry.Errors.Clear();
                foreach (var message in messages) ModelState.AddModelError(key, $"Línea {line.Number}: {message}");
            }
            if (input.IsEmpty || ModelState.Any(e => e.Key.StartsWith($"Lines[{i}].Value", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 })) continue;
            var indicator = line.Indicator!;
            if (IndicatorCalculator.Validate(indicator.Type, input.Value1, input.Value2) is { } error)
                ModelState.AddModelError($"Lines[{i}].Value1", $"Línea {line.Number}: {error}");
            else if (GoalRules.IsUnusual(indicator.Type, indicator.Goal, input.Value1!.Value, input.Value2)
                     && input.ConfirmedValues != input.ValuesKey && !AlreadyStored(report, input))
            {
                var value = GoalRules.PeriodValue(indicator.Type, input.Value1.Value, input.Value2)!.Value;
                ModelState.AddModelError($"Lines[{i}].Value1",
                    $"Línea {line.Number}: el valor del periodo ({Format.Input(Math.Round(value, 4))}) es más de {GoalRules.UnusualFactor:0} veces la meta " +
                    $"({Format.Input(indicator.Goal)}). Si es correcto, guarde de nuevo para confirmarlo; si no, corríjalo.");
                input.ConfirmedValues = input.ValuesKey;
            }
        }
    }

    /// <summary>A value saved before was confirmed then: saving or sending it again asks nothing.</summary>
    private static bool AlreadyStored(PeriodReport? report, LineInput input) =>
        report?.Entries.FirstOrDefault(e => e.ActionLineId == input.ActionLineId) is { } entry && entry.Value1 == input.Value1 && entry.Value2 == input.Value2;

    /// <summary>A form shown again cannot keep the files chosen in it: say so next to each one.</summary>
    private PeriodForm FilesNotKept(PeriodForm form)
    {
        for (var i = 0; i < form.Lines.Count; i++)
            if (form.Lines[i].File is { Length: > 0 } file && ModelState.GetFieldValidationState($"Lines[{i}].File") != ModelValidationState.Invalid)
                ModelState.AddModelError($"Lines[{i}].File", $"El archivo «{EvidenceStore.DisplayName(file.FileName)}» no se guardó porque el informe no se guardó; elíjalo de nuevo.");
        return form;
    }

    /// <summary>The page after a refused save, with the user's input: the program as this request's context holds it now.</summary>
    private async Task<PeriodPageModel> PageAgain(int programId, int month, PeriodForm form) =>
        await Page((await db.LoadForProgressAsync(programId))!, month, FilesNotKept(form));

    private async Task<PeriodPageModel> Page(AnnualProgram program, int month, PeriodForm? posted)
    {
        var report = await PeriodPageBuilder.LoadReportAsync(db, program.Id, month);
        var actor = User.ToActor();
        return await PeriodPageBuilder.BuildAsync(db, program, report, month, Today, posted,
            actor.Can(Access.CaptureProgress, program.UnitId), actor.Can(Access.ApproveProgress, program.UnitId), evidence.MaxBytes);
    }

    private RedirectResult Problem(int programId, int month, string message)
    {
        TempData["Problem"] = message;
        return Redirect($"/programas/{programId}/avance/{month}");
    }
}
