using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatUcsi.Data.Identity;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Account;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Escriba su nombre de usuario.")]
    [StringLength(256, ErrorMessage = "El usuario no puede pasar de {1} caracteres.")]
    [Display(Name = "Usuario")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Escriba su contraseña.")]
    [StringLength(128, ErrorMessage = "La contraseña no puede pasar de {1} caracteres.")]
    [DataType(DataType.Password)]
    [Display(Name = "Contraseña")]
    public string Password { get; set; } = "";

    [Display(Name = "Mantener la sesión abierta en este equipo")]
    public bool RememberMe { get; set; }

    [StringLength(2000, ErrorMessage = "La dirección de regreso es demasiado larga.")]
    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Escriba su contraseña actual.")]
    [DataType(DataType.Password), StringLength(128, ErrorMessage = "La contraseña no puede pasar de {1} caracteres.")]
    [Display(Name = "Contraseña actual")]
    public string Current { get; set; } = "";

    [Required(ErrorMessage = "Escriba la nueva contraseña.")]
    [DataType(DataType.Password), StringLength(128, ErrorMessage = "La contraseña no puede pasar de {1} caracteres.")]
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
    [ShowsErrorsInForm]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var name = form.UserName.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            // As long as for a real account, so the time of the answer does not tell which names exist.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), UnknownUserHash.Value, form.Password);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
            // A locked account is refused before its password is checked: take as long as a check would.
            if (result.IsLockedOut) users.PasswordHasher.VerifyHashedPassword(user, UnknownUserHash.Value, form.Password);
            if (result.Succeeded && user.IsActive)
            {
                logger.LogInformation("Inicio de sesión de {User}", name);
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
            }
            if (result.Succeeded)
            {
                // Only who knows the password learns that the account is disabled.
                await signIn.SignOutAsync();
                ModelState.AddModelError("", "Su cuenta está desactivada. Solicite al administrador que la reactive.");
                return View(new LoginForm { UserName = form.UserName, ReturnUrl = form.ReturnUrl });
            }
        }
        logger.LogWarning("Inicio de sesión fallido de {User}", name);
        // One answer for a wrong password, a locked account and a name that does not exist: none of them tells which accounts are real.
        ModelState.AddModelError("", "Usuario o contraseña incorrectos. Después de cinco intentos fallidos la cuenta se bloquea durante 15 minutos; " +
                                     "si olvidó su contraseña, pida al administrador que la restablezca.");
        // The user name stays; the password is never sent back.
        return View(new LoginForm { UserName = form.UserName, RememberMe = form.RememberMe, ReturnUrl = form.ReturnUrl });
    }

    private static readonly Lazy<string> UnknownUserHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    [HttpPost("salir")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/cuenta/entrar");
    }

    [HttpGet("contrasena")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("contrasena")]
    [ShowsErrorsInForm]
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
