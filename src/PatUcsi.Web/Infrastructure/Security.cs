using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatUcsi.Data;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Security;

namespace PatUcsi.Web.Infrastructure;

public static class Security
{
    public const string UnitClaim = "pat:unit";
    public const string FullNameClaim = "pat:fullname";

    public static void AddPatIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@";
            })
            .AddEntityFrameworkStores<PatDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<SpanishIdentityErrors>()
            .AddClaimsPrincipalFactory<PatClaimsFactory>();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "pat.sesion";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/cuenta/entrar";
            options.LogoutPath = "/cuenta/salir";
            options.AccessDeniedPath = "/error/403";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A refused action answers 403 (rendered by the error page), not a redirect that hides the refusal.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // A disabled user or a changed role takes effect within a minute, not at the cookie's expiry.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // Every endpoint needs a signed-in user unless it says [AllowAnonymous].
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>Creates the roles; the first administrator from configuration; demo users when enabled.</summary>
    public static async Task InitializeIdentityAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await IdentitySeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PatUcsi.Inicio");

        var admin = app.Configuration.GetSection("Admin");
        if (admin["UserName"] is { Length: > 0 } userName && admin["Password"] is { Length: > 0 } password
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0)
        {
            var errors = await IdentitySeeder.CreateUserAsync(users, userName, admin["FullName"] ?? "Administrador", Role.Administrator, null, password);
            if (errors.Count > 0) throw new InvalidOperationException("No se pudo crear el administrador: " + string.Join(" ", errors));
            logger.LogInformation("Se creó el primer administrador «{User}»", userName);
        }
        if (app.Configuration.GetValue("DemoUsers:Enabled", false))
            await IdentitySeeder.EnsureDemoUsersAsync(users, services.GetRequiredService<PatDbContext>());
    }

    /// <summary>The signed-in user as the access rules see them.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var role = Roles.Parse(user.FindFirstValue(ClaimTypes.Role)) ?? Role.Capturista;
        var unit = int.TryParse(user.FindFirstValue(UnitClaim), out var id) ? id : (int?)null;
        return new Actor(user.Identity?.Name ?? "", role, unit);
    }

    public static string FullName(this ClaimsPrincipal user) => user.FindFirstValue(FullNameClaim) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds the user's unit and full name to the sign-in cookie.</summary>
public sealed class PatClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Security.FullNameClaim, user.FullName));
        if (user.UnitId is { } unit)
            identity.AddClaim(new Claim(Security.UnitClaim, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}

/// <summary>
/// Guards an action on one program, in this order: the program in the route ("programId") must exist and
/// the user must be allowed to read it (otherwise 404, the same answer as for no such program, so nothing
/// tells them apart); the user must be allowed <see cref="Access"/> (otherwise 403); every child id in the
/// route (objective, line, evidence) must belong to that program (otherwise 404); and, for
/// <see cref="DraftOnly"/>, the program must be a draft (otherwise back to it with the reason).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ProgramAccessAttribute(Access access) : Attribute, IAsyncActionFilter
{
    public Access Access { get; } = access;

    /// <summary>Only while the program is a draft (the editor).</summary>
    public bool DraftOnly { get; init; }

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var route = context.RouteData.Values;
        if (!int.TryParse(route["programId"]?.ToString(), out var programId))
        {
            context.Result = new NotFoundResult();
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<PatDbContext>();
        var program = await db.Programs.Where(p => p.Id == programId).Select(p => new { p.UnitId, p.State }).SingleOrDefaultAsync();
        var actor = context.HttpContext.User.ToActor();
        if (program is null || !actor.Can(Access.Read, program.UnitId))
        {
            context.Result = new NotFoundResult();
            return;
        }
        if (!actor.Can(Access, program.UnitId))
        {
            context.Result = new ForbidResult();
            return;
        }
        foreach (var parameter in ProgramScope.ChildParameters)
        {
            if (!route.TryGetValue(parameter, out var raw)) continue;
            if (!int.TryParse(raw?.ToString(), out var id) || !await db.OwnsAsync(programId, parameter, id))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }
        if (DraftOnly && program.State != Domain.Programs.ProgramState.Draft)
        {
            if (context.Controller is Controller controller)
                controller.TempData["Problem"] = program.State == Domain.Programs.ProgramState.Approved
                    ? "El programa está aprobado: es de solo lectura. Para modificarlo, la Junta debe reabrirlo."
                    : "El programa está en revisión de la Junta: no puede modificarse hasta que lo apruebe o lo devuelva.";
            context.Result = new RedirectResult($"/programas/{programId}");
            return;
        }
        await next();
    }
}
