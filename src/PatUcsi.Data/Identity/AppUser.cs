using Microsoft.AspNetCore.Identity;
using PatUcsi.Domain.Notifications;
using PatUcsi.Domain.Security;
using PatUcsi.Domain.Units;

namespace PatUcsi.Data.Identity;

/// <summary>A person who signs in. Titular and Capturista belong to one unit; Administrador and Junta to none.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>The e-mails this user wants (set on the user's Avisos por correo page).</summary>
    public EmailTopics EmailTopics { get; set; } = EmailTopics.All;
}

/// <summary>The four roles, named as users see them.</summary>
public static class Roles
{
    public const string Administrator = "Administrador";
    public const string Junta = "Junta";
    public const string Titular = "Titular";
    public const string Capturista = "Capturista";

    public static readonly IReadOnlyDictionary<Role, string> Names = new Dictionary<Role, string>
    {
        [Role.Administrator] = Administrator,
        [Role.Junta] = Junta,
        [Role.Titular] = Titular,
        [Role.Capturista] = Capturista,
    };

    public static Role? Parse(string? name)
    {
        foreach (var (role, roleName) in Names)
            if (roleName == name) return role;
        return null;
    }
}
