extern alias bench;
using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using bench::PatUcsi.Bench;
using PatUcsi.Data;
using PatUcsi.Data.Seeding;
using PatUcsi.Tests;

namespace PatUcsi.Web.Tests;

/// <summary>
/// The SQL commands each main page sends, counted by an EF interceptor over real HTTP: at most
/// <see cref="MostPerPage"/>, and the same number after the institute grows (more units, more years of the same
/// unit, programs with more indicators, a year of approved progress each). Counted on a page's second request,
/// as users meet it between two saves (the program reports are cached per data version); the first one, which
/// depends on what other pages left in the cache, is reported in the message.
/// </summary>
public sealed class QueryCountTests
{
    private const int MostPerPage = 6;

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }
    }

    private static readonly (string User, string Path)[] Pages =
    [
        ("junta", "/?anio=2024"), ("junta", "/programas/1"), ("junta", "/programas/1/avance"), ("junta", "/programas/1/avance/5"),
        ("junta", "/programas/1/historial"), ("titular.ucsi", "/"), ("titular.ucsi", "/programas/1?fecha=2024-06-15"),
        ("titular.ucsi", "/programas/1/avance/5"), ("capturista.ucsi", "/"), ("admin", "/?anio=2024"), ("admin", "/admin/unidades"),
        ("admin", "/admin/usuarios"), ("titular.ucsi", "/programas/1/seguimiento"), ("titular.ucsi", "/programas/1/seguimiento/1"),
        ("junta", "/institucional?anio=2024"), ("junta", "/institucional/unidades/1"),
    ];

    [Fact]
    public async Task No_page_sends_more_than_six_commands_or_more_as_the_institute_grows()
    {
        var counter = new CommandCounter();
        await using var app = new PatWebFactory();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<PatDbContext>(o => o.AddInterceptors(counter))));
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in Pages.Select(p => p.User).Distinct())
            clients[user] = await PatWebFactory.SignIn(counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), user,
                PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);

        var before = await Count(clients, counter);

        // Three more units with two years each, two more approved years of UCSI, all with 60 indicators and a year of approved progress.
        var source = await DatabaseInitializer.ReadAsync<ProgramDocument>(Path.Combine(RepoPaths.SeedData, "programs", "ucsi-2024.json"));
        PatDbContext Context() => new(app.Database.Options(), null, app.Clock);
        await ScaleData.GenerateAsync(Context, source, units: 3, years: 2, objectives: 30);
        foreach (var year in new[] { 2025, 2026 })
        {
            var document = ScaleData.Program(source, "UCSI", year, 30);
            document.Unit = source.Unit;
            await using (var db = Context())
            {
                var imported = await ProgramImporter.ImportAsync(db, document);
                await using var progress = Context();
                await ScaleData.ApproveYearAsync(progress, imported.Program!.Id);
            }
        }
        var after = await Count(clients, counter);

        var problems = new List<string>();
        foreach (var (page, (cold, warm)) in before)
        {
            var (coldAfter, warmAfter) = after[page];
            if (warm > MostPerPage) problems.Add($"{page}: {warm} commands (at most {MostPerPage})");
            if (warmAfter != warm)
                problems.Add($"{page}: {cold}/{warm} commands (first/second request), {coldAfter}/{warmAfter} after the institute grew");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\nAll: " + string.Join("; ", before.Select(p => $"{p.Key} {p.Value}")));
    }

    private static async Task<Dictionary<string, (int Cold, int Warm)>> Count(Dictionary<string, HttpClient> clients, CommandCounter counter)
    {
        var counts = new Dictionary<string, (int, int)>();
        foreach (var (user, path) in Pages)
        {
            var cold = await CountOne(clients[user], path, counter);
            counts[$"{user} {path}"] = (cold, await CountOne(clients[user], path, counter));
        }
        return counts;
    }

    private static async Task<int> CountOne(HttpClient client, string path, CommandCounter counter)
    {
        counter.Reset();
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return counter.Count;
    }
}
