using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PatUcsi.Data.Backup;

/// <summary>What a backup folder holds, written beside the copy as backup.json and checked on restore.</summary>
public sealed record BackupManifest(string Provider, DateTime TakenAtUtc, string DatabaseFile, IReadOnlyDictionary<string, string> EvidenceSha256);

/// <summary>
/// A consistent copy of the database and the evidence files, taken while the app serves requests, and its restore.
/// SQLite: VACUUM INTO (one read snapshot; writers go on). PostgreSQL: pg_dump's snapshot in its custom
/// format, restored with pg_restore. Evidence files never change once written, so they are copied around the snapshot:
/// before it (most of them) and after it (those added meanwhile), and every file the copied database names must be there.
/// </summary>
public static class DatabaseBackup
{
    public const string ManifestFile = "backup.json";
    public const string EvidenceFolder = "evidencia";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<BackupManifest> CreateAsync(string provider, string connectionString, string evidence, string destination, TimeProvider clock, CancellationToken ct = default)
    {
        EnsureSupported(provider);
        Directory.CreateDirectory(destination);
        if (Directory.EnumerateFileSystemEntries(destination).Any())
            throw new BackupException($"La carpeta de respaldo «{destination}» no está vacía; indique una carpeta nueva.");
        var copied = Path.Combine(destination, EvidenceFolder);
        Directory.CreateDirectory(copied);
        CopyNew(evidence, copied);
        var at = clock.GetUtcNow().UtcDateTime;
        var file = IsSqlite(provider) ? "pat.db" : "pat.dump";
        if (IsSqlite(provider)) BackupSqlite(connectionString, Path.Combine(destination, file));
        else _ = await RunAsync("pg_dump", ["--format=custom", "--no-owner", $"--file={Path.Combine(destination, file)}", .. Target(connectionString)], connectionString, ct);
        CopyNew(evidence, copied);

        var named = await StoredNamesAsync(provider, Path.Combine(destination, file), connectionString, ct);
        var missing = named.Where(n => !File.Exists(Path.Combine(copied, n))).ToList();
        if (missing.Count > 0)
            throw new BackupException($"Faltan {missing.Count} archivos de evidencia que la base de datos nombra (p. ej. «{missing[0]}»): revise la carpeta de evidencias.");
        // Files no row names (a save cut off) are not part of the copy.
        foreach (var orphan in Directory.EnumerateFiles(copied).Where(f => !named.Contains(Path.GetFileName(f)))) File.Delete(orphan);

        var manifest = new BackupManifest(IsSqlite(provider) ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql, at, file, Hashes(copied));
        await File.WriteAllTextAsync(Path.Combine(destination, ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>Puts a backup back in place of the database and the evidence folder. The app must be stopped.</summary>
    public static async Task<BackupManifest> RestoreAsync(string provider, string connectionString, string evidence, string source, CancellationToken ct = default)
    {
        EnsureSupported(provider);
        var manifestPath = Path.Combine(source, ManifestFile);
        if (!File.Exists(manifestPath)) throw new BackupException($"«{source}» no es una carpeta de respaldo de PAT UCSI (falta {ManifestFile}).");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct));
        if (manifest?.EvidenceSha256 is null || string.IsNullOrEmpty(manifest.DatabaseFile))
            throw new BackupException($"{ManifestFile} está incompleto: no es un respaldo que pueda restaurarse.");
        if (IsSqlite(provider) != IsSqlite(manifest.Provider))
            throw new BackupException($"El respaldo es de {manifest.Provider} y la aplicación usa {provider}.");
        var copied = Path.Combine(source, EvidenceFolder);
        var hashes = Hashes(copied);
        var damaged = manifest.EvidenceSha256.Where(h => hashes.GetValueOrDefault(h.Key) != h.Value).Select(h => h.Key).ToList();
        if (damaged.Count > 0) throw new BackupException($"El respaldo está dañado: {damaged.Count} archivos de evidencia no coinciden (p. ej. «{damaged[0]}»).");

        var database = Path.Combine(source, manifest.DatabaseFile);
        if (IsSqlite(provider)) RestoreSqlite(database, connectionString);
        else _ = await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", $"--dbname={Database(connectionString)}", .. Server(connectionString), database], connectionString, ct);

        Directory.CreateDirectory(evidence);
        foreach (var stale in Directory.EnumerateFiles(evidence).Where(f => !manifest.EvidenceSha256.ContainsKey(Path.GetFileName(f)))) File.Delete(stale);
        foreach (var name in manifest.EvidenceSha256.Keys) File.Copy(Path.Combine(copied, name), Path.Combine(evidence, name), overwrite: true);
        return manifest;
    }

    private static void EnsureSupported(string provider)
    {
        if (provider.Equals(DatabaseProvider.SqlServer, StringComparison.OrdinalIgnoreCase))
            throw new BackupException("Con SQL Server use las copias de seguridad del propio servidor (BACKUP DATABASE) y copie aparte la carpeta de evidencias.");
    }

    private static bool IsSqlite(string? provider) => provider is null or "" || provider.Equals(DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase);

    private static void BackupSqlite(string connectionString, string file)
    {
        using (var source = new SqliteConnection(connectionString))
        {
            source.Open();
            // VACUUM INTO copies one consistent read of the database while the app goes on writing; unlike the online
            // backup API (one step that fails with "database is locked" when a write lands), it is an ordinary command,
            // so it waits out a busy moment as every other command does.
            using var copy = source.CreateCommand();
            copy.CommandText = "VACUUM INTO $file";
            copy.Parameters.AddWithValue("$file", file);
            copy.ExecuteNonQuery();
        }
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        target.Open();
        using var check = target.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        if (check.ExecuteScalar() as string != "ok") throw new BackupException("La copia de la base de datos no pasó la revisión de integridad.");
    }

    private static void RestoreSqlite(string file, string connectionString)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target); // replaces every page of the target, whatever it held
        using var check = target.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        if (check.ExecuteScalar() as string != "ok") throw new BackupException("La base de datos restaurada no pasó la revisión de integridad.");
    }

    private static async Task<HashSet<string>> StoredNamesAsync(string provider, string copy, string connectionString, CancellationToken ct)
    {
        const string query = "SELECT \"StoredName\" FROM \"Evidence\" WHERE \"StoredName\" IS NOT NULL";
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (IsSqlite(provider))
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        }
        else
        {
            // The names as the dump holds them: its Evidence rows, in COPY's text format (tab-separated, \N for null).
            var data = await RunAsync("pg_restore", ["--data-only", "--table=Evidence", "--file=-", copy], connectionString, ct);
            var lines = data.Split('\n');
            var header = Array.FindIndex(lines, l => l.StartsWith("COPY ", StringComparison.Ordinal) && l.Contains("\"Evidence\"", StringComparison.Ordinal));
            if (header < 0) throw new BackupException("El respaldo de PostgreSQL no contiene la tabla de evidencias: no se puede comprobar qué archivos nombra.");
            var columns = lines[header][(lines[header].IndexOf('(', StringComparison.Ordinal) + 1)..lines[header].IndexOf(')', StringComparison.Ordinal)].Split(", ");
            var column = Array.IndexOf(columns, "\"StoredName\"");
            foreach (var row in lines.Skip(header + 1).TakeWhile(l => l != "\\."))
                if (row.Split('\t')[column] is var name && name != "\\N") names.Add(name);
        }
        return names;
    }

    private static void CopyNew(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from).Where(f => !f.EndsWith(".parcial", StringComparison.Ordinal))) // uploads still being written
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            if (!File.Exists(target)) File.Copy(file, target);
        }
    }

    private static Dictionary<string, string> Hashes(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), f =>
        {
            using var stream = File.OpenRead(f);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }

    private static string[] Server(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return [$"--host={b.Host}", $"--port={b.Port}", $"--username={b.Username}"];
    }

    private static string[] Target(string connectionString) => [.. Server(connectionString), $"--dbname={Database(connectionString)}"];

    /// <summary>The database named in the connection string; backup and restore never guess one.</summary>
    private static string Database(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database is { Length: > 0 } name
            ? name : throw new BackupException("La cadena de conexión no nombra la base de datos (Database=…).");

    private static async Task<string> RunAsync(string tool, string[] arguments, string connectionString, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // The password goes by the environment, never on a command line other users can read.
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.Password is { } password) start.Environment["PGPASSWORD"] = password;
        // The same TLS rule as the app's own connection (libpq's names for Npgsql's modes).
        start.Environment["PGSSLMODE"] = settings.SslMode switch
        {
            SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"No se encontró «{tool}»: instale el cliente de PostgreSQL (apt-get install postgresql-client).");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(ct);
            var output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new BackupException($"{tool} terminó con el código {process.ExitCode}: {(await error).Trim()}");
            return output;
        }
    }
}

public sealed class BackupException(string message) : Exception(message);
