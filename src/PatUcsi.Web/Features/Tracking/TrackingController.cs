using Microsoft.AspNetCore.Mvc;
using PatUcsi.Data;
using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Reporting;
using PatUcsi.Domain.Security;
using PatUcsi.Exports.Excel;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Tracking;

/// <summary>One indicator's page: its series as the chart and its table show it, with today's period marked.</summary>
/// <param name="TodayIndex">The period of the report's date, marked on the chart and in the table.</param>
/// <param name="TodayLabel">That mark's name: "Hoy" for today's figures, "Corte" for the portal's cut-off.</param>
public sealed record IndicatorPageModel(ProgramReport Report, IndicatorRow Row, int? TodayIndex, string TodayLabel = "Hoy")
{
    public static IndicatorPageModel For(ProgramReport report, IndicatorRow row, string label = "Hoy")
    {
        var today = row.Series.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Period.Year == report.AsOf.Year
            && x.p.Period.FirstMonth <= report.AsOf.Month && report.AsOf.Month <= x.p.Period.LastMonth);
        return new(report, row, today.p is null ? null : today.i, label);
    }
}

/// <summary>
/// Seguimiento of a program: the summary (estatus, semáforo, avance general, overdue months), the tracking table by
/// frequency with its filters and workbook, and each indicator's chart. Official figures (approved reports) as of today.
/// </summary>
[Route("programas/{programId:int}/seguimiento")]
public sealed class TrackingController(PatDbContext db, ProgramReportCache reports, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Index(int programId, string? objetivo, string? estatus, string? semaforo, CancellationToken ct)
    {
        var report = await reports.GetAsync(db, programId, clock.Today(), ct: ct);
        if (report is null) return NotFound();
        return View(TrackingTable.Build(report, Filter(objetivo, estatus, semaforo)));
    }

    /// <summary>The same table as a workbook, with the same filters.</summary>
    [HttpGet("/programas/{programId:int}/exportar/seguimiento")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Workbook(int programId, string? objetivo, string? estatus, string? semaforo, CancellationToken ct)
    {
        var report = await reports.GetAsync(db, programId, clock.Today(), ct: ct);
        if (report is null) return NotFound();
        var table = TrackingTable.Build(report, Filter(objetivo, estatus, semaforo));
        return File(TrackingWorkbook.Build(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"seguimiento-{report.UnitShortName.ToLowerInvariant()}-{report.Year}.xlsx");
    }

    [HttpGet("{lineId:int}")]
    [ProgramAccess(Access.Read)]
    public async Task<IActionResult> Indicator(int programId, int lineId, CancellationToken ct)
    {
        var report = await reports.GetAsync(db, programId, clock.Today(), ct: ct);
        // The line must be one of this program's with an indicator that has months.
        var row = report?.Rows.FirstOrDefault(r => r.ActionLineId == lineId && r.Figures is not null);
        if (report is null || row is null) return NotFound();
        return View(IndicatorPageModel.For(report, row));
    }

    /// <summary>The filters as the query string writes them (unknown words are ignored, never an error page).</summary>
    private static TrackingFilter Filter(string? objetivo, string? estatus, string? semaforo) => new(
        int.TryParse(objetivo, out var objective) ? objective : null,
        TrackingTerms.Status(estatus),
        TrackingTerms.TrafficLight(semaforo));
}
