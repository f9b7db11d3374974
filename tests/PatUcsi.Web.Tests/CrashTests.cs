using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Backup;
using PatUcsi.Domain.Auditing;
using PatUcsi.Tests;

namespace PatUcsi.Web.Tests;

/// <summary>The app as its own process, killed with SIGKILL in the middle of a loop of saves, then started again.</summary>
[Collection(HeavyLoad.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const string May = "/programas/1/avance/5";

    /// <summary>The app built beside this test (same configuration), run with <c>dotnet</c> as a server runs it.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        public AppProcess(IReadOnlyDictionary<string, string> settings, params string[] arguments)
        {
            var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
            var folder = Path.Combine(RepoPaths.Root, "src", "PatUcsi.Web", "bin", configuration, "net10.0");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(folder, "PatUcsi.Web.dll"));
            foreach (var a in arguments) start.ArgumentList.Add(a);
            foreach (var (key, value) in settings) start.Environment[key] = value;
            _process = Process.Start(start)!;
            // Read the output as it comes: a full pipe would stop the app.
            _process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
            _process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Log { get { lock (_log) return _log.ToString(); } }

        public async Task<int> ExitCodeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async Task WaitHealthyAsync(Uri address)
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(200))
            {
                if (_process.HasExited) throw new InvalidOperationException($"The app stopped ({_process.ExitCode}):\n{Log}");
                try
                {
                    if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode) return;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }
            throw new TimeoutException($"The app did not answer /health within a minute:\n{Log}");
        }

        /// <summary>SIGKILL: no shutdown, no flush, as a power cut or the OOM killer would do it.</summary>
        public void KillHard()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited) KillHard();
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_server_killed_during_saves_keeps_every_acknowledged_save_once_and_no_orphan_file(string provider)
    {
        await using var database = TestDatabase.Create(provider);
        var evidence = Directory.CreateTempSubdirectory("pat-evidencia").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = address.ToString(), ["Database__Provider"] = provider,
            ["ConnectionStrings__Pat"] = database.ConnectionString, ["Evidence__Folder"] = evidence, ["DemoUsers__Enabled"] = "true",
            ["Seed__Folder"] = RepoPaths.SeedData, ["Logging__Folder"] = Directory.CreateTempSubdirectory("pat-logs").FullName,
        };

        const int kills = 3;
        var acknowledged = new List<int>();
        var cutOff = new List<int>(); // the save in flight at each kill: stored or not, never half
        var attempted = 0;
        for (var kill = 1; kill <= kills; kill++)
        {
            using var app = new AppProcess(settings);
            await app.WaitHealthyAsync(address);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
            await PatWebFactory.SignIn(client, "capturista.ucsi", PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);
            var prep = ProgressTests.LineIndex(await client.Html(May), "1.1");
            var target = acknowledged.Count + 10;
            var saving = Task.Run(async () =>
            {
                while (true)
                {
                    var i = ++attempted;
                    try
                    {
                        using var response = await ProgressTests.SaveWithEvidence(client, prep, i);
                        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                        lock (acknowledged) acknowledged.Add(i);
                    }
                    catch (HttpRequestException)
                    {
                        cutOff.Add(i);
                        return; // the server is gone
                    }
                }
            });
            while (acknowledged.Count < target) await Task.Delay(10);
            app.KillHard();
            await saving;
        }

        using var second = new AppProcess(settings);
        await second.WaitHealthyAsync(address);
        await using var db = database.Context();
        var narrative = await db.ProgressEntries.Where(e => db.PeriodReports.Any(r => r.Id == e.PeriodReportId && r.ProgramId == 1 && r.Month == 5))
            .Select(e => e.Narrative).SingleAsync();
        var last = int.Parse(narrative!["Guardado ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(last, acknowledged[^1], attempted); // the last acknowledged save, or the one cut off if it committed

        // One audit entry per stored save: every acknowledged one, and at most the one cut off.
        var audited = (await db.AuditEntries.Where(a => a.EntityType == "ProgressEntry").Select(a => a.After).ToListAsync())
            .Select(a => a is null ? null : JsonDocument.Parse(a).RootElement.TryGetProperty("Narrative", out var n) ? n.GetString() : null)
            .OfType<string>().Select(n => int.Parse(n["Guardado ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(audited.Distinct().Count(), audited.Count);
        Assert.Equal(acknowledged, audited.Where(acknowledged.Contains).Order());
        Assert.All(audited.Except(acknowledged), n => Assert.Contains(n, cutOff));
        Assert.Equal(last, audited.Max());
        if (provider == DatabaseProvider.Sqlite)
            Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());

        // Every evidence row has its file, and the file of a save cut off before its commit is swept at start.
        var named = (await db.Evidence.Select(e => e.StoredName!).ToListAsync()).Order().ToList();
        Assert.Equal(audited.Count, named.Count); // each stored save added one file
        for (var deadline = DateTime.UtcNow.AddSeconds(20); Directory.EnumerateFiles(evidence).Count() != named.Count && DateTime.UtcNow < deadline;)
            await Task.Delay(100);
        Assert.Equal(named, Directory.EnumerateFiles(evidence).Select(f => Path.GetFileName(f)).Order());

        // The backup command of the running app, as the README gives it.
        var backup = Path.Combine(Directory.CreateTempSubdirectory("pat-respaldo").FullName, "copia");
        using var command = new AppProcess(settings, "backup", backup);
        Assert.Equal(0, await command.ExitCodeAsync());
        Assert.Contains($"{named.Count} archivos de evidencia", command.Log);
        Assert.Equal(named, Directory.EnumerateFiles(Path.Combine(backup, DatabaseBackup.EvidenceFolder)).Select(f => Path.GetFileName(f)).Order());
        Figures.Print(output, $"{provider}: {kills} kill -9 durante {attempted} guardados intentados, {acknowledged.Count} confirmados, {cutOff.Count} cortados; " +
                         $"tras reiniciar: último guardado {last}, {audited.Count} en la auditoría, {named.Count} evidencias con su archivo.");
    }
}
