using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PatUcsi.Tests;

namespace PatUcsi.Web.Tests;

/// <summary>The real app, in process, on its own real database (SQLite file or PostgreSQL), seeded at start.</summary>
public sealed class PatWebFactory(string provider = "Sqlite") : WebApplicationFactory<Program>
{
    private readonly string _logs = Directory.CreateTempSubdirectory("pat-logs").FullName;

    public TestDatabase Database { get; } = TestDatabase.Create(provider);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Pat", Database.ConnectionString);
        builder.UseSetting("Logging:Folder", _logs);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_logs, recursive: true);
    }
}
