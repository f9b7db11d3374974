using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PatUcsi.Data;
using PatUcsi.Data.Backup;
using PatUcsi.Domain.Auditing;
using PatUcsi.Tests;

namespace PatUcsi.Web.Tests;

/// <summary>Many writers at once, backups taken while saves go on, and their restore, on both databases.</summary>
[Collection(HeavyLoad.Name)]
public class DurabilityTests(ITestOutputHelper output)
{
    private const string May = "/programas/1/avance/5";
    private const int Writers = 50;
    private const int Attempts = 3;

    /// <summary>What each writer was told, and what the audit kept of the field it wrote, oldest first.</summary>
    private static void AssertNoLostUpdate(IReadOnlyList<(string Value, HttpStatusCode Status, string Body)> answers, string conflict,
        IReadOnlyList<(string? Before, string? After)> chain, string? initial, string final)
    {
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)a.Status}: {a.Body[..Math.Min(300, a.Body.Length)]}"));
        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.Redirect).Select(a => a.Value).ToList();
        Assert.NotEmpty(acknowledged);
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.OK), a => Assert.Contains(conflict, a.Body));
        Assert.All(answers, a => Assert.DoesNotContain("locked", a.Body, StringComparison.OrdinalIgnoreCase));
        // Every acknowledged save is in the history once, each one starting from the value the previous one left:
        // none was overwritten by a save that had not seen it.
        Assert.Equal(acknowledged.Order(), chain.Select(c => c.After!).Order());
        var previous = initial;
        foreach (var (before, after) in chain)
        {
            Assert.Equal(previous, before);
            previous = after;
        }
        Assert.Equal(previous, final);
    }

    /// <summary>
    /// Each writer saves <see cref="Attempts"/> times (open the page, post a value of its own); the first time all
    /// of them post together from the same version, then each goes on at its own pace.
    /// </summary>
    private static async Task<List<(string Value, HttpStatusCode Status, string Body)>> AllAtOnce(HttpClient client, string page, Func<string, int, int, HttpContent> form)
    {
        var ready = 0;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = await Task.WhenAll(Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            var mine = new List<(string, HttpStatusCode, string)>();
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                var html = await (await client.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
                if (attempt == 1)
                {
                    if (Interlocked.Increment(ref ready) == Writers) go.SetResult();
                    await go.Task;
                }
                using var response = await client.PostAsync(new Uri(page, UriKind.Relative), form(html, writer, attempt));
                mine.Add((Value(writer, attempt), response.StatusCode, await response.Body()));
            }
            return mine;
        })));
        return answers.SelectMany(a => a).ToList();
    }

    /// <summary>What writer <paramref name="writer"/> writes on its attempt: a number no other save writes.</summary>
    private static string Value(int writer, int attempt) => (writer * 10 + attempt).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<(string? Before, string? After)> Chain(IEnumerable<AuditEntry> entries, string field) =>
        entries.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => (Read(e.Before, field), Read(e.After, field)))
            .Where(c => c.Item1 != c.Item2).ToList();

    private static string? Read(string? json, string field) =>
        json is not null && JsonDocument.Parse(json).RootElement.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.Number ? Plain(v.GetDecimal()) : v.ToString()
            : null;

    /// <summary>A number as the writers typed it (PostgreSQL gives 6.0000 back for 6).</summary>
    private static string Plain(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Fifty_writers_on_one_report_and_on_one_indicator_lose_no_update(string provider)
    {
        await using var factory = new PatWebFactory(provider);
        var capturista = await factory.SignedIn("capturista.ucsi");
        var titular = await factory.SignedIn("titular.ucsi");
        var prep = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        var first = await ProgressTests.PostPeriod(capturista, May, new() { [$"Lines[{prep}].Value1"] = "1", [$"Lines[{prep}].Narrative"] = "Inicio", ["Accion"] = "guardar" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var report = await AllAtOnce(capturista, May, (html, writer, attempt) =>
            ProgressTests.PeriodForm(html, new() { [$"Lines[{prep}].Value1"] = "1", [$"Lines[{prep}].Narrative"] = Value(writer, attempt), ["Accion"] = "guardar" }));

        var programId = await factory.CreateDraftProgram();
        int lineId;
        await using (var db = factory.Database.Context())
            lineId = await db.ActionLines.Where(l => l.Objective.ProgramId == programId && l.Number == "1.1").Select(l => l.Id).SingleAsync();
        var indicatorPage = $"/programas/{programId}/lineas/{lineId}/indicador";
        var indicator = await AllAtOnce(titular, indicatorPage, (html, writer, attempt) =>
        {
            var fields = EditorTests.IndicatorFields(0, Value(writer, attempt));
            fields.Remove("Version"); // the version this writer's page was shown with
            return HttpForms.Form(html, indicatorPage, indicatorPage, fields);
        });

        await using var check = factory.Database.Context();
        var entry = await check.ProgressEntries.SingleAsync(e => e.ActionLineId == check.ActionLines.Where(l => l.Objective.ProgramId == 1 && l.Number == "1.1").Select(l => l.Id).Single()
                                                                 && check.PeriodReports.Any(r => r.Id == e.PeriodReportId && r.Month == 5));
        var entryAudit = await check.AuditEntries.Where(a => a.EntityType == "ProgressEntry" && a.EntityKey == entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Update).ToListAsync();
        AssertNoLostUpdate(report, "Otra persona guardó este informe mientras usted capturaba", Chain(entryAudit, "Narrative"), "Inicio", entry.Narrative!);

        var saved = await check.Indicators.SingleAsync(i => i.ActionLineId == lineId);
        var indicatorAudit = await check.AuditEntries.Where(a => a.EntityType == "Indicator" && a.EntityKey == saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Update).ToListAsync();
        AssertNoLostUpdate(indicator, PatUcsi.Web.Features.Editor.EditorController.ConflictMessage, Chain(indicatorAudit, "Goal"), "6", Plain(saved.Goal));
        Figures.Print(output, $"{provider}: {Writers} escritores × {Attempts} intentos en un informe, {report.Count(r => r.Status == HttpStatusCode.Redirect)} guardados y " +
                         $"{report.Count(r => r.Status == HttpStatusCode.OK)} avisados; {Writers} en un indicador, " +
                         $"{indicator.Count(r => r.Status == HttpStatusCode.Redirect)} guardados y {indicator.Count(r => r.Status == HttpStatusCode.OK)} avisados.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_backup_taken_while_saves_go_on_restores_every_table_and_evidence_file(string provider)
    {
        await using var factory = new PatWebFactory(provider);
        var capturista = await factory.SignedIn("capturista.ucsi");
        var prep = ProgressTests.LineIndex(await capturista.Html(May), "1.1");
        using var stop = new CancellationTokenSource();
        var saves = 0;
        var writing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await ProgressTests.SaveWithEvidence(capturista, prep, saves);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                saves++;
            }
        });
        while (saves < 5) await Task.Delay(50);
        var root = Directory.CreateTempSubdirectory("pat-respaldo").FullName;
        var underWrites = Path.Combine(root, "durante");
        var takenDuring = await DatabaseBackup.CreateAsync(provider, factory.Database.ConnectionString, factory.EvidenceFolder, underWrites, factory.Clock);
        while (saves < 15) await Task.Delay(50);
        await stop.CancelAsync();
        await writing;
        var quiet = Path.Combine(root, "despues");
        var takenAfter = await DatabaseBackup.CreateAsync(provider, factory.Database.ConnectionString, factory.EvidenceFolder, quiet, factory.Clock);

        // The quiet backup, restored into a new database and folder, is the live one table by table and file by file.
        await using var restored = await EmptyDatabase(provider);
        var restoredEvidence = Directory.CreateTempSubdirectory("pat-restaurada").FullName;
        await DatabaseBackup.RestoreAsync(provider, restored.ConnectionString, restoredEvidence, quiet);
        await using (var live = factory.Database.Context())
        await using (var copy = restored.Context())
        {
            var tables = await TableDump.ReadAsync(live);
            Assert.Contains("Evidence", tables.Keys);
            Assert.Equal(tables, await TableDump.ReadAsync(copy));
            Assert.Equal(saves, await copy.Evidence.CountAsync());
        }
        Assert.Equal(Hashes(factory.EvidenceFolder), Hashes(restoredEvidence));

        // The backup taken under writes is consistent: it restores, and every evidence row it holds has its file, unchanged.
        await using var during = await EmptyDatabase(provider);
        var duringEvidence = Directory.CreateTempSubdirectory("pat-restaurada").FullName;
        await DatabaseBackup.RestoreAsync(provider, during.ConnectionString, duringEvidence, underWrites);
        await using (var copy = during.Context())
        {
            var named = await copy.Evidence.Select(e => e.StoredName!).ToListAsync();
            Assert.InRange(named.Count, 5, saves);
            Assert.Equal(named.Order(), Hashes(duringEvidence).Keys.Order());
            var live = Hashes(factory.EvidenceFolder);
            Assert.All(Hashes(duringEvidence), h => Assert.Equal(live[h.Key], h.Value));
            if (provider == DatabaseProvider.Sqlite)
                Assert.Equal("ok", await copy.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync() is [var result] ? result : null);
        }
        Figures.Print(output, $"{provider}: {saves} guardados con evidencia; respaldo durante las escrituras con {takenDuring.EvidenceSha256.Count} archivos, " +
                         $"después con {takenAfter.EvidenceSha256.Count}; restaurados y comparados tabla por tabla.");
    }

    /// <summary>A new database with nothing in it (a PostgreSQL database is created empty, as an administrator would).</summary>
    internal static async Task<TestDatabase> EmptyDatabase(string provider)
    {
        var database = TestDatabase.Create(provider);
        if (provider == DatabaseProvider.PostgreSql)
        {
            var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres" }.ToString());
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        return database;
    }

    internal static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));
}
