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
    ProgramReport Report, string? ReviewComment, int Version, bool CanEdit, bool CanSubmit, bool CanReview, bool CanReopen, bool CanCancel,
    PatUcsi.Domain.Calculation.TrafficLightThresholds Thresholds);

public sealed record HistoryPageModel(int ProgramId, string UnitShortName, int Year, IReadOnlyList<HistoryGroup> Groups, int Page, bool HasMore, string? Kind);

/// <summary>One field of one change: its Spanish name and its values before and after, as the pages write them.</summary>
public sealed record HistoryField(string Label, string? Before, string? After);

public sealed record HistoryChange(string What, string Action, IReadOnlyList<HistoryField> Fields);

/// <summary>One save: everything one person changed at one moment (a save writes all its changes with the same time).</summary>
public sealed record HistoryGroup(DateTime Local, string User, string? Address, string? Reason, IReadOnlyList<HistoryChange> Changes)
{
    public static IReadOnlyList<HistoryGroup> Of(IEnumerable<AuditEntry> entries, IReadOnlyDictionary<string, string> fullNames, HistorySubjects subjects, TimeProvider clock) =>
        entries.GroupBy(e => (e.At, e.User))
            .Select(g => new HistoryGroup(clock.ToLocal(g.Key.At),
                g.Key.User == PatUcsi.Data.Auditing.SystemAuditContext.SystemUser ? "Sistema (carga o importación)"
                    : fullNames.TryGetValue(g.Key.User, out var name) ? $"{name} ({g.Key.User})" : g.Key.User,
                g.Select(e => e.Address).FirstOrDefault(a => a is not null),
                g.Select(e => e.Reason).FirstOrDefault(r => r is not null),
                g.Select(e => new HistoryChange(subjects.Name(e), AuditLabels.Action(e.Action), Fields(e, clock))).ToList()))
            .ToList();

    private static List<HistoryField> Fields(AuditEntry entry, TimeProvider clock)
    {
        var before = Values(entry.Before);
        var after = Values(entry.After);
        return before.Keys.Union(after.Keys).Where(AuditLabels.IsShown)
            .Select(f => new HistoryField(AuditLabels.Field(f),
                before.TryGetValue(f, out var b) ? AuditLabels.Value(entry.EntityType, f, b, clock) : null,
                after.TryGetValue(f, out var a) ? AuditLabels.Value(entry.EntityType, f, a, clock) : null))
            .Where(f => !(f.Before is null or "—" && f.After is null or "—")) // an empty field of a new or deleted row says nothing
            .ToList();
    }

    private static Dictionary<string, System.Text.Json.JsonElement> Values(string? json) =>
        json is null ? [] : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(json) ?? [];
}

public sealed class ReviewForm
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }

    [StringLength(4000, ErrorMessage = "El texto no puede pasar de 4000 caracteres.")]
    public string? Comment { get; set; }
}

[Route("programas/{programId:int}")]
public sealed class ProgramsController(PatDbContext db, ProgramReportCache reports, TimeProvider clock, IAuditContext audit) : Controller
{
    /// <summary>Saves (not rows) per page, so that one save is never split between pages.</summary>
    private const int HistoryPageSize = 25;

    /// <summary>The whole program in the order of the official document, with figures as of a date (default today).</summary>
    [HttpGet("")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Show(int programId, DateOnly? fecha, CancellationToken ct)
    {
        var asOf = fecha ?? clock.Today();
        var report = await reports.GetAsync(db, programId, asOf, ct: ct);
        if (report is null) return NotFound();
        var state = await db.Programs.Where(p => p.Id == programId).Select(p => new { p.ReviewComment, p.Version, p.UnitId, p.GreenThreshold, p.YellowThreshold, p.OverachievementThreshold }).SingleAsync(ct);
        var actor = User.ToActor();
        return View(new ProgramPageModel(report, state.ReviewComment, state.Version,
            CanEdit: report.State == ProgramState.Draft && actor.Can(Access.Edit, state.UnitId),
            CanSubmit: report.State == ProgramState.Draft && actor.Can(Access.Submit, state.UnitId),
            CanReview: report.State == ProgramState.Submitted && actor.Can(Access.Review, state.UnitId),
            CanReopen: report.State == ProgramState.Approved && actor.Can(Access.Reopen, state.UnitId),
            CanCancel: report.State == ProgramState.Approved && actor.Can(Access.ApproveProgress, state.UnitId),
            Thresholds: new(state.GreenThreshold, state.YellowThreshold, state.OverachievementThreshold)));
    }

    [HttpPost("enviar")]
    [ProgramAccess(Access.Submit)]
    public Task<IActionResult> Submit(int programId, ReviewForm form) =>
        Change(programId, form, p => p.Submit(), "El programa se envió a la Junta Estatal Ejecutiva.");

    [HttpPost("aprobar")]
    [ProgramAccess(Access.Review)]
    public Task<IActionResult> Approve(int programId, ReviewForm form) =>
        Change(programId, form, p => p.Approve(clock.GetUtcNow().UtcDateTime), "El programa quedó aprobado.");

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

    /// <summary>Who changed what and when, newest first, with the values before and after, grouped per save and filterable by kind.</summary>
    [HttpGet("historial")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> History(int programId, int pagina = 1, string? tipo = null, CancellationToken ct = default)
    {
        var page = Math.Clamp(pagina, 1, 100_000);
        var kind = AuditLabels.Kinds.FirstOrDefault(k => k.Key == tipo);
        var program = await db.Programs.Where(p => p.Id == programId).Select(p => new { p.Unit.ShortName, p.Year }).SingleAsync(ct);
        var query = db.AuditEntries.Where(a => a.ProgramId == programId);
        if (kind.Entities is { } entities) query = query.Where(a => entities.Contains(a.EntityType));
        var saves = await query.GroupBy(a => new { a.At, a.User }).Select(g => g.Key).OrderByDescending(k => k.At).ThenBy(k => k.User)
            .Skip((page - 1) * HistoryPageSize).Take(HistoryPageSize + 1).ToListAsync(ct);
        var shownSaves = saves.Take(HistoryPageSize).Select(k => (k.At, k.User)).ToHashSet();
        List<AuditEntry> shown = [];
        if (shownSaves.Count > 0)
        {
            var (newest, oldest) = (shownSaves.Max(k => k.At), shownSaves.Min(k => k.At));
            shown = (await query.Where(a => a.At >= oldest && a.At <= newest).OrderByDescending(a => a.At).ThenBy(a => a.Id).AsNoTracking().ToListAsync(ct))
                .Where(a => shownSaves.Contains((a.At, a.User))).ToList();
        }
        var userNames = shown.Select(e => e.User).Distinct().ToList();
        var fullNames = await db.Users.Where(u => userNames.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName, ct);
        var subjects = await HistorySubjects.LoadAsync(db, programId, shown, ct);
        return View(new HistoryPageModel(programId, program.ShortName, program.Year, HistoryGroup.Of(shown, fullNames, subjects, clock), page,
            saves.Count > HistoryPageSize, kind.Key));
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
