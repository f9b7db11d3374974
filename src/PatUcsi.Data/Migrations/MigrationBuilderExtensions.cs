using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PatUcsi.Data.Migrations;

/// <summary>
/// Helpers that keep the hand-written migrations provider-neutral: no store type is named (each
/// provider maps the CLR type), and a database-generated key carries every provider's annotation.
/// </summary>
internal static class MigrationBuilderExtensions
{
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .Annotation("SqlServer:Identity", "1, 1");

    /// <summary>
    /// SQL Server lets a unique index hold one NULL only, so its model filters out NULLs on a nullable unique
    /// column; the other providers have no such filter.
    /// </summary>
    public static string? NotNullFilter(this MigrationBuilder m, string column) =>
        IsSqlServer(m) ? $"[{column}] IS NOT NULL" : null;

    /// <summary>A text key or key part: SQL Server cannot index nvarchar(max), so its model gives such columns 450; the others keep text.</summary>
    public static int? KeyLength(this MigrationBuilder m) => IsSqlServer(m) ? 450 : null;

    private static bool IsSqlServer(MigrationBuilder m) => m.ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer";
}

/// <summary>
/// A migration written by hand or scaffolded (see NeutralMigrationsGenerator), without a copy of the whole model:
/// its target model only says which EF version it was written for, so that SQL
/// Server's generator does not add the filters EF 1.x put on every unique index (it adds them when it cannot
/// tell the version); the columns and indexes are all in the operations.
/// </summary>
public abstract class SlimMigration : Migration
{
    protected override void BuildTargetModel(ModelBuilder modelBuilder) => modelBuilder.HasAnnotation("ProductVersion", "10.0.15");
}
