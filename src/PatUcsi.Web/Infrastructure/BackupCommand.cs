using PatUcsi.Data.Backup;
using PatUcsi.Web.Features.Progress;

namespace PatUcsi.Web.Infrastructure;

/// <summary>
/// <c>dotnet PatUcsi.Web.dll backup CARPETA</c>: a consistent copy of the database and the evidence files into a new
/// folder, safe while the app serves. <c>dotnet PatUcsi.Web.dll restore CARPETA</c>: puts it back, with the app stopped.
/// Both use the app's own settings (Database:Provider, ConnectionStrings:Pat, Evidence:Folder).
/// </summary>
public static class BackupCommand
{
    public static bool Handles(string? command) => command is "backup" or "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await Console.Error.WriteLineAsync($"Uso: {args[0]} CARPETA");
            return 2;
        }
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        var evidence = app.Services.GetRequiredService<EvidenceStore>().Folder;
        var folder = Path.GetFullPath(args[1]);
        try
        {
            if (args[0] == "backup")
            {
                var m = await DatabaseBackup.CreateAsync(database.Provider, database.ConnectionString, evidence, folder, app.Services.GetRequiredService<TimeProvider>());
                Console.WriteLine($"Respaldo de {m.Provider} en «{folder}»: base de datos y {m.EvidenceSha256.Count} archivos de evidencia.");
            }
            else
            {
                var m = await DatabaseBackup.RestoreAsync(database.Provider, database.ConnectionString, evidence, folder);
                Console.WriteLine($"Se restauró el respaldo del {m.TakenAtUtc:yyyy-MM-dd HH:mm} UTC: base de datos y {m.EvidenceSha256.Count} archivos de evidencia.");
            }
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
