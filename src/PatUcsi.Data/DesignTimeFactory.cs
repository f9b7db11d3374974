using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PatUcsi.Data;

/// <summary>
/// What <c>dotnet ef</c> builds the context with: always SQLite, whatever the app is configured for, so the model
/// snapshot and the migrations it scaffolds come out the same on every machine (see docs/architecture.md).
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PatDbContext>
{
    public PatDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PatDbContext>();
        options.Use(DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new PatDbContext(options.Options);
    }
}
