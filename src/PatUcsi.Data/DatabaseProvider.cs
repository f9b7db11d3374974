using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PatUcsi.Data;

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> ("Sqlite", the default,
/// "PostgreSQL" or "SqlServer") and <c>ConnectionStrings:Pat</c>.
/// </summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";
    public const string SqlServer = "SqlServer";

    /// <summary>The SQLite file used when no connection string is configured, under the app's data folder.</summary>
    public static string DefaultSqliteConnection(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "pat.db") }.ToString();
    }

    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, string? provider, string connectionString)
    {
        switch (provider?.Trim().ToUpperInvariant())
        {
            case null or "" or "SQLITE":
                options.UseSqlite(connectionString);
                break;
            case "POSTGRESQL" or "POSTGRES" or "NPGSQL":
                // Server databases retry what fails for a moment (a restart, a dropped connection); saving supports it.
                options.UseNpgsql(connectionString, o => o.EnableRetryOnFailure());
                break;
            case "SQLSERVER" or "MSSQL":
                // Its conventions add NULL filters the shared snapshot lacks (the migrations write them): the check is only logged.
                options.UseSqlServer(connectionString, o => o.EnableRetryOnFailure())
                    .ConfigureWarnings(w => w.Log(RelationalEventId.PendingModelChangesWarning));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider «{provider}» no es válido: use «{Sqlite}», «{PostgreSql}» o «{SqlServer}».");
        }
        // EF refuses to migrate when the model has changed since the snapshot (a change without its migration).
        return options;
    }
}
