namespace PatUcsi.Data.Auditing;

/// <summary>
/// Who is changing data in this unit of work, and why. The web app fills it from the signed-in user;
/// start-up tasks (seeding, migrations) use the system name.
/// </summary>
public interface IAuditContext
{
    string UserName { get; }
    /// <summary>The reason the user gave for this change, if any (reopening, cancelling…).</summary>
    string? Reason { get; set; }
    /// <summary>Where the change came from: the user's network address; null for start-up tasks.</summary>
    string? Address => null;
}

public sealed class SystemAuditContext(string userName = SystemAuditContext.SystemUser) : IAuditContext
{
    public const string SystemUser = "sistema";

    public string UserName { get; } = userName;
    public string? Reason { get; set; }
}
