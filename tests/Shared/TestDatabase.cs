using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PatUcsi.Data;
using PatUcsi.Data.Auditing;

namespace PatUcsi.Tests;

/// <summary>
/// A real, empty database for one test: a SQLite file in the temp folder, or a new database on the
/// PostgreSQL server named by PAT_TEST_POSTGRES (./test.sh starts one). Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PAT_TEST_POSTGRES";

    private TestDatabase(string provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static TestDatabase Create(string provider) =>
        provider == DatabaseProvider.PostgreSql ? Postgres() : Sqlite();

    public static TestDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pat-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
    }

    public static TestDatabase Postgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL, " +
                $"or set it to a server connection string (Host=…;Username=…;Password=…).");
        // Pooled as the app runs in production: a new server process per query made the PostgreSQL tests several times slower.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"pat_test_{Guid.NewGuid():N}" };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ToString());
    }

    private static readonly SemaphoreSlim Copying = new(1, 1);

    /// <summary>
    /// A new database with the contents of <paramref name="template"/> (a file copy, or PostgreSQL's CREATE DATABASE …
    /// TEMPLATE): what migrating and seeding would give, without doing it again for every test.
    /// </summary>
    public static TestDatabase CopyOf(TestDatabase template)
    {
        var copy = Create(template.Provider);
        Copying.Wait();
        try
        {
            if (template.Provider == DatabaseProvider.Sqlite)
                File.Copy(new SqliteConnectionStringBuilder(template.ConnectionString).DataSource, new SqliteConnectionStringBuilder(copy.ConnectionString).DataSource);
            else
            {
                template.CloseIdleConnections(); // a template must have no session
                copy.OnServer($"CREATE DATABASE \"{copy.Name}\" TEMPLATE \"{template.Name}\"");
            }
        }
        finally
        {
            Copying.Release();
        }
        return copy;
    }

    private string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>Closes this process's pooled connections to this PostgreSQL database.</summary>
    private void CloseIdleConnections()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>Runs a statement on the server's maintenance database (creating or dropping this one).</summary>
    private void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public DbContextOptions<PatDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<PatDbContext>();
        builder.Use(Provider, ConnectionString);
        return builder.Options;
    }

    public PatDbContext Context(IAuditContext? audit = null) => new(Options(), audit);

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            CloseIdleConnections();
            OnServer($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)"); // also when a killed app left a session behind
            return;
        }
        await using var db = Context();
        await db.Database.EnsureDeletedAsync();
    }
}
