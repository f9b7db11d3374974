using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PatUcsi.Data.Migrations;

/// <summary>The network address each audited change came from (written by hand, like the first migration).</summary>
[DbContext(typeof(PatDbContext))]
[Migration("20261202000000_AuditAddress")]
public sealed class AuditAddress : SlimMigration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "Address", table: "AuditEntries", maxLength: 45, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Address", table: "AuditEntries");
}
