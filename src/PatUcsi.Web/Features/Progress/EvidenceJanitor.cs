using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;

namespace PatUcsi.Web.Features.Progress;

/// <summary>
/// Keeps the evidence folder and the evidence table in agreement: a file that no row names (a save cut off between
/// writing the file and committing, by an error or a crash) is deleted once its writer process has ended (see
/// <see cref="EvidenceWriter"/>), or once it is a day old. Runs at start (after a crash) and every six hours; several instances may share
/// the folder, since none deletes a file another running instance may still commit.
/// </summary>
public sealed class EvidenceJanitor(IServiceScopeFactory scopes, EvidenceStore store, TimeProvider clock, ILogger<EvidenceJanitor> logger) : BackgroundService
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Grace;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatDbContext>();
        var files = store.Files();
        var known = (await db.Evidence.Where(e => e.StoredName != null).Select(e => e.StoredName!).ToListAsync(ct)).ToHashSet();
        var deleted = store.DeleteOrphans(files, known, cutoff);
        if (deleted > 0) logger.LogInformation("Se eliminaron {Count} archivos de evidencia sin registro", deleted);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "No se pudo revisar la carpeta de evidencias");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
