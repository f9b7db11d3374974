using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain;
using PatUcsi.Data;
using PatUcsi.Data.Auditing;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Security;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Users;

public sealed record UserRow(string Id, string UserName, string FullName, string Role, string? Unit, bool IsActive, bool IsLockedOut);

public sealed class UserForm : IValidatableObject
{
    [Display(Name = "Usuario"), Required(ErrorMessage = "Escriba el nombre de usuario."), StringLength(60, ErrorMessage = "El usuario no puede pasar de {1} caracteres.")]
    public string UserName { get; set; } = "";

    [Display(Name = "Nombre completo"), Required(ErrorMessage = "Escriba el nombre completo."), StringLength(200, ErrorMessage = "El nombre no puede pasar de {1} caracteres.")]
    public string FullName { get; set; } = "";

    [Display(Name = "Correo electrónico"), EmailAddress(ErrorMessage = "El correo no es válido."), StringLength(256, ErrorMessage = "El correo no puede pasar de {1} caracteres.")]
    public string? Email { get; set; }

    [Display(Name = "Rol")]
    public Role Role { get; set; } = Role.Capturista;

    [Display(Name = "Unidad")]
    public int? UnitId { get; set; }

    [Display(Name = "Contraseña inicial"), DataType(DataType.Password), StringLength(128, ErrorMessage = "La contraseña no puede pasar de {1} caracteres.")]
    public string? Password { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AccessPolicy.BelongsToUnit(Role) && UnitId is null)
            yield return new ValidationResult("Un Titular o Capturista debe pertenecer a una unidad.", [nameof(UnitId)]);
    }
}

public sealed class PasswordForm
{
    [Display(Name = "Nueva contraseña"), Required(ErrorMessage = "Escriba la nueva contraseña."), DataType(DataType.Password),
     StringLength(128, ErrorMessage = "La contraseña no puede pasar de {1} caracteres.")]
    public string Password { get; set; } = "";
}

[Authorize(Roles = Roles.Administrator)]
[Route("admin/usuarios")]
public sealed class UsersController(PatDbContext db, UserManager<AppUser> users, TimeProvider clock, IAuditContext audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var rows = await db.Users.Include(u => u.Unit).OrderBy(u => u.UserName).ToListAsync();
        return View(rows.Select(u => new UserRow(u.Id, u.UserName!, u.FullName, roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "—",
            u.Unit?.ShortName, u.IsActive, u.LockoutEnd > clock.GetUtcNow())).ToList());
    }

    [HttpGet("nuevo")]
    public async Task<IActionResult> Create()
    {
        await UnitOptionsAsync();
        return View("Edit", new UserForm());
    }

    [HttpPost("nuevo")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Create(UserForm form)
    {
        if (string.IsNullOrEmpty(form.Password)) ModelState.AddModelError(nameof(form.Password), "Escriba una contraseña inicial.");
        await CheckUnitAsync(form);
        if (!ModelState.IsValid) return await EditView(form, null);
        var errors = await IdentitySeeder.CreateUserAsync(users, form.UserName, form.FullName, form.Role, form.UnitId, form.Password!, Clean(form.Email));
        if (errors.Count > 0)
        {
            foreach (var error in errors) ModelState.AddModelError("", error);
            return await EditView(form, null);
        }
        await AuditAsync(AuditAction.Insert, form.UserName, null, Describe(form.FullName, Clean(form.Email), form.Role, form.UnitId, true), null);
        TempData["Notice"] = $"Se creó el usuario {form.UserName}. Entréguele su contraseña inicial; podrá cambiarla al entrar.";
        return Redirect("/admin/usuarios");
    }

    [HttpGet("{userId}")]
    public async Task<IActionResult> Edit(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound();
        var role = Roles.Parse((await users.GetRolesAsync(user)).FirstOrDefault()) ?? Role.Capturista;
        return await EditView(new UserForm { UserName = user.UserName!, FullName = user.FullName, Email = user.Email, Role = role, UnitId = user.UnitId }, user);
    }

    [HttpPost("{userId}")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> Edit(string userId, UserForm form)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound();
        ModelState.Remove(nameof(form.Password));
        await CheckUnitAsync(form);
        if (!ModelState.IsValid) return await EditView(form, user);
        var oldRole = Roles.Parse((await users.GetRolesAsync(user)).FirstOrDefault()) ?? Role.Capturista;
        var before = Describe(user.FullName, user.Email, oldRole, user.UnitId, user.IsActive);
        (user.FullName, user.Email, user.UnitId) = (form.FullName.Trim(), Clean(form.Email), AccessPolicy.BelongsToUnit(form.Role) ? form.UnitId : null);
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && oldRole != form.Role)
        {
            await users.RemoveFromRoleAsync(user, Roles.Names[oldRole]);
            result = await users.AddToRoleAsync(user, Roles.Names[form.Role]);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            return await EditView(form, user);
        }
        await users.UpdateSecurityStampAsync(user); // the new role or unit applies to open sessions too
        await AuditAsync(AuditAction.Update, user.UserName!, before, Describe(user.FullName, user.Email, form.Role, user.UnitId, user.IsActive), null);
        TempData["Notice"] = $"Se guardó el usuario {user.UserName}.";
        return Redirect("/admin/usuarios");
    }

    /// <summary>Disables or enables a user; a disabled user is signed out within a minute and cannot sign in.</summary>
    [HttpPost("{userId}/activo")]
    public async Task<IActionResult> SetActive(string userId, [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] bool activo)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound();
        if (!activo && user.UserName == User.Identity?.Name)
        {
            TempData["Problem"] = "No puede desactivar su propia cuenta.";
            return Redirect($"/admin/usuarios/{userId}");
        }
        user.IsActive = activo;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(AuditAction.Update, user.UserName!, $$"""{"IsActive":{{(!activo).ToString().ToLowerInvariant()}}}""", $$"""{"IsActive":{{activo.ToString().ToLowerInvariant()}}}""", null);
        TempData["Notice"] = activo ? $"Se reactivó el usuario {user.UserName}." : $"Se desactivó el usuario {user.UserName}.";
        return Redirect("/admin/usuarios");
    }

    /// <summary>Sets a new password chosen by the administrator and lifts a lockout.</summary>
    [HttpPost("{userId}/contrasena")]
    [ShowsErrorsInForm]
    public async Task<IActionResult> ResetPassword(string userId, PasswordForm form)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound();
        if (!ModelState.IsValid) return await EditView(await FormOf(user), user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(nameof(PasswordForm.Password), error.Description);
            return await EditView(await FormOf(user), user);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(AuditAction.Update, user.UserName!, null, null, "Restablecimiento de contraseña");
        TempData["Notice"] = $"Se restableció la contraseña de {user.UserName}.";
        return Redirect("/admin/usuarios");
    }

    /// <summary>A unit role needs one of the listed units (an id typed by hand may name none).</summary>
    private async Task CheckUnitAsync(UserForm form)
    {
        if (AccessPolicy.BelongsToUnit(form.Role) && form.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.IsActive))
            ModelState.AddModelError(nameof(form.UnitId), "Elija una de las unidades de la lista.");
    }

    private async Task<UserForm> FormOf(AppUser user) => new()
    {
        UserName = user.UserName!, FullName = user.FullName, Email = user.Email, UnitId = user.UnitId,
        Role = Roles.Parse((await users.GetRolesAsync(user)).FirstOrDefault()) ?? Role.Capturista,
    };

    private async Task<ViewResult> EditView(UserForm form, AppUser? user)
    {
        await UnitOptionsAsync();
        ViewData["User"] = user;
        return View("Edit", form);
    }

    private async Task UnitOptionsAsync() =>
        ViewData["Units"] = (await db.Units.Where(u => u.IsActive).OrderBy(u => u.ShortName).ToListAsync())
            .Select(u => new SelectListItem($"{u.ShortName} · {u.Name}", u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Describe(string fullName, string? email, Role role, int? unitId, bool active) =>
        JsonSerializer.Serialize(new { FullName = fullName, Email = email, Role = Roles.Names[role], UnitId = unitId, IsActive = active }, AuditJson);

    private Task AuditAsync(AuditAction action, string userName, string? before, string? after, string? reason) =>
        AccountAudit.SaveAsync(db, User, audit, action, userName, before, after, reason);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
