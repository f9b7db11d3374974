using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace PatUcsi.Web.Infrastructure;

/// <summary>
/// Makes <c>dotnet ef migrations add</c> write provider-neutral code: one set of migrations and one snapshot serve
/// SQLite, PostgreSQL and SQL Server, so none may name a store type (each provider maps the CLR types itself).
/// The design-time context is SQLite (<see cref="Data.DesignTimeFactory"/>); this removes the types it names.
/// </summary>
public sealed partial class NeutralMigrationsGenerator(MigrationsCodeGeneratorDependencies dependencies, CSharpMigrationsGeneratorDependencies csharp)
    : CSharpMigrationsGenerator(dependencies, csharp)
{
    public override string GenerateMigration(string? migrationNamespace, string migrationName,
        IReadOnlyList<MigrationOperation> upOperations, IReadOnlyList<MigrationOperation> downOperations) =>
        Neutral(base.GenerateMigration(migrationNamespace, migrationName, upOperations, downOperations));

    public override string GenerateMetadata(string? migrationNamespace, Type contextType, string migrationName, string migrationId, IModel targetModel) =>
        Neutral(base.GenerateMetadata(migrationNamespace, contextType, migrationName, migrationId, targetModel));

    public override string GenerateSnapshot(string? modelSnapshotNamespace, Type contextType, string modelSnapshotName, IModel model) =>
        Neutral(base.GenerateSnapshot(modelSnapshotNamespace, contextType, modelSnapshotName, model));

    private static string Neutral(string code) => ColumnArgument().Replace(ColumnType().Replace(code, ""), "");

    [GeneratedRegex(@"\r?\n\s*\.HasColumnType\(""[^""]*""\)")]
    private static partial Regex ColumnType();

    [GeneratedRegex(@"type: ""[^""]*"", ")]
    private static partial Regex ColumnArgument();
}

/// <summary>Found by <c>dotnet ef</c> in the startup project.</summary>
public sealed class DesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection) =>
        serviceCollection.AddSingleton<IMigrationsCodeGenerator, NeutralMigrationsGenerator>();
}
