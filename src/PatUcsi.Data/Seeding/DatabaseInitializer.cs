using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PatUcsi.Data.Seeding;

/// <summary>Brings the database to the latest migration and loads the seed data it does not have yet.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(PatDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers do not block the writer
    }

    /// <summary>
    /// Loads <c>units.json</c> and every <c>programs/*.json</c> from <paramref name="seedFolder"/>.
    /// What exists already is left alone, so running it again changes nothing.
    /// </summary>
    public static async Task SeedAsync(PatDbContext db, string seedFolder, ILogger logger, CancellationToken ct = default)
    {
        var unitsFile = Path.Combine(seedFolder, "units.json");
        if (File.Exists(unitsFile))
        {
            var added = await ProgramImporter.ImportUnitsAsync(db, await ReadAsync<UnitsDocument>(unitsFile, ct), ct);
            if (added > 0) logger.LogInformation("Se cargaron {Count} unidades de {File}", added, unitsFile);
        }

        var programs = Path.Combine(seedFolder, "programs");
        if (!Directory.Exists(programs)) return;
        foreach (var file in Directory.GetFiles(programs, "*.json").Order(StringComparer.Ordinal))
        {
            var result = await ProgramImporter.ImportAsync(db, await ReadAsync<ProgramDocument>(file, ct), ct);
            logger.LogInformation("{File}: {Message}", Path.GetFileName(file), result.Message);
        }
    }

    public static async Task<T> ReadAsync<T>(string file, CancellationToken ct = default)
    {
        await using var stream = File.OpenRead(file);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, ProgramDocument.Json, ct)
                   ?? throw new ImportException([$"{Path.GetFileName(file)} está vacío."]);
        }
        catch (JsonException e)
        {
            throw new ImportException([$"{Path.GetFileName(file)} no es un JSON válido del formato esperado: {e.Message}"]);
        }
    }
}
