namespace PatUcsi.Domain.Auditing;

public enum AuditAction { Insert = 0, Update = 1, Delete = 2 }

/// <summary>
/// Append-only record of one change to program data or progress: who, when, what, the values before
/// and after (JSON), and the reason when one was given.
/// </summary>
public class AuditEntry : Entity
{
    private AuditEntry() { }

    public AuditEntry(DateTime at, string user, AuditAction action, string entityType, string entityKey,
        int? programId, string? before, string? after, string? reason, string? address = null)
    {
        Address = address;
        At = at;
        User = user;
        Action = action;
        EntityType = entityType;
        EntityKey = entityKey;
        ProgramId = programId;
        Before = before;
        After = after;
        Reason = reason;
    }

    public DateTime At { get; private set; }
    public string User { get; private set; } = "";
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityKey { get; private set; } = "";
    /// <summary>The program the change belongs to, so its history can be shown; null for units and users.</summary>
    public int? ProgramId { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>The network address the change came from (the user's, also behind the proxy); null for the system.</summary>
    public string? Address { get; private set; }
}
