using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Web.Tests;

public class AdminAndAccountTests
{
    [Fact]
    public async Task Sign_in_refuses_wrong_passwords_in_spanish_and_locks_out_after_five()
    {
        await using var factory = new PatWebFactory();
        var client = factory.Anonymous();

        for (var i = 0; i < 4; i++)
        {
            var wrong = await (await client.PostForm("/cuenta/entrar", "/cuenta/entrar", new() { ["UserName"] = "junta", ["Password"] = "incorrecta" })).Body();
            Assert.Contains("Usuario o contraseña incorrectos.", wrong);
            Assert.Contains("value=\"junta\"", wrong);
            Assert.DoesNotContain("incorrecta\"", wrong);
        }
        await client.PostForm("/cuenta/entrar", "/cuenta/entrar", new() { ["UserName"] = "junta", ["Password"] = "incorrecta" });
        // Locked now: even the right password is refused, with the same words as a wrong one or a name that does not
        // exist, so the answer never tells which accounts are real.
        var stillLocked = await client.PostForm("/cuenta/entrar", "/cuenta/entrar", new() { ["UserName"] = "junta", ["Password"] = IdentitySeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, stillLocked.StatusCode);
        var unknown = new List<string>();
        for (var i = 0; i < 6; i++)
            unknown.Add(await (await client.PostForm("/cuenta/entrar", "/cuenta/entrar", new() { ["UserName"] = "nadie.existe", ["Password"] = "incorrecta" })).Body());
        Assert.All(unknown.Append(await stillLocked.Body()), html =>
        {
            Assert.Contains("Usuario o contraseña incorrectos. Después de cinco intentos fallidos la cuenta se bloquea durante 15 minutos", html);
            Assert.DoesNotContain("bloqueó", html);
        });
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user()
    {
        await using var factory = new PatWebFactory();
        var response = await factory.Anonymous().GetAsync(new Uri("/programas/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/entrar?ReturnUrl=%2Fprogramas%2F1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_user_changes_their_own_password()
    {
        await using var factory = new PatWebFactory();
        var client = await factory.SignedIn("capturista.ucsi");

        var weak = await (await client.PostForm("/cuenta/contrasena", "/cuenta/contrasena",
            new() { ["Current"] = IdentitySeeder.DemoPassword, ["New"] = "corta", ["Confirm"] = "corta" })).Body();
        Assert.Contains("La contraseña debe tener al menos 10 caracteres.", weak);
        var mismatch = await (await client.PostForm("/cuenta/contrasena", "/cuenta/contrasena",
            new() { ["Current"] = IdentitySeeder.DemoPassword, ["New"] = "NuevaClave2025", ["Confirm"] = "OtraClave2025" })).Body();
        Assert.Contains("La confirmación no coincide", mismatch);
        var ok = await client.PostForm("/cuenta/contrasena", "/cuenta/contrasena",
            new() { ["Current"] = IdentitySeeder.DemoPassword, ["New"] = "NuevaClave2025", ["Confirm"] = "NuevaClave2025" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        await factory.SignedIn("capturista.ucsi", "NuevaClave2025");
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignedIn("capturista.ucsi"));
    }

    [Fact]
    public async Task The_administrator_creates_a_unit_and_a_titular_who_then_sees_only_that_unit()
    {
        await using var factory = new PatWebFactory();
        var admin = await factory.SignedIn("admin");

        var duplicate = await (await admin.PostForm("/admin/unidades/nueva", "/admin/unidades/nueva",
            new() { ["ShortName"] = "UCSI", ["Name"] = "Repetida", ["IsActive"] = "true" })).Body();
        Assert.Contains("Ya existe una unidad con las siglas UCSI.", duplicate);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostForm("/admin/unidades/nueva", "/admin/unidades/nueva",
            new() { ["ShortName"] = "UTE", ["Name"] = "Unidad Técnica de Prueba", ["HeadName"] = "Lic. Ana Pérez", ["IsActive"] = "true" })).StatusCode);
        await using var db = factory.Database.Context();
        var unit = await db.Units.SingleAsync(u => u.ShortName == "UTE");

        var noUnit = await (await admin.PostForm("/admin/usuarios/nuevo", "/admin/usuarios/nuevo", new()
        {
            ["UserName"] = "titular.ute", ["FullName"] = "Ana Pérez", ["Role"] = "Titular", ["UnitId"] = "", ["Password"] = "Clave.Segura2025",
        })).Body();
        Assert.Contains("Un Titular o Capturista debe pertenecer a una unidad.", noUnit);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostForm("/admin/usuarios/nuevo", "/admin/usuarios/nuevo", new()
        {
            ["UserName"] = "titular.ute", ["FullName"] = "Ana Pérez", ["Role"] = "Titular",
            ["UnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Password"] = "Clave.Segura2025",
        })).StatusCode);

        // The administrator opens 2025 for the new unit; its Titular sees that program and not UCSI's.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostForm("/admin/programas/nuevo", "/admin/programas/nuevo",
            new() { ["UnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Year"] = "2025", ["CopyFromId"] = "" })).StatusCode);
        var titular = await factory.SignedIn("titular.ute", "Clave.Segura2025");
        var home = await titular.Html("/");
        Assert.Contains("Unidad Técnica de Prueba", home);
        Assert.DoesNotContain("Unidad de Cómputo y Servicios Informáticos", home);
        Assert.Equal(HttpStatusCode.NotFound, (await titular.GetAsync(new Uri("/programas/1", UriKind.Relative))).StatusCode);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "AppUser" && a.EntityKey == "titular.ute" && a.User == "admin"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Unit" && a.User == "admin"));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_a_reset_password_works()
    {
        await using var factory = new PatWebFactory();
        var admin = await factory.SignedIn("admin");
        var capturista = await factory.SignedIn("capturista.ucsi");
        using var scope = factory.Services.CreateScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("capturista.ucsi"))!.Id;

        await admin.PostForm($"/admin/usuarios/{id}", $"/admin/usuarios/{id}/activo", new() { ["activo"] = "false" });

        var refused = await (await factory.Anonymous().PostForm("/cuenta/entrar", "/cuenta/entrar",
            new() { ["UserName"] = "capturista.ucsi", ["Password"] = IdentitySeeder.DemoPassword })).Body();
        Assert.Contains("Su cuenta está desactivada.", refused);
        Assert.Contains("Desactivado", await admin.Html("/admin/usuarios"));

        await admin.PostForm($"/admin/usuarios/{id}", $"/admin/usuarios/{id}/activo", new() { ["activo"] = "true" });
        var weak = await (await admin.PostForm($"/admin/usuarios/{id}", $"/admin/usuarios/{id}/contrasena", new() { ["Password"] = "abc" })).Body();
        Assert.Contains("La contraseña debe tener al menos 10 caracteres.", weak);
        await admin.PostForm($"/admin/usuarios/{id}", $"/admin/usuarios/{id}/contrasena", new() { ["Password"] = "Restablecida2025" });
        await factory.SignedIn("capturista.ucsi", "Restablecida2025");
        Assert.NotNull(capturista);
    }

    [Fact]
    public async Task Changing_a_users_role_takes_effect()
    {
        await using var factory = new PatWebFactory();
        var admin = await factory.SignedIn("admin");
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync("capturista.ucsi"))!;

        var response = await admin.PostForm($"/admin/usuarios/{user.Id}", $"/admin/usuarios/{user.Id}", new()
        {
            ["UserName"] = "capturista.ucsi", ["FullName"] = "Ahora Junta", ["Role"] = "Junta", ["UnitId"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var fresh = factory.Services.CreateScope();
        var reread = fresh.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var changed = (await reread.FindByNameAsync("capturista.ucsi"))!;
        Assert.Equal([Roles.Junta], await reread.GetRolesAsync(changed));
        Assert.Null(changed.UnitId);
    }

    [Fact]
    public async Task Opening_a_year_can_copy_the_previous_program_without_progress()
    {
        await using var factory = new PatWebFactory();
        var admin = await factory.SignedIn("admin");
        await using var db = factory.Database.Context();
        var ucsi = await db.Units.SingleAsync(u => u.ShortName == "UCSI");
        var fields = new Dictionary<string, string>
        {
            ["UnitId"] = ucsi.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Year"] = "2024", ["CopyFromId"] = "1",
        };

        var exists = await (await admin.PostForm("/admin/programas/nuevo", "/admin/programas/nuevo", fields)).Body();
        Assert.Contains("La unidad ya tiene programa para 2024.", exists);

        fields["Year"] = "2025";
        var response = await admin.PostForm("/admin/programas/nuevo", "/admin/programas/nuevo", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = await db.Programs.Include(p => p.Objectives).ThenInclude(o => o.ActionLines).ThenInclude(l => l.Indicator)
            .SingleAsync(p => p.UnitId == ucsi.Id && p.Year == 2025);
        Assert.Equal(ProgramState.Draft, copy.State);
        Assert.Equal(18, copy.Objectives.Count);
        Assert.Equal(24, copy.Objectives.SelectMany(o => o.ActionLines).Count(l => l.Indicator is not null));
        Assert.StartsWith("Fomentar el aprovechamiento", copy.Mission);
        Assert.False(await db.PeriodReports.AnyAsync(r => r.ProgramId == copy.Id));
        Assert.Contains("Programas anuales de trabajo · 2025", await admin.Html("/?anio=2025"));
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration_when_there_is_none()
    {
        await using var factory = new PatWebFactory(emptyDatabase: true);
        await using var configured = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("DemoUsers:Enabled", "false");
            b.UseSetting("Admin:UserName", "jefe.sistemas");
            b.UseSetting("Admin:Password", "Primera.Clave2025");
        });
        _ = configured.Server;

        using var scope = configured.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByNameAsync("jefe.sistemas");
        Assert.NotNull(admin);
        Assert.Equal([Roles.Administrator], await users.GetRolesAsync(admin));
    }
}
