using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Auditing;
using PatUcsi.Domain;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Progress;

public sealed class CancellationForm
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }

    [Display(Name = "Justificación"), Required(ErrorMessage = "Escriba la justificación de la cancelación."),
     StringLength(4000, ErrorMessage = "La justificación no puede pasar de {1} caracteres.")]
    public string Justification { get; set; } = "";
}

/// <summary>The Titular cancels an indicator that will not be carried out (estatus CANCELADA), or restores it.</summary>
[Route("programas/{programId:int}/lineas/{lineId:int}")]
[ProgramAccess(Access.ApproveProgress)]
public sealed class CancellationController(PatDbContext db, IAuditContext audit) : Controller
{
    [HttpGet("cancelar")]
    public async Task<IActionResult> Cancel(int programId, int lineId)
    {
        if (await Indicator(programId, lineId) is not { } indicator) return NotFound();
        ViewData["Indicator"] = indicator;
        return View(new CancellationForm { Version = indicator.Version });
    }

    [HttpPost("cancelar")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Cancel(int programId, int lineId, CancellationForm form)
    {
        if (await Indicator(programId, lineId) is not { } indicator) return NotFound();
        ViewData["Indicator"] = indicator;
        if (!ModelState.IsValid) return View(form);
        audit.Reason = form.Justification;
        return await Save(programId, indicator, form.Version, () => indicator.Cancel(form.Justification),
            $"Se canceló el indicador de la línea {indicator.ActionLine.Number}.");
    }

    [HttpPost("restablecer")]
    public async Task<IActionResult> Restore(int programId, int lineId, ConfirmForm form)
    {
        if (await Indicator(programId, lineId) is not { } indicator) return NotFound();
        return await Save(programId, indicator, form.Version, indicator.Restore, $"Se restableció el indicador de la línea {indicator.ActionLine.Number}.");
    }

    private Task<Domain.Indicators.Indicator?> Indicator(int programId, int lineId) =>
        db.IndicatorsOf(programId).Include(i => i.ActionLine).ThenInclude(l => l.Objective).ThenInclude(o => o.Program).ThenInclude(p => p.Unit)
            .SingleOrDefaultAsync(i => i.ActionLineId == lineId);

    private async Task<IActionResult> Save(int programId, Domain.Indicators.Indicator indicator, int version, Action change, string done)
    {
        await this.ApplyAsync(db, indicator, version, change, done,
            "El indicador cambió mientras usted lo revisaba. Revise la versión actual y vuelva a intentarlo.");
        return Redirect($"/programas/{programId}#situacion");
    }
}
