using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Auditing;
using PatUcsi.Domain;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Reporting;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Programs;

public sealed record ProgramPageModel(
    ProgramReport Report, string? ReviewComment, int Version, bool CanEdit, bool CanSubmit, bool CanReview, bool CanReopen, bool CanCancel);

public sealed record HistoryPageModel(int ProgramId, string UnitShortName, int Year, IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore);

public sealed class ReviewForm
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }

    [StringLength(4000, ErrorMessage = "El texto no puede pasar de 4000 caracteres.")]
    public string? Comment { get; set; }
}

[Route("programas/{programId:int}")]
public sealed class ProgramsController(PatDbContext db, TimeProvider clock, IAuditContext audit) : Controller
{
    private const int HistoryPageSize = 50;

    /// <summary>The whole program in the order of the official document, with figures as of a date (default today).</summary>
    [HttpGet("")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Show(int programId, DateOnly? fecha, CancellationToken ct)
    {
        var asOf = fecha ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var report = await db.ProgramReportAsync(programId, asOf, ct);
        if (report is null) return NotFound();
        var state = await db.Programs.Where(p => p.Id == programId).Select(p => new { p.ReviewComment, p.Version, p.UnitId }).SingleAsync(ct);
        var actor = User.ToActor();
        return View(new ProgramPageModel(report, state.ReviewComment, state.Version,
            CanEdit: report.State == ProgramState.Draft && actor.Can(Access.Edit, state.UnitId),
            CanSubmit: report.State == ProgramState.Draft && actor.Can(Access.Submit, state.UnitId),
            CanReview: report.State == ProgramState.Submitted && actor.Can(Access.Review, state.UnitId),
            CanReopen: report.State == ProgramState.Approved && actor.Can(Access.Reopen, state.UnitId),
            CanCancel: report.State == ProgramState.Approved && actor.Can(Access.ApproveProgress, state.UnitId)));
    }

    [HttpPost("enviar")]
    [ProgramAccess(Access.Submit)]
    public Task<IActionResult> Submit(int programId, ReviewForm form) =>
        Change(programId, form, p => p.Submit(), "El programa se envió a la Junta Estatal Ejecutiva.");

    [HttpPost("aprobar")]
    [ProgramAccess(Access.Review)]
    public Task<IActionResult> Approve(int programId, ReviewForm form) =>
        Change(programId, form, p => p.Approve(), "El programa quedó aprobado.");

    [HttpPost("devolver")]
    [ProgramAccess(Access.Review)]
    public Task<IActionResult> Return(int programId, ReviewForm form) =>
        Change(programId, form, p => p.Return(form.Comment ?? ""), "El programa se devolvió al Titular con sus comentarios.");

    [HttpPost("reabrir")]
    [ProgramAccess(Access.Reopen)]
    public Task<IActionResult> Reopen(int programId, ReviewForm form)
    {
        audit.Reason = form.Comment;
        return Change(programId, form, p => p.Reopen(form.Comment ?? ""), "El programa se reabrió y volvió a borrador.");
    }

    /// <summary>Who changed what and when, newest first, with the values before and after.</summary>
    [HttpGet("historial")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> History(int programId, int pagina = 1, CancellationToken ct = default)
    {
        var page = Math.Max(1, pagina);
        var program = await db.Programs.Where(p => p.Id == programId).Select(p => new { p.Unit.ShortName, p.Year }).SingleAsync(ct);
        var entries = await db.AuditEntries.Where(a => a.ProgramId == programId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * HistoryPageSize).Take(HistoryPageSize + 1)
            .AsNoTracking().ToListAsync(ct);
        return View(new HistoryPageModel(programId, program.ShortName, program.Year,
            entries.Take(HistoryPageSize).ToList(), page, entries.Count > HistoryPageSize));
    }

    private async Task<IActionResult> Change(int programId, ReviewForm form, Action<AnnualProgram> change, string done)
    {
        // The objectives are part of the rules (an empty program cannot be sent).
        var program = await db.Programs.Include(p => p.Objectives).SingleAsync(p => p.Id == programId);
        await this.ApplyAsync(db, program, form.Version, () => change(program), done,
            "Otra persona modificó el programa mientras usted lo revisaba. Revise la versión actual y vuelva a intentarlo.");
        return Redirect($"/programas/{programId}");
    }
}
