using Microsoft.AspNetCore.Mvc;
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
public sealed class ProgressController(PatDbContext db, TimeProvider clock, EvidenceStore evidence, IAuditContext audit) : Controller
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    [HttpGet("")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Index(int programId)
    {
        var program = (await db.LoadProgramAsync(programId))!;
        var reports = await db.PeriodReports.Where(r => r.ProgramId == programId).AsNoTracking().ToListAsync();
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
        return View(await Page(programId, month, null));
    }

    /// <summary>Saves the month as a draft ("guardar") or saves and sends it to the Titular ("enviar").</summary>
    [HttpPost("{month:int}")]
    [ProgramAccess(Access.CaptureProgress)]
    [RequestSizeLimit(64 * 1024 * 1024)]
    public async Task<IActionResult> Period(int programId, int month, PeriodForm form, CancellationToken ct)
    {
        if (month is < 1 or > 12) return NotFound();
        var program = (await db.LoadProgramAsync(programId, ct))!;
        if (program.State != ProgramState.Approved)
            return Problem(programId, month, "El programa debe estar aprobado para capturar avances.");
        var report = await PeriodPageBuilder.LoadReportAsync(db, programId, month);
        if (report is { IsEditable: false })
            return Problem(programId, month, report.State == ReportState.Approved
                ? "El informe está aprobado y bloqueado; el Titular debe reabrirlo para modificarlo."
                : "El informe fue enviado al Titular; no puede modificarse hasta que lo apruebe o lo devuelva.");

        var due = PeriodPageBuilder.LinesDue(program, month).ToDictionary(x => x.Line.Id, x => x.Line);
        ValidateLines(form, due);
        if (!ModelState.IsValid) return View(await Page(programId, month, form));

        report ??= db.PeriodReports.Add(new PeriodReport(program, month)).Entity;
        db.Entry(report).Property(r => r.Version).OriginalValue = form.ReportVersion;
        var user = User.Identity!.Name!;
        var storedNow = new List<string>(); // files written by this save, removed again if it is refused
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var input = form.Lines[i];
            if (!due.ContainsKey(input.ActionLineId)) continue;
            var entry = report.Entries.FirstOrDefault(e => e.ActionLineId == input.ActionLineId);
            var hasEvidence = input.File is { Length: > 0 } || !string.IsNullOrWhiteSpace(input.Reference) || entry?.Evidence.Count > input.RemoveEvidence.Count;
            if (input.IsEmpty && !hasEvidence)
            {
                if (entry is not null) report.Entries.Remove(entry);
                continue;
            }
            entry = report.Record(input.ActionLineId, input.Value1, input.Value2, input.Narrative);
            if (entry.Id != 0) db.Entry(entry).Property(e => e.Version).OriginalValue = input.Version;
            entry.Evidence.RemoveAll(e => input.RemoveEvidence.Contains(e.Id));
            if (!string.IsNullOrWhiteSpace(input.Reference))
                entry.Evidence.Add(new Evidence(input.Reference, null, null, null, null, user, DateTime.UtcNow));
            if (input.File is { Length: > 0 } file)
            {
                var (stored, error) = await evidence.SaveAsync(file, ct);
                if (error is not null)
                {
                    ModelState.AddModelError($"Lines[{i}].File", error);
                    evidence.Delete(storedNow);
                    db.ChangeTracker.Clear();
                    return View(await Page(programId, month, form));
                }
                storedNow.Add(stored!.StoredName);
                entry.Evidence.Add(new Evidence(null, Path.GetFileName(file.FileName), stored!.StoredName, stored.ContentType, stored.Size, user, DateTime.UtcNow));
            }
        }

        var send = form.Accion == "enviar";
        try
        {
            if (send) report.Submit(user, clock.GetUtcNow().UtcDateTime, program.GraceDays);
            else report.Version++; // any save of the month must conflict with a concurrent one
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            evidence.Delete(storedNow);
            db.ChangeTracker.Clear();
            return View(await Page(programId, month, form));
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
            return View(await Page(programId, month, form));
        }
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
        var item = await db.Evidence.Where(e => e.Id == evidenceId && e.StoredName != null
                && db.ProgressEntries.Any(p => p.Id == e.ProgressEntryId && db.PeriodReports.Any(r => r.Id == p.PeriodReportId && r.ProgramId == programId)))
            .SingleOrDefaultAsync();
        if (item is null) return NotFound();
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

    private void ValidateLines(PeriodForm form, Dictionary<int, ActionLine> due)
    {
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var input = form.Lines[i];
            if (!due.TryGetValue(input.ActionLineId, out var line) || input.IsEmpty) continue;
            if (IndicatorCalculator.Validate(line.Indicator!.Type, input.Value1, input.Value2) is { } error)
                ModelState.AddModelError($"Lines[{i}].Value1", $"Línea {line.Number}: {error}");
        }
    }

    private async Task<PeriodPageModel> Page(int programId, int month, PeriodForm? posted)
    {
        var program = (await db.LoadProgramAsync(programId))!;
        var report = await PeriodPageBuilder.LoadReportAsync(db, programId, month);
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
