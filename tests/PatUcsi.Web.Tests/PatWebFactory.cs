using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatUcsi.Domain;
using PatUcsi.Tests;

namespace PatUcsi.Web.Tests;

/// <summary>
/// The real app, in process, on its own real database (SQLite file or PostgreSQL). The database is a copy of one
/// the app itself migrated and seeded once per test run (with the demo users), so each test starts from the same
/// data without paying for it again; at start the app finds nothing left to do.
/// </summary>
/// <param name="settings">Settings this test changes (e.g. Proxy:KnownProxies:0).</param>
/// <param name="emptyDatabase">Start on an empty database instead (what the app does on its first start).</param>
public sealed class PatWebFactory(string provider = "Sqlite", IReadOnlyDictionary<string, string>? settings = null, bool emptyDatabase = false)
    : WebApplicationFactory<Program>
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<TestDatabase>> Templates = new();

    /// <summary>The database the app makes on its first start with the demo users, made once per provider and test run.</summary>
    private static TestDatabase Template(string provider) => Templates.GetOrAdd(provider, p => new(() =>
    {
        var factory = new PatWebFactory(p, emptyDatabase: true) { _keepDatabase = true };
        _ = factory.Services; // started: migrated, seeded, users created
        factory.DisposeAsync().AsTask().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => factory.Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return factory.Database;
    })).Value;

    private bool _keepDatabase;

    /// <summary>Where this app writes its log files.</summary>
    public string LogFolder { get; } = Directory.CreateTempSubdirectory("pat-logs").FullName;

    /// <summary>This app's own evidence folder (outside any web root).</summary>
    public string EvidenceFolder { get; } = Directory.CreateTempSubdirectory("pat-evidencia").FullName;

    public TestDatabase Database { get; } = emptyDatabase ? TestDatabase.Create(provider) : TestDatabase.CopyOf(Template(provider));

    /// <summary>The app's time: 2 December 2026, 10:00 in La Paz, unless a test moves it.</summary>
    public FakeTime Time { get; } = new(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero));

    /// <summary>The institute's clock over <see cref="Time"/>: the app's, and the one of the data the tests write directly.</summary>
    public InstituteClock Clock => _clock ??= new InstituteClock(Time, InstituteClock.Zone(InstituteClock.DefaultZoneId));

    private InstituteClock? _clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Pat", Database.ConnectionString);
        builder.UseSetting("Logging:Folder", LogFolder);
        builder.UseSetting("DemoUsers:Enabled", "true");
        builder.UseSetting("Evidence:Folder", EvidenceFolder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The hash format keeps its iteration count, so signing in still checks a real hash; only making one is cheap.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    /// <summary>A client signed in through the real sign-in form (demo accounts: admin, junta, titular.ucsi, capturista.ucsi).</summary>
    public Task<HttpClient> SignedIn(string userName, string password = PatUcsi.Data.Identity.IdentitySeeder.DemoPassword) =>
        SignIn(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), userName, password);

    public static async Task<HttpClient> SignIn(HttpClient client, string userName, string password)
    {
        var response = await client.PostForm("/cuenta/entrar", "/cuenta/entrar", new() { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>
    /// A draft program made from the UCSI 2024 seed file for another year and, optionally, another unit
    /// (the seeded UCSI 2024 is approved, hence read-only). Returns its id.
    /// </summary>
    public async Task<int> CreateDraftProgram(int year = 2025, string unit = "UCSI")
    {
        _ = Services; // the app has started (in memory or on Kestrel): database migrated and seeded
        var document = await PatUcsi.Data.Seeding.DatabaseInitializer.ReadAsync<PatUcsi.Data.Seeding.ProgramDocument>(
            Path.Combine(RepoPaths.SeedData, "programs", "ucsi-2024.json"));
        document.Year = year;
        document.State = "Borrador";
        document.Unit.ShortName = unit;
        await using var db = new PatUcsi.Data.PatDbContext(Database.Options(), null, Clock);
        var result = await PatUcsi.Data.Seeding.ProgramImporter.ImportAsync(db, document);
        return result.Program!.Id;
    }

    /// <summary>Starts the app on a real Kestrel port of this machine and returns its address (http://127.0.0.1:port).</summary>
    public string StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>Everything the app has logged so far.</summary>
    public string Log() => string.Concat(Directory.GetFiles(LogFolder).Select(f =>
    {
        using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }));

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_keepDatabase) await Database.DisposeAsync();
        Directory.Delete(LogFolder, recursive: true);
        Directory.Delete(EvidenceFolder, recursive: true);
    }
}
