using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain.Security;

namespace PatUcsi.Data.Identity;

/// <summary>Creates the roles and, on request, users: the first administrator or the demo accounts.</summary>
public static class IdentitySeeder
{
    /// <summary>The documented password of the demo accounts (development only).</summary>
    public const string DemoPassword = "Demo.Pat2024";

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var name in Roles.Names.Values)
            if (!await roles.RoleExistsAsync(name))
                Check(await roles.CreateAsync(new IdentityRole(name)));
    }

    /// <summary>Creates a user with one role; returns the Spanish errors when Identity refuses it.</summary>
    public static async Task<IReadOnlyList<string>> CreateUserAsync(UserManager<AppUser> users, string userName, string fullName,
        Role role, int? unitId, string password, string? email = null)
    {
        if (AccessPolicy.BelongsToUnit(role) && unitId is null) return ["Un Titular o Capturista debe pertenecer a una unidad."];
        var user = new AppUser
        {
            UserName = userName.Trim(), FullName = fullName.Trim(), Email = email, UnitId = AccessPolicy.BelongsToUnit(role) ? unitId : null,
            LockoutEnabled = true,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Someone created the same name between Identity's check and the insert: the unique index answers.
            return [$"Ya existe el usuario «{user.UserName}»."];
        }
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        Check(await users.AddToRoleAsync(user, Roles.Names[role]));
        return [];
    }

    /// <summary>
    /// Demo accounts for trying the app (one per role, for UCSI), all with <see cref="DemoPassword"/>.
    /// Only the development start-up calls this; production starts with the first administrator.
    /// </summary>
    public static async Task EnsureDemoUsersAsync(UserManager<AppUser> users, PatDbContext db)
    {
        var ucsi = await db.Units.SingleOrDefaultAsync(u => u.ShortName == "UCSI");
        var demo = new (string User, string Name, Role Role, int? Unit)[]
        {
            ("admin", "Administración del sistema", Role.Administrator, null),
            ("junta", "Junta Estatal Ejecutiva", Role.Junta, null),
            ("titular.ucsi", ucsi?.HeadName ?? "Titular de la UCSI", Role.Titular, ucsi?.Id),
            ("capturista.ucsi", "Capturista de la UCSI", Role.Capturista, ucsi?.Id),
        };
        foreach (var (user, name, role, unit) in demo)
            if (await users.FindByNameAsync(user) is null)
                await CreateUserAsync(users, user, name, role, unit, DemoPassword);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
