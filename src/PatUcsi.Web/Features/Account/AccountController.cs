using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatUcsi.Data.Identity;

namespace PatUcsi.Web.Features.Account;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Escriba su nombre de usuario.")]
    [Display(Name = "Usuario")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Escriba su contraseña.")]
    [DataType(DataType.Password)]
    [Display(Name = "Contraseña")]
    public string Password { get; set; } = "";

    [Display(Name = "Mantener la sesión abierta en este equipo")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Escriba su contraseña actual.")]
    [DataType(DataType.Password)]
    [Display(Name = "Contraseña actual")]
    public string Current { get; set; } = "";

    [Required(ErrorMessage = "Escriba la nueva contraseña.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nueva contraseña")]
    public string New { get; set; } = "";

    [Required(ErrorMessage = "Confirme la nueva contraseña.")]
    [Compare(nameof(New), ErrorMessage = "La confirmación no coincide con la nueva contraseña.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirmar nueva contraseña")]
    public string Confirm { get; set; } = "";
}

[Route("cuenta")]
public sealed class AccountController(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet("entrar")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("entrar")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.FindByNameAsync(form.UserName.Trim());
        if (user is { IsActive: false })
        {
            ModelState.AddModelError("", "Su cuenta está desactivada. Solicite al administrador que la reactive.");
            return View(form);
        }
        var result = await signIn.PasswordSignInAsync(form.UserName.Trim(), form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Inicio de sesión de {User}", form.UserName);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
        }
        logger.LogWarning("Inicio de sesión fallido de {User}", form.UserName);
        ModelState.AddModelError("", result.IsLockedOut
            ? "La cuenta se bloqueó por varios intentos fallidos. Intente de nuevo en 15 minutos o pida al administrador que restablezca su contraseña."
            : "Usuario o contraseña incorrectos.");
        // The user name stays; the password is never sent back.
        return View(new LoginForm { UserName = form.UserName, RememberMe = form.RememberMe, ReturnUrl = form.ReturnUrl });
    }

    [HttpPost("salir")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/cuenta/entrar");
    }

    [HttpGet("contrasena")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("contrasena")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, form.Current, form.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.Current) : nameof(form.New), error.Description);
            return View(new ChangePasswordForm());
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = "Su contraseña se cambió.";
        return Redirect("/");
    }
}
