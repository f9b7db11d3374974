using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Units;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Units;

public sealed record UnitRow(int Id, string ShortName, string Name, string? HeadName, bool IsActive, int Users, int Programs);

public sealed class UnitForm
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }

    [Display(Name = "Siglas"), Required(ErrorMessage = "Escriba las siglas de la unidad."),
     StringLength(20, ErrorMessage = "Las siglas no pueden pasar de {1} caracteres."),
     RegularExpression(@"^[A-ZÁÉÍÓÚÑ0-9\-]+$", ErrorMessage = "Use mayúsculas, números o guion, sin espacios (por ejemplo UCSI).")]
    public string ShortName { get; set; } = "";

    [Display(Name = "Nombre completo"), Required(ErrorMessage = "Escriba el nombre de la unidad."), StringLength(200, ErrorMessage = "El nombre no puede pasar de {1} caracteres.")]
    public string Name { get; set; } = "";

    [Display(Name = "Nombre del Titular"), StringLength(200, ErrorMessage = "El nombre no puede pasar de {1} caracteres.")]
    public string? HeadName { get; set; }

    [Display(Name = "Cargo del Titular"), StringLength(200, ErrorMessage = "El cargo no puede pasar de {1} caracteres.")]
    public string? HeadTitle { get; set; }

    [Display(Name = "Unidad activa")]
    public bool IsActive { get; set; } = true;
}

[Authorize(Roles = Roles.Administrator)]
[Route("admin/unidades")]
public sealed class UnitsController(PatDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(await db.Units.OrderBy(u => u.ShortName)
            .Select(u => new UnitRow(u.Id, u.ShortName, u.Name, u.HeadName, u.IsActive,
                db.Users.Count(x => x.UnitId == u.Id), db.Programs.Count(p => p.UnitId == u.Id)))
            .ToListAsync());

    [HttpGet("nueva")]
    public IActionResult Create() => View("Edit", new UnitForm());

    [HttpPost("nueva")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Create(UnitForm form)
    {
        await CheckUniqueAsync(form, null);
        if (!ModelState.IsValid) return View("Edit", form);
        db.Units.Add(new Unit(form.ShortName, form.Name, Clean(form.HeadName), Clean(form.HeadTitle)) { IsActive = form.IsActive });
        if (!await SaveAsync(form)) return View("Edit", form);
        TempData["Notice"] = $"Se dio de alta la unidad {form.ShortName}.";
        return Redirect("/admin/unidades");
    }

    [HttpGet("{unitId:int}")]
    public async Task<IActionResult> Edit(int unitId)
    {
        if (await db.Units.FindAsync(unitId) is not { } u) return NotFound();
        ViewData["UnitId"] = unitId;
        return View(new UnitForm { Version = u.Version, ShortName = u.ShortName, Name = u.Name, HeadName = u.HeadName, HeadTitle = u.HeadTitle, IsActive = u.IsActive });
    }

    [HttpPost("{unitId:int}")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Edit(int unitId, UnitForm form)
    {
        if (await db.Units.FindAsync(unitId) is not { } u) return NotFound();
        ViewData["UnitId"] = unitId;
        await CheckUniqueAsync(form, unitId);
        if (!ModelState.IsValid) return View(form);
        (u.ShortName, u.Name, u.HeadName, u.HeadTitle, u.IsActive) = (form.ShortName.Trim(), form.Name.Trim(), Clean(form.HeadName), Clean(form.HeadTitle), form.IsActive);
        db.Entry(u).Property(x => x.Version).OriginalValue = form.Version;
        if (!await SaveAsync(form)) return View(form);
        TempData["Notice"] = $"Se guardó la unidad {u.ShortName}.";
        return Redirect("/admin/unidades");
    }

    /// <summary>Saves; a concurrent edit, or the same siglas saved by someone else a moment ago, comes back as the form's error.</summary>
    private async Task<bool> SaveAsync(UnitForm form)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Otra persona modificó esta unidad mientras usted editaba. Vuelva a abrirla para ver la versión actual.");
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(form.ShortName), $"Ya existe una unidad con las siglas {form.ShortName.Trim()}.");
        }
        db.ChangeTracker.Clear();
        return false;
    }

    private async Task CheckUniqueAsync(UnitForm form, int? unitId)
    {
        var shortName = form.ShortName?.Trim() ?? "";
        if (await db.Units.AnyAsync(u => u.ShortName == shortName && u.Id != unitId))
            ModelState.AddModelError(nameof(form.ShortName), $"Ya existe una unidad con las siglas {shortName}.");
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
