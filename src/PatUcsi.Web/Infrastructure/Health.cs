using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;

namespace PatUcsi.Web.Infrastructure;

public static class Health
{
    /// <summary>
    /// GET /health: liveness, the process answers (no database work, so a load balancer polling it costs nothing).
    /// GET /health/ready: readiness, the database state (provider, reachable, migrations applied and pending,
    /// programs loaded); 200 when usable, 503 otherwise. For monitoring and deployments.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Json(new { status = "ok" })).AllowAnonymous();
        app.MapGet("/health/ready", async (PatDbContext db, CancellationToken ct) =>
        {
            var provider = db.Database.ProviderName?.Split('.').Last();
            try
            {
                var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                var programs = pending.Count == 0 ? await db.Programs.CountAsync(ct) : 0;
                var healthy = pending.Count == 0;
                return Results.Json(new
                {
                    status = healthy ? "ok" : "pendiente",
                    database = new { provider, canConnect = true, appliedMigrations = applied, pendingMigrations = pending, programs },
                }, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
                return Results.Json(new { status = "error", database = new { provider, canConnect = false, error = e.Message } },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
    }
}
