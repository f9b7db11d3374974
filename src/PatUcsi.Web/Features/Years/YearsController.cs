using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Identity;
using PatUcsi.Data.Seeding;
using PatUcsi.Domain.Programs;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Years;

public sealed record ImportedModel(int ProgramId, string Unit, int Year, IReadOnlyList<string> Read, IReadOnlyList<string> Refused, IReadOnlyList<string> Notices);

public sealed class OpenYearForm
{
    [Display(Name = "Unidad"), Required(ErrorMessage = "Elija la unidad.")]
    public int? UnitId { get; set; }

    [Display(Name = "Ejercicio"), Range(2000, 2100, ErrorMessage = "El ejercicio debe ser un año entre {1} y {2}.")]
    public int Year { get; set; }

    [Display(Name = "Copiar el contenido de")]
    public int? CopyFromId { get; set; }
}

/// <summary>The Administrador opens a unit's program for a year, empty or copied from an earlier one (never its progress).</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/programas")]
public sealed class YearsController(PatDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("nuevo")]
    public async Task<IActionResult> Create(int? unidad) =>
        await FormView(new OpenYearForm { UnitId = unidad, Year = clock.GetLocalNow().Year + 1 });

    [HttpPost("nuevo")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Create(OpenYearForm form)
    {
        await CheckUnitAsync(form);
        if (form.UnitId is { } unitId && await db.Programs.AnyAsync(p => p.UnitId == unitId && p.Year == form.Year))
            ModelState.AddModelError(nameof(form.Year), $"La unidad ya tiene programa para {form.Year}.");
        AnnualProgram? source = null;
        if (form.CopyFromId is { } sourceId)
        {
            source = await db.LoadProgramAsync(sourceId);
            if (source is null || source.UnitId != form.UnitId)
                ModelState.AddModelError(nameof(form.CopyFromId), "Elija un programa de la misma unidad.");
        }
        if (!ModelState.IsValid) return await FormView(form);

        var unit = await db.Units.SingleAsync(u => u.Id == form.UnitId);
        var program = source?.CopyTo(form.Year) ?? new AnnualProgram(unit, form.Year);
        db.Programs.Add(program);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Opened by someone else a moment ago: the unique index of unit and year answers.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(form.Year), $"La unidad ya tiene programa para {form.Year}.");
            return await FormView(form);
        }
        TempData["Notice"] = source is null
            ? $"Se abrió el ejercicio {form.Year} de {unit.ShortName}, vacío y en borrador."
            : $"Se abrió el ejercicio {form.Year} de {unit.ShortName} con el contenido de {source.Year} (sin avances), en borrador.";
        return Redirect($"/programas/{program.Id}");
    }

    /// <summary>A unit brings its existing spreadsheet in the official format: it becomes a new draft program.</summary>
    [HttpGet("importar")]
    public async Task<IActionResult> Import() => await ImportView(new OpenYearForm { Year = clock.GetLocalNow().Year + 1 });

    [HttpPost("importar")]
    [ShowsErrorsInForm]
    [RequestSizeLimit(20 * 1024 * 1024)]
    public async Task<IActionResult> Import(OpenYearForm form, IFormFile? archivo)
    {
        if (archivo is not { Length: > 0 }) ModelState.AddModelError("archivo", "Elija el libro de Excel (.xlsx) a importar.");
        await CheckUnitAsync(form);
        if (form.UnitId is { } unitId && await db.Programs.AnyAsync(p => p.UnitId == unitId && p.Year == form.Year))
            ModelState.AddModelError(nameof(form.Year), $"La unidad ya tiene programa para {form.Year}.");
        if (!ModelState.IsValid) return await ImportView(form);

        var unit = await db.Units.SingleAsync(u => u.Id == form.UnitId);
        await using var stream = archivo!.OpenReadStream();
        var result = WorkbookReader.Read(stream, new UnitDocument { ShortName = unit.ShortName, Name = unit.Name }, form.Year, Path.GetFileName(archivo.FileName));
        if (result.Error is not null)
        {
            ModelState.AddModelError("archivo", result.Error);
            return await ImportView(form);
        }
        try
        {
            var imported = await ProgramImporter.ImportAsync(db, result.Document!);
            return View("Imported", new ImportedModel(imported.Program!.Id, unit.ShortName, form.Year, result.Read, result.Refused, result.Notices ?? []));
        }
        catch (ImportException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError("archivo", error);
            return await ImportView(form);
        }
    }

    /// <summary>The unit chosen must be one of the list (an id typed by hand may name none).</summary>
    private async Task CheckUnitAsync(OpenYearForm form)
    {
        if (form.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.IsActive))
            ModelState.AddModelError(nameof(form.UnitId), "Elija una de las unidades de la lista.");
    }

    private async Task<ViewResult> ImportView(OpenYearForm form)
    {
        await FormView(form);
        return View("Import", form);
    }

    private async Task<ViewResult> FormView(OpenYearForm form)
    {
        var units = await db.Units.Where(u => u.IsActive).OrderBy(u => u.ShortName).Select(u => new { u.Id, u.ShortName, u.Name }).ToListAsync();
        var programs = await db.Programs.OrderBy(p => p.Unit.ShortName).ThenByDescending(p => p.Year)
            .Select(p => new { p.Id, p.Unit.ShortName, p.Year }).ToListAsync();
        ViewData["Units"] = units.Select(u => new SelectListItem($"{u.ShortName} · {u.Name}", Id(u.Id))).ToList();
        ViewData["Sources"] = programs.Select(p => new SelectListItem($"{p.ShortName} {p.Year}", Id(p.Id)))
            .Prepend(new SelectListItem("(no copiar: programa vacío)", "")).ToList();
        return View(form);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
