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
}
