namespace PatUcsi.Domain.Security;

public enum Role
{
    /// <summary>Administrador: units, users, years, settings; may also edit any program.</summary>
    Administrator = 0,
    /// <summary>Junta Estatal Ejecutiva: reads every program, approves or returns them.</summary>
    Junta = 1,
    /// <summary>Titular of one unit: edits its program and approves its progress reports.</summary>
    Titular = 2,
    /// <summary>Capturista of one unit: enters its progress.</summary>
    Capturista = 3,
}

/// <summary>What a user may do with a unit's program.</summary>
public enum Access
{
    /// <summary>See the program, its history and its exports.</summary>
    Read = 0,
    /// <summary>Change the program's content (only while it is a draft).</summary>
    Edit = 1,
    /// <summary>Send the draft to the Junta.</summary>
    Submit = 2,
    /// <summary>Approve a submitted program or return it with comments.</summary>
    Review = 3,
    /// <summary>Reopen an approved program, with a reason.</summary>
    Reopen = 4,
    /// <summary>Enter and submit period progress.</summary>
    CaptureProgress = 5,
    /// <summary>Approve, return or reopen period reports.</summary>
    ApproveProgress = 6,
}

/// <summary>The signed-in user as the rules see them: a role and, for unit roles, a unit.</summary>
public sealed record Actor(string UserName, Role Role, int? UnitId)
{
    public bool Can(Access access, int unitId) => AccessPolicy.Allows(Role, UnitId, access, unitId);
}

/// <summary>
/// Who may do what with a program of <c>unitId</c>. Titular and Capturista act only on their own
/// unit; the Junta reads and reviews every unit; the Administrador may do everything but capture
/// and approve progress, which belong to the unit.
/// </summary>
public static class AccessPolicy
{
    public static bool Allows(Role role, int? userUnitId, Access access, int unitId)
    {
        var ownUnit = userUnitId == unitId;
        return access switch
        {
            Access.Read => role is Role.Administrator or Role.Junta || ownUnit,
            Access.Edit or Access.Submit => role == Role.Administrator || (role == Role.Titular && ownUnit),
            Access.Review or Access.Reopen => role is Role.Administrator or Role.Junta,
            Access.CaptureProgress => role is Role.Titular or Role.Capturista && ownUnit,
            Access.ApproveProgress => role == Role.Titular && ownUnit,
            _ => false,
        };
    }

    /// <summary>Whether a user of this role belongs to exactly one unit.</summary>
    public static bool BelongsToUnit(Role role) => role is Role.Titular or Role.Capturista;
}
