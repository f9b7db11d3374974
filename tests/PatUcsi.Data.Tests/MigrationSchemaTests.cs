using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using PatUcsi.Data;
using PatUcsi.Data.Seeding;
using PatUcsi.Domain;
using PatUcsi.Tests;

namespace PatUcsi.Data.Tests;

/// <summary>
/// The migrations are written by hand: migrating an empty database must give exactly the schema
/// that the model describes (created directly from the model), on every provider.
/// </summary>
public class MigrationSchemaTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrating_gives_exactly_the_schema_of_the_model(string provider)
    {
        await using var migrated = TestDatabase.Create(provider);
        await using var fromModel = TestDatabase.Create(provider);
        await using (var db = migrated.Context()) await db.Database.MigrateAsync();
        await using (var db = fromModel.Context()) await db.Database.EnsureCreatedAsync();

        var expected = Describe(provider, fromModel.ConnectionString);
        var actual = Describe(provider, migrated.ConnectionString);

        Assert.Contains(expected, l => l.StartsWith("table Indicators", StringComparison.Ordinal)); // the reader really read
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrating_twice_is_a_no_op_and_every_migration_is_applied(string provider)
    {
        await using var database = TestDatabase.Create(provider);
        await using var db = database.Context();
        await db.Database.MigrateAsync();
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// An installation of the first release holds the seed and a month of progress; migrating it to the last
    /// migration keeps every row and value, and the new columns start empty.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Upgrading_from_the_first_migration_with_data_loses_nothing(string provider)
    {
        // The data, made by today's code on today's schema: the seed, a report sent and approved, its audit.
        await using var today = TestDatabase.Create(provider);
        await using (var db = today.Context(new PatUcsi.Data.Auditing.SystemAuditContext("titular.ucsi")))
        {
            await DatabaseInitializer.MigrateAsync(db);
            await DatabaseInitializer.SeedAsync(db, RepoPaths.SeedData, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            var program = (await db.LoadProgramAsync(1))!;
            var may = new PatUcsi.Domain.Progress.PeriodReport(program, 5);
            may.Record(program.ActionLines().First().Id, 1, null, "Informe de mayo.");
            may.Submit("capturista.ucsi", PatUcsi.Domain.InstituteClock.Default.At(new DateTime(2024, 6, 3, 17, 0, 0, DateTimeKind.Utc)), program.GraceDays);
            may.Approve("titular.ucsi", new DateTime(2024, 6, 4, 17, 0, 0, DateTimeKind.Utc));
            db.PeriodReports.Add(may);
            await db.SaveChangesAsync();
            // The report, its entry and its events got their keys in that save; each audit row still names the program.
            string[] progress = ["PeriodReport", "ProgressEntry", "ReportEvent"];
            Assert.Equal(["PeriodReport", "ProgressEntry", "ReportEvent", "ReportEvent"],
                (await db.AuditEntries.Where(a => progress.Contains(a.EntityType)).Select(a => a.EntityType).ToListAsync()).Order());
            // So does every row the seed inserted in one save (the program and all it holds), units aside.
            Assert.All(await db.AuditEntries.Where(a => a.EntityType != "Unit").ToListAsync(), a => Assert.Equal(1, a.ProgramId));
        }

        // The same rows in a database of the first release (only the columns it had).
        await using var first = TestDatabase.Create(provider);
        await using var old = first.Context();
        await old.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261122000000_Initial");
        await old.Database.OpenConnectionAsync();
        var connection = old.Database.GetDbConnection();
        var tables = old.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var columns = await TableDump.ColumnsAsync(connection, tables);
        Assert.DoesNotContain("Address", columns["AuditEntries"]);
        Assert.False(columns.ContainsKey("DataProtectionKeys"));
        await using (var source = today.Context())
        {
            await source.Database.OpenConnectionAsync();
            await using (var off = connection.CreateCommand())
            {
                off.CommandText = provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica"; // rows in any order
                await off.ExecuteNonQueryAsync();
            }
            foreach (var (table, names) in columns) await CopyAsync(source.Database.GetDbConnection(), connection, table, names);
        }
        var expected = await TableDump.ReadAsync(today.Context(), columns);
        Assert.NotEmpty(expected["ProgressEntries"]);
        await old.Database.CloseConnectionAsync();

        await old.Database.MigrateAsync();

        await using var upgraded = first.Context();
        Assert.Equal(expected, await TableDump.ReadAsync(upgraded, columns));
        Assert.True(await upgraded.AuditEntries.AllAsync(a => a.Address == null));
        Assert.Equal(0, await upgraded.DataProtectionKeys.CountAsync());
        Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync());
    }

    private static async Task CopyAsync(System.Data.Common.DbConnection from, System.Data.Common.DbConnection to, string table, string[] names)
    {
        await using var read = from.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", names.Select(n => $"\"{n}\""))} FROM \"{table}\"";
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            await using var write = to.CreateCommand();
            write.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < names.Length; i++)
            {
                var p = write.CreateParameter();
                p.ParameterName = $"@p{i}";
                p.Value = reader.GetValue(i);
                write.Parameters.Add(p);
            }
            await write.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// A sorted, line-per-fact description of a database: tables, columns with store type,
    /// nullability, default and generation, keys, foreign keys, indexes and unique constraints.
    /// </summary>
    internal static List<string> Describe(string provider, string connectionString)
    {
        var model = Factory(provider).Create(connectionString, new DatabaseModelFactoryOptions());
        var lines = new List<string>();
        // EF's own bookkeeping (history, and the lock SQLite uses while migrating) is not part of the model.
        foreach (var table in model.Tables.Where(t => !t.Name.StartsWith("__EFMigrations", StringComparison.Ordinal)))
        {
            var t = $"table {table.Name}";
            lines.Add(t);
            lines.AddRange(table.Columns.Select(c =>
                $"{t} column {c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")} default={c.DefaultValueSql} " +
                $"computed={c.ComputedColumnSql} generated={c.ValueGenerated} {Annotations(c)}"));
            if (table.PrimaryKey is { } pk) lines.Add($"{t} primary key {pk.Name} ({Columns(pk.Columns)})");
            lines.AddRange(table.ForeignKeys.Select(fk =>
                $"{t} foreign key {fk.Name} ({Columns(fk.Columns)}) -> {fk.PrincipalTable.Name} ({Columns(fk.PrincipalColumns)}) on delete {fk.OnDelete}"));
            lines.AddRange(table.Indexes.Select(i =>
                $"{t} index {i.Name} ({Columns(i.Columns)}) unique={i.IsUnique} filter={i.Filter}"));
            lines.AddRange(table.UniqueConstraints.Select(u => $"{t} unique {u.Name} ({Columns(u.Columns)})"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Columns(IEnumerable<DatabaseColumn> columns) => string.Join(", ", columns.Select(c => c.Name));

    private static string Annotations(DatabaseColumn column) =>
        string.Join(" ", column.GetAnnotations().OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $"{a.Name}={a.Value}"));

    private static IDatabaseModelFactory Factory(string provider)
    {
        var services = new ServiceCollection().AddLogging();
#pragma warning disable EF1001 // The providers' schema readers are internal API; good enough for a test.
        IDesignTimeServices designTime = provider == DatabaseProvider.PostgreSql
            ? new NpgsqlDesignTimeServices()
            : new SqliteDesignTimeServices();
#pragma warning restore EF1001
        if (provider == DatabaseProvider.PostgreSql) services.AddEntityFrameworkNpgsql();
        else services.AddEntityFrameworkSqlite();
        designTime.ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider().GetRequiredService<IDatabaseModelFactory>();
    }
}

/// <summary>
/// SQL Server cannot run here, so its script is checked instead: the migrations' script must create exactly
/// what the model's own create script creates (columns with their types, keys, foreign keys, indexes).
/// </summary>
public class SqlServerScriptTests
{
    private static PatDbContext SqlServer()
    {
        var options = new DbContextOptionsBuilder<PatDbContext>();
        options.Use(DatabaseProvider.SqlServer, "Server=sqlserver.invalid;Database=pat;Integrated Security=true;TrustServerCertificate=true");
        return new PatDbContext(options.Options);
    }

    /// <summary>One line per fact: "table: column or constraint", and every index statement.</summary>
    private static List<string> Facts(string script)
    {
        var facts = new List<string>();
        var statements = System.Text.RegularExpressions.Regex.Replace(script.ReplaceLineEndings("\n"), @"^GO$", "", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim().TrimEnd(';').Trim());
        foreach (var statement in statements)
        {
            if (statement.Contains("__EFMigrationsHistory", StringComparison.Ordinal) || statement is "END" or "COMMIT" or "BEGIN TRANSACTION") continue;
            if (System.Text.RegularExpressions.Regex.Match(statement, @"^CREATE TABLE (\[\w+\]) \((.*)\)$", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } table)
                facts.AddRange(table.Groups[2].Value.Split('\n').Select(l => l.Trim().TrimEnd(',')).Where(l => l.Length > 0).Select(l => $"{table.Groups[1].Value}: {l}"));
            else if (System.Text.RegularExpressions.Regex.Match(statement, @"^ALTER TABLE (\[\w+\]) ADD (.*)$", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } added)
                facts.Add($"{added.Groups[1].Value}: {added.Groups[2].Value.Trim()}");
            else if (statement.StartsWith("CREATE", StringComparison.Ordinal))
                facts.Add(System.Text.RegularExpressions.Regex.Replace(statement, @"\s+", " "));
        }
        facts.Sort(StringComparer.Ordinal);
        return facts;
    }

    [Fact]
    public void The_migrations_create_on_sql_server_exactly_the_schema_of_the_model()
    {
        using var db = SqlServer();
        var migrations = Facts(db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().GenerateScript());
        var model = Facts(db.Database.GenerateCreateScript());

        Assert.Contains("[Programs]: [Id] int NOT NULL IDENTITY", model);
        Assert.Contains("[Indicators]: [Goal] decimal(18,4) NOT NULL", model);
        Assert.Contains("[AuditEntries]: [Address] nvarchar(45) NULL", model);
        Assert.Contains(model, f => f.StartsWith("CREATE UNIQUE INDEX [IX_Units_ShortName]", StringComparison.Ordinal));
        var lacking = model.Except(migrations).ToList();
        var extra = migrations.Except(model).ToList();
        Assert.True(lacking.Count + extra.Count == 0, $"The migrations lack:\n{string.Join("\n", lacking)}\nand have besides:\n{string.Join("\n", extra)}");
    }
}

/// <summary>
/// The model snapshot (what <c>dotnet ef migrations add</c> and <c>has-pending-model-changes</c> compare against) is
/// the model on every provider: it names no store type, so each provider maps the types itself.
/// </summary>
public class ModelSnapshotTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_snapshot_is_the_model_so_no_model_change_is_pending(string provider)
    {
        await using var database = TestDatabase.Create(provider);
        var options = new DbContextOptionsBuilder<PatDbContext>();
        options.Use(provider, database.ConnectionString);
        await using var db = new PatDbContext(options.Options);

        Assert.Empty(Differences(db));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    /// <summary>
    /// SQL Server's conventions put a NULL filter on every unique index of a nullable column, which a snapshot written
    /// without them does not hold (the migrations write those filters: <see cref="SqlServerScriptTests"/>). Those
    /// filters are the only difference, so the app only logs EF's pending-changes check there.
    /// </summary>
    [Fact]
    public async Task On_SQL_Server_only_the_servers_own_null_filters_differ()
    {
        var options = new DbContextOptionsBuilder<PatDbContext>();
        options.Use(DatabaseProvider.SqlServer, "Server=sqlserver.invalid;Database=pat;Integrated Security=true");
        await using var db = new PatDbContext(options.Options);

        var operations = Operations(db);
        var created = operations.OfType<CreateIndexOperation>().ToList();
        Assert.NotEmpty(created);
        Assert.All(created, c => Assert.Equal($"[{Assert.Single(c.Columns)}] IS NOT NULL", c.Filter));
        Assert.Equal(created.Select(c => c.Name).Order(), operations.OfType<DropIndexOperation>().Select(d => d.Name).Order());
        Assert.Equal(2 * created.Count, operations.Count);
    }

    /// <summary>What EF would put in a new migration, named so that a failure says what changed.</summary>
    private static List<string> Differences(PatDbContext db) =>
        [.. Operations(db).Select(o => o switch
        {
            ColumnOperation c => $"{o.GetType().Name} {c.Table}.{c.Name}",
            TableOperation t => $"{o.GetType().Name} {t.Name}",
            CreateIndexOperation i => $"{o.GetType().Name} {i.Table}.{i.Name}",
            DropIndexOperation i => $"{o.GetType().Name} {i.Table}.{i.Name}",
            _ => o.GetType().Name,
        })];

    private static IReadOnlyList<MigrationOperation> Operations(PatDbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;
        if (snapshot is IMutableModel mutable) snapshot = mutable.FinalizeModel();
        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        return db.GetService<IMigrationsModelDiffer>().GetDifferences(snapshot.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
    }

    [Fact]
    public async Task A_model_change_without_its_migration_is_caught()
    {
        await using var database = TestDatabase.Sqlite();
        var options = new DbContextOptionsBuilder<PatDbContext>();
        options.Use(DatabaseProvider.Sqlite, database.ConnectionString).ReplaceService<IModelCustomizer, OneMoreColumn>();
        await using var db = new PatDbContext(options.Options);

        Assert.True(db.Database.HasPendingModelChanges());
    }

    /// <summary>The model with one more column than the migrations and the snapshot know (the same context type, so the same snapshot).</summary>
    private sealed class OneMoreColumn(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Domain.Units.Unit>().Property<string>("Unannounced");
        }
    }
}
