using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PatUcsi.Data;
using PatUcsi.Domain;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Reporting;
using PatUcsi.Domain.Security;
using PatUcsi.Exports.Excel;
using PatUcsi.Exports.Pdf;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Institute;

public sealed record InstitutePageModel(InstituteOverview Overview, IReadOnlyList<int> Years);

/// <param name="Years">The unit's programs, newest first.</param>
public sealed record UnitYearsPageModel(int UnitId, string UnitShortName, string UnitName, DateOnly AsOf, IReadOnlyList<UnitYear> Years);

/// <summary>
/// The Junta's view of the institute: every unit of a year side by side (avance, estatus, overdue and late months, last
/// approval) with a units × months grid of report states, and one unit compared with its other years.
/// </summary>
[Route("institucional")]
public sealed class InstituteController(PatDbContext db, ProgramReportCache cache, TimeProvider clock, IMemoryCache memory) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? anio, CancellationToken ct)
    {
        if (AccessPolicy.BelongsToUnit(User.ToActor().Role)) return Forbid();
        var years = await db.Programs.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var year = anio is { } asked && years.Contains(asked) ? asked : years.Count > 0 ? years[0] : clock.GetLocalNow().Year;
        // Computed once per (year, day) while the data version holds: twenty units of 120 indicators are counted once, not on every visit.
        var overview = await memory.AtVersionAsync(("institucional", year, clock.Today()), await db.DataVersionAsync(ct),
            () => OverviewAsync(year, clock.Today(), null, ct), TimeSpan.FromMinutes(30));
        return View(new InstitutePageModel(overview, years));
    }

    /// <summary>Every unit of the year: those with a program and the active ones without (the Junta must see who has none).</summary>
    private async Task<InstituteOverview> OverviewAsync(int year, DateOnly asOf, DateOnly? cutOff, CancellationToken ct)
    {
        var programs = await db.Programs.Where(p => p.Year == year)
            .Select(p => new Row(p.UnitId, p.Unit.ShortName, p.Unit.Name, p.Year, p.Id, p.State)).ToListAsync(ct);
        var without = await db.Units.Where(u => u.IsActive && !db.Programs.Any(p => p.UnitId == u.Id && p.Year == year))
            .Select(u => new Row(u.Id, u.ShortName, u.Name, year, null, null)).ToListAsync(ct);
        var units = await UnitYearsAsync([.. programs, .. without], ct, cutOff);
        return new InstituteOverview(year, asOf, [.. units.OrderBy(u => u.UnitShortName, StringComparer.Ordinal)]);
    }

    [HttpGet("unidades/{unitId:int}")]
    public async Task<IActionResult> Unit(int unitId, CancellationToken ct)
    {
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => new { u.ShortName, u.Name }).SingleOrDefaultAsync(ct);
        if (unit is null) return NotFound();
        if (!User.ToActor().Can(Access.Read, unitId)) return Forbid();
        var programs = await db.Programs.Where(p => p.UnitId == unitId)
            .Select(p => new Row(p.UnitId, unit.ShortName, unit.Name, p.Year, p.Id, p.State)).ToListAsync(ct);
        var years = await UnitYearsAsync(programs, ct);
        return View(new UnitYearsPageModel(unitId, unit.ShortName, unit.Name, clock.Today(), [.. years.OrderByDescending(y => y.Year)]));
    }

    /// <summary>The informe trimestral for the Consejo General, as PDF or workbook.</summary>
    [HttpGet("exportar/trimestral/{anio:int}/{trimestre:int}/{formato}")]
    public async Task<IActionResult> Quarterly(string formato, int anio, int trimestre, CancellationToken ct)
    {
        if (AccessPolicy.BelongsToUnit(User.ToActor().Role)) return Forbid();
        if (formato is not ("pdf" or "xlsx") || trimestre is < 1 or > 4 || !await db.Programs.AnyAsync(p => p.Year == anio, ct)) return NotFound();
        var cutOff = TransparencyTable.Quarter(anio, trimestre).Last;
        var report = new QuarterlyReport(trimestre, clock.Today(), await OverviewAsync(anio, cutOff, cutOff, ct));
        var name = $"informe-trimestral-{anio}-t{trimestre}.{formato}";
        return formato == "pdf"
            ? File(QuarterlyReportPdf.Build(report), "application/pdf", name)
            : File(QuarterlyWorkbook.Build(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private sealed record Row(int UnitId, string ShortName, string Name, int Year, int? ProgramId, ProgramState? State);

    /// <summary>
    /// The approved programs' figures (from the cache) as of today, or as of a quarter's cut-off counting the approvals
    /// given until today; and every month report of the programs, in one query.
    /// </summary>
    private async Task<List<UnitYear>> UnitYearsAsync(IReadOnlyList<Row> rows, CancellationToken ct, DateOnly? cutOff = null)
    {
        var approved = rows.Where(r => r.State == ProgramState.Approved).Select(r => r.ProgramId!.Value).ToList();
        var reports = cutOff is { } last
            ? await cache.GetManyAsync(db, approved, last, clock.Today(), ct)
            : await cache.GetManyAsync(db, approved, clock.Today(), ct: ct);
        var statuses = (await db.PeriodReports.Where(r => approved.Contains(r.ProgramId))
                .Select(r => new { r.ProgramId, Status = new ReportStatus(r.Month, r.State, r.IsLate, r.ApprovedAt) }).ToListAsync(ct))
            .ToLookup(r => r.ProgramId, r => r.Status);
        return [.. rows.Select(r => UnitYear.Of(r.UnitId, r.ShortName, r.Name, r.Year, r.ProgramId, r.State,
            r.ProgramId is { } id ? reports.GetValueOrDefault(id) : null, r.ProgramId is { } p ? [.. statuses[p]] : []))];
    }
}
