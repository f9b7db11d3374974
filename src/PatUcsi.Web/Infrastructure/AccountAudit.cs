using System.Security.Claims;
using PatUcsi.Data;
using PatUcsi.Data.Auditing;
using PatUcsi.Domain.Auditing;

namespace PatUcsi.Web.Infrastructure;

/// <summary>User accounts are not program data, but who changed an account, and how, is recorded all the same.</summary>
public static class AccountAudit
{
    public static Task SaveAsync(PatDbContext db, ClaimsPrincipal by, IAuditContext audit, AuditAction action, string userName,
        string? before, string? after, string? reason = null)
    {
        db.AuditEntries.Add(new AuditEntry(db.Clock.GetUtcNow().UtcDateTime, by.Identity?.Name ?? "", action, "AppUser", userName, null,
            before, after, reason, audit.Address));
        return db.SaveChangesAsync();
    }
}
