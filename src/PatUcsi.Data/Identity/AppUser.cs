using Microsoft.AspNetCore.Identity;
using PatUcsi.Domain.Units;

namespace PatUcsi.Data.Identity;

/// <summary>A person who signs in. Titular and Capturista belong to one unit; Administrador and Junta to none.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>The four roles, named as users see them.</summary>
public static class Roles
{
    public const string Administrator = "Administrador";
    public const string Titular = "Titular";
    public const string Capturista = "Capturista";
    public const string Junta = "Junta";

    public static readonly IReadOnlyList<string> All = [Administrator, Titular, Capturista, Junta];

    /// <summary>Roles whose users belong to one unit.</summary>
    public static bool BelongsToUnit(string role) => role is Titular or Capturista;
}
