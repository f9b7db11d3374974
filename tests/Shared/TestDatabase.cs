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
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"pat_test_{Guid.NewGuid():N}", Pooling = false };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ToString());
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
        await using var db = Context();
        await db.Database.EnsureDeletedAsync();
    }
}
