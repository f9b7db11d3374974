using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using PatUcsi.Data;
using PatUcsi.Domain;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Reporting;
using PatUcsi.Exports.Excel;
using PatUcsi.Exports.OpenData;
using PatUcsi.Exports.Pdf;
using PatUcsi.Web.Features.Tracking;

namespace PatUcsi.Web.Features.Portal;

/// <summary>The portal's index: every approved program by year.</summary>
public sealed record PublicIndexModel(IReadOnlyList<PublishedProgram> Programs)
{
    public IEnumerable<IGrouping<int, PublishedProgram>> ByYear => Programs.GroupBy(p => p.Year);
}

/// <summary>One unit's published program of a year in the institute's view.</summary>
public sealed record PublicUnitYear(PublishedProgram Program, ProgramReport Report);

public sealed record PublicYearModel(int Year, IReadOnlyList<PublicUnitYear> Units)
{
    /// <summary>The units with an approved month: those with figures to count and chart.</summary>
    public IEnumerable<PublicUnitYear> Reported => Units.Where(u => u.Program.FiguresAsOf is not null);

    /// <summary>The mean of those units' avance general (as the Junta's view computes it).</summary>
    public decimal? OverallPercent => Reported.Select(u => u.Report.OverallPercent).Where(p => p is not null).DefaultIfEmpty(null).Average();
}

public sealed record PublicProgramModel(PublishedProgram Program, ProgramReport Report);

public sealed record PublicIndicatorModel(PublishedProgram Program, IndicatorPageModel Indicator);

/// <summary>GET, and HEAD for the link checkers and crawlers that ask only for the headers.</summary>
public sealed class HttpGetOrHeadAttribute(string template) : Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute(["GET", "HEAD"], template);

/// <summary>
/// The public portal: approved programs only, with the figures of approved reports only, for anyone, without signing
/// in. Addresses name the unit by its siglas and the year (/publico/ucsi/2024), never by a database id.
/// </summary>
[AllowAnonymous]
[Route("publico")]
[PortalOpen]
[EnableRateLimiting(PublicPortal.RatePolicy)]
[OutputCache(PolicyName = PublicPortal.CachePolicy)]
public sealed class PortalController(PatDbContext db, TimeProvider clock) : Controller
{
    [HttpGetOrHead("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        return View(new PublicIndexModel(await db.PublishedAsync(ct)));
    }

    [HttpGetOrHead("datos")]
    public async Task<IActionResult> Dictionary(CancellationToken ct) => View(await db.PublishedAsync(ct));

    [HttpGetOrHead("{anio:int}")]
    public async Task<IActionResult> Year(int anio, CancellationToken ct) =>
        await YearAsync(anio, ct) is { } year ? View(year) : NotFound();

    [HttpGetOrHead("{anio:int}/indicadores.csv")]
    public async Task<IActionResult> YearCsv(int anio, CancellationToken ct) =>
        await YearAsync(anio, ct) is { } year ? File(IndicatorData.ToCsv([.. year.Units.Select(u => u.Report)]), Csv, $"indicadores-{anio}.csv") : NotFound();

    [HttpGetOrHead("{anio:int}/indicadores.json")]
    public async Task<IActionResult> YearJson(int anio, CancellationToken ct) =>
        await YearAsync(anio, ct) is { } year ? File(IndicatorData.ToJson([.. year.Units.Select(u => u.Report)]), JsonType, $"indicadores-{anio}.json") : NotFound();

    /// <summary>Every unit's annual program of the year as approved, one after the other.</summary>
    [HttpGetOrHead("{anio:int}/programas.pdf")]
    public async Task<IActionResult> YearPdf(int anio, CancellationToken ct)
    {
        var programs = (await db.PublishedAsync(ct)).Where(p => p.Year == anio).ToList();
        if (programs.Count == 0) return NotFound();
        var approved = (await db.LoadProgramsAsync([.. programs.Select(p => p.ProgramId)], ct)).Where(p => p.State == ProgramState.Approved)
            .ToDictionary(p => p.Id);
        // In the index's order; a program reopened between the two reads is left out, and with none left there is no file.
        var reports = programs.Where(p => approved.ContainsKey(p.ProgramId)).Select(p => ProgramReport.Annual(approved[p.ProgramId])).ToList();
        return reports.Count == 0 ? NotFound() : File(ProgramPdf.Build(reports), "application/pdf", $"programas-anuales-{anio}.pdf");
    }

    [HttpGetOrHead("{anio:int}/transparencia-t{trimestre:int}.xlsx")]
    public async Task<IActionResult> YearTransparency(int anio, int trimestre, CancellationToken ct)
    {
        if (trimestre is < 1 or > 4) return NotFound();
        var programs = (await db.PublishedAsync(ct)).Where(p => p.Year == anio).ToList();
        if (programs.Count == 0) return NotFound();
        var reports = await db.PublicReportsAsync(programs, trimestre, ct);
        return reports.Count == 0 ? NotFound()
            : File(TransparencyWorkbook.Build(reports, trimestre, clock.Today(), OfficialFormats.Institute), Xlsx, $"transparencia-{anio}-t{trimestre}.xlsx");
    }

    [HttpGetOrHead("{siglas}/{anio:int}")]
    public async Task<IActionResult> Program(string siglas, int anio, CancellationToken ct) =>
        await ProgramAsync(siglas, anio, ct) is { } model ? View(model) : NotFound();

    /// <summary>The annual program as the Junta approved it: the document every unit used to upload by hand.</summary>
    [HttpGetOrHead("{siglas}/{anio:int}/programa.pdf")]
    public async Task<IActionResult> Pdf(string siglas, int anio, CancellationToken ct)
    {
        if (await FindAsync(siglas, anio, ct) is not { } published
            || await db.LoadProgramAsync(published.ProgramId, ct) is not { State: ProgramState.Approved } program) return NotFound();
        return File(ProgramPdf.Build(ProgramReport.Annual(program)), "application/pdf", $"pat-{siglas.ToLowerInvariant()}-{anio}.pdf");
    }

    [HttpGetOrHead("{siglas}/{anio:int}/indicadores.csv")]
    public async Task<IActionResult> ProgramCsv(string siglas, int anio, CancellationToken ct) =>
        await ProgramAsync(siglas, anio, ct) is { } model ? File(IndicatorData.ToCsv([model.Report]), Csv, $"indicadores-{siglas.ToLowerInvariant()}-{anio}.csv") : NotFound();

    [HttpGetOrHead("{siglas}/{anio:int}/indicadores.json")]
    public async Task<IActionResult> ProgramJson(string siglas, int anio, CancellationToken ct) =>
        await ProgramAsync(siglas, anio, ct) is { } model ? File(IndicatorData.ToJson([model.Report]), JsonType, $"indicadores-{siglas.ToLowerInvariant()}-{anio}.json") : NotFound();

    /// <summary>The transparency platform's (PNT) format of a quarter, with the official figures as of its last day.</summary>
    [HttpGetOrHead("{siglas}/{anio:int}/transparencia-t{trimestre:int}.xlsx")]
    public async Task<IActionResult> Transparency(string siglas, int anio, int trimestre, CancellationToken ct)
    {
        if (trimestre is < 1 or > 4 || await FindAsync(siglas, anio, ct) is not { } published) return NotFound();
        if (await db.PublicReportAsync(published, trimestre, ct) is not { } report) return NotFound();
        return File(TransparencyWorkbook.Build(report, trimestre, clock.Today()), Xlsx, $"transparencia-{siglas.ToLowerInvariant()}-{anio}-t{trimestre}.xlsx");
    }

    /// <summary>One indicator's chart and figures per period; the line is named by its number (1.1).</summary>
    [HttpGetOrHead("{siglas}/{anio:int}/indicadores/{linea}")]
    public async Task<IActionResult> Indicator(string siglas, int anio, string linea, CancellationToken ct)
    {
        if (await ProgramAsync(siglas, anio, ct) is not { } model) return NotFound();
        var row = model.Report.Rows.FirstOrDefault(r => r.ActionLineNumber == linea && r.Figures is not null);
        return row is null ? NotFound() : View(new PublicIndicatorModel(model.Program, IndicatorPageModel.For(model.Report, row, "Corte")));
    }

    private const string Csv = "text/csv; charset=utf-8";
    private const string JsonType = "application/json; charset=utf-8";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<PublishedProgram?> FindAsync(string siglas, int year, CancellationToken ct)
    {
        var published = (await db.PublishedAsync(ct)).FirstOrDefault(p => p.Year == year && string.Equals(p.UnitShortName, siglas, StringComparison.OrdinalIgnoreCase));
        return published;
    }

    private async Task<PublicProgramModel?> ProgramAsync(string siglas, int year, CancellationToken ct) =>
        await FindAsync(siglas, year, ct) is { } published && await db.PublicReportAsync(published, ct: ct) is { } report
            ? new PublicProgramModel(published, report) : null;

    private async Task<PublicYearModel?> YearAsync(int year, CancellationToken ct)
    {
        var programs = (await db.PublishedAsync(ct)).Where(p => p.Year == year).ToList();
        if (programs.Count == 0) return null;
        var reports = (await db.PublicReportsAsync(programs, ct: ct)).ToDictionary(r => r.ProgramId);
        return new PublicYearModel(year, [.. programs.Where(p => reports.ContainsKey(p.ProgramId)).Select(p => new PublicUnitYear(p, reports[p.ProgramId]))]);
    }
}
