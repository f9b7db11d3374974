using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatUcsi.Data.Auditing;
using PatUcsi.Data.Seeding;
using PatUcsi.Domain.Auditing;
using PatUcsi.Tests;

namespace PatUcsi.Data.Tests;

public class AuditAndConcurrencyTests
{
    private static async Task<TestDatabase> SeededDatabase(string provider)
    {
        var database = TestDatabase.Create(provider);
        await using var db = database.Context();
        await DatabaseInitializer.MigrateAsync(db);
        await DatabaseInitializer.SeedAsync(db, RepoPaths.SeedData, NullLogger.Instance);
        return database;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_edit_is_audited_with_who_when_before_after_and_reason(string provider)
    {
        await using var database = await SeededDatabase(provider);
        var audit = new SystemAuditContext("titular.ucsi") { Reason = "Ajuste de meta" };
        int indicatorId, programId;
        await using (var db = database.Context(audit))
        {
            var indicator = await db.Indicators.Include(i => i.ActionLine).ThenInclude(l => l.Objective).ThenInclude(o => o.Program)
                .SingleAsync(i => i.ActionLine.Number == "1.1");
            indicatorId = indicator.Id;
            programId = indicator.ActionLine.Objective.ProgramId;
            indicator.ActionLine.Objective.Program.Reopen("Ajuste de meta");
            indicator.Describe(indicator.Description with { Goal = 7 });
            await db.SaveChangesAsync();
            Assert.Equal(1, indicator.Version);
        }

        await using var check = database.Context();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == "Indicator" && a.Action == AuditAction.Update);
        Assert.Equal("titular.ucsi", entry.User);
        Assert.Equal("Ajuste de meta", entry.Reason);
        Assert.Equal(indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityKey);
        Assert.Equal(programId, entry.ProgramId);
        Assert.True(DateTime.UtcNow - entry.At < TimeSpan.FromMinutes(5));
        Assert.Equal(6m, JsonDocument.Parse(entry.Before!).RootElement.GetProperty("Goal").GetDecimal());
        Assert.Equal(7m, JsonDocument.Parse(entry.After!).RootElement.GetProperty("Goal").GetDecimal());
        Assert.Equal(1, JsonDocument.Parse(entry.After!).RootElement.GetProperty("Version").GetInt32());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_stale_write_is_refused_never_silently_overwrites(string provider)
    {
        await using var database = await SeededDatabase(provider);
        await using var first = database.Context();
        await using var second = database.Context();
        var a = await first.Indicators.Include(i => i.ActionLine.Objective.Program).SingleAsync(i => i.ActionLine.Number == "2.1");
        var b = await second.Indicators.Include(i => i.ActionLine.Objective.Program).SingleAsync(i => i.ActionLine.Number == "2.1");

        a.ActionLine.Objective.Program.Reopen("Ajuste");
        a.Describe(a.Description with { Goal = 8 });
        await first.SaveChangesAsync();
        b.ActionLine.Objective.Program.Reopen("Ajuste");
        b.Describe(b.Description with { Goal = 9 });

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.Context();
        Assert.Equal(8, (await check.Indicators.SingleAsync(i => i.ActionLine.Number == "2.1")).Goal);
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.EntityType == "Indicator" && e.Action == AuditAction.Update));
    }

    [Fact]
    public async Task Changes_inside_the_signature_block_and_deletes_are_audited()
    {
        await using var database = await SeededDatabase(DatabaseProvider.Sqlite);
        await using (var db = database.Context(new SystemAuditContext("admin")))
        {
            var program = await db.Programs.Include(p => p.Abbreviations).SingleAsync();
            program.Reopen("Corregir el lugar de firma."); // an approved program is changed only once reopened
            program.Describe(program.Texts with { Signature = new PatUcsi.Domain.Programs.SignatureBlock { Name = program.Signature.Name, Title = program.Signature.Title, Place = "San José del Cabo, Baja California Sur", Date = program.Signature.Date } });
            program.SetAbbreviations(program.Abbreviations.OrderBy(a => a.Position).Skip(1).Select(a => (a.Acronym, a.Meaning)).ToList());
            await db.SaveChangesAsync();
        }

        await using var check = database.Context();
        var update = await check.AuditEntries.SingleAsync(e => e.EntityType == "AnnualProgram" && e.Action == AuditAction.Update);
        Assert.Contains("San José del Cabo", update.After);
        Assert.Contains("\"Signature.Place\":\"La Paz, Baja California Sur\"", update.Before);
        var delete = await check.AuditEntries.SingleAsync(e => e.Action == AuditAction.Delete);
        Assert.Equal("Abbreviation", delete.EntityType);
        Assert.Contains("Consejo General", delete.Before);
        Assert.NotNull(delete.ProgramId);
        Assert.Null(delete.After);
    }

    [Fact]
    public async Task Saving_without_changes_writes_no_audit()
    {
        await using var database = await SeededDatabase(DatabaseProvider.Sqlite);
        await using var db = database.Context();
        var count = await db.AuditEntries.CountAsync();
        var indicator = await db.Indicators.FirstAsync();
        indicator.Describe(indicator.Description);

        await db.SaveChangesAsync();

        Assert.Equal(count, await db.AuditEntries.CountAsync());
    }

    /// <summary>Fails the first audit insert as a dropped connection would, once.</summary>
    private sealed class TransientFailureOnce : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public int Failures { get; private set; }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Failures == 0 && command.CommandText.Contains("\"AuditEntries\"", StringComparison.Ordinal))
            {
                Failures++;
                throw new Npgsql.PostgresException("could not serialize access (prueba)", "ERROR", "ERROR", "40001");
            }
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task Under_a_retrying_strategy_a_transient_failure_saves_everything_once_with_its_audit()
    {
        await using var database = await SeededDatabase(DatabaseProvider.PostgreSql);
        var failure = new TransientFailureOnce();
        var builder = new DbContextOptionsBuilder<PatDbContext>();
        builder.Use(database.Provider, database.ConnectionString).AddInterceptors(failure);
        var options = builder.Options;
        await using (var db = new PatDbContext(options, new SystemAuditContext("admin")))
        {
            Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);
            var unit = await db.Units.SingleAsync(u => u.ShortName == "UCSI");
            unit.HeadTitle = "Titular de la Unidad (prueba)";
            db.Units.Add(new PatUcsi.Domain.Units.Unit("UTEST", "Unidad de prueba"));
            await db.SaveChangesAsync();
            Assert.Equal(EntityState.Unchanged, db.Entry(unit).State);
        }

        Assert.Equal(1, failure.Failures);
        await using var check = database.Context();
        Assert.Equal(1, await check.Units.CountAsync(u => u.ShortName == "UTEST"));
        Assert.Equal(1, (await check.Units.SingleAsync(u => u.ShortName == "UCSI")).Version);
        var audit = await check.AuditEntries.Where(a => a.EntityType == "Unit" && a.User == "admin").ToListAsync();
        Assert.Equal([AuditAction.Insert, AuditAction.Update], audit.Select(a => a.Action).Order());
        var inserted = await check.Units.SingleAsync(u => u.ShortName == "UTEST");
        Assert.Equal(inserted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.Single(a => a.Action == AuditAction.Insert).EntityKey);
    }
}
