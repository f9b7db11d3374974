using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain;
using PatUcsi.Data;
using PatUcsi.Domain.Reporting;
using PatUcsi.Domain.Security;
using PatUcsi.Exports.Excel;
using PatUcsi.Exports.OpenData;
using PatUcsi.Exports.Pdf;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Exports;

/// <summary>The official documents and open data of a program, for whoever may read it; figures as of a date (default today).</summary>
[Route("programas/{programId:int}/exportar")]
[ProgramAccess(Access.Read)]
public sealed class ExportsController(PatDbContext db, ProgramReportCache reports, TimeProvider clock) : Controller
{
    [HttpGet("pdf")]
    public Task<IActionResult> Pdf(int programId, DateOnly? fecha) => ProgramDocument(programId, fecha);

    [HttpGet("excel")]
    public Task<IActionResult> Workbook(int programId, DateOnly? fecha) =>
        Export(programId, fecha, ProgramWorkbook.Build, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    [HttpGet("indicadores.csv")]
    public Task<IActionResult> Csv(int programId, DateOnly? fecha) =>
        Export(programId, fecha, IndicatorData.ToCsv, "text/csv; charset=utf-8", "csv", "indicadores-");

    [HttpGet("indicadores.json")]
    public Task<IActionResult> Json(int programId, DateOnly? fecha) =>
        Export(programId, fecha, IndicatorData.ToJson, "application/json; charset=utf-8", "json", "indicadores-");

    /// <summary>The transparency platform's format for one quarter, with figures as of its last day.</summary>
    [HttpGet("transparencia")]
    public async Task<IActionResult> Transparency(int programId, int trimestre = 1)
    {
        if (trimestre is < 1 or > 4) return BadRequest();
        var year = await db.Programs.Where(p => p.Id == programId).Select(p => p.Year).SingleAsync();
        var report = (await reports.GetAsync(db, programId, TransparencyTable.Quarter(year, trimestre).Last, clock.Today()))!;
        return File(TransparencyWorkbook.Build(report, trimestre, clock.Today()),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"transparencia-{report.UnitShortName.ToLowerInvariant()}-{year}-t{trimestre}.xlsx");
    }

    [HttpGet("avance/{month:int}/pdf")]
    public Task<IActionResult> PeriodPdf(int programId, int month, DateOnly? fecha) =>
        ExportPeriod(programId, month, fecha, PeriodReportPdf.Build, "application/pdf", "pdf");

    [HttpGet("avance/{month:int}/excel")]
    public Task<IActionResult> PeriodWorkbook(int programId, int month, DateOnly? fecha) =>
        ExportPeriod(programId, month, fecha, PeriodReportWorkbook.Build, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private async Task<IActionResult> ExportPeriod(int programId, int month, DateOnly? asOf, Func<PeriodReportView, byte[]> render, string contentType, string extension)
    {
        if (month is < 1 or > 12) return NotFound();
        var view = await db.PeriodReportViewAsync(programId, month, asOf ?? clock.Today());
        if (view is null) return NotFound();
        return File(render(view), contentType, $"informe-{view.UnitShortName.ToLowerInvariant()}-{view.Year}-{month:00}.{extension}");
    }

    private async Task<IActionResult> Export(int programId, DateOnly? asOf, Func<ProgramReport, byte[]> render, string contentType, string extension, string prefix = "")
    {
        var report = await reports.GetAsync(db, programId, asOf ?? clock.Today());
        if (report is null) return NotFound();
        var name = $"{prefix}pat-{report.UnitShortName.ToLowerInvariant()}-{report.Year}-al-{report.AsOf:yyyy-MM-dd}.{extension}";
        return File(render(report), contentType, name);
    }

    /// <summary>The PDF: without a date, the annual program as the Junta approves it (no progress); with one, "Avance al" that date.</summary>
    private async Task<IActionResult> ProgramDocument(int programId, DateOnly? asOf)
    {
        ProgramReport? report;
        if (asOf is { } date)
            report = await reports.GetAsync(db, programId, date) is { } progress ? progress with { IsProgress = true } : null;
        else
            report = await db.LoadProgramAsync(programId) is { } program ? ProgramReport.Annual(program) : null;
        if (report is null) return NotFound();
        var unit = report.UnitShortName.ToLowerInvariant();
        var name = report.IsProgress ? $"avance-pat-{unit}-{report.Year}-al-{report.AsOf:yyyy-MM-dd}.pdf" : $"pat-{unit}-{report.Year}.pdf";
        return File(ProgramPdf.Build(report), "application/pdf", name);
    }
}
