using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Domain;

namespace PatUcsi.Web.Infrastructure;

/// <summary>What a button that changes one versioned thing posts: the version the user saw.</summary>
public sealed class ConfirmForm
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }
}

public static class StateChange
{
    /// <summary>
    /// Applies a change (send, approve, return, reopen, cancel…) to an entity as of the version the user
    /// saw, and saves. A broken rule or a stale version becomes the Spanish message shown after the redirect.
    /// </summary>
    public static async Task ApplyAsync(this Controller controller, PatDbContext db, IVersioned entity, int version,
        Action change, string done, string conflict)
    {
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
        try
        {
            change();
            await db.SaveChangesAsync();
            controller.TempData["Notice"] = done;
        }
        catch (DomainException e)
        {
            controller.TempData["Problem"] = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            controller.TempData["Problem"] = conflict;
        }
    }
}
