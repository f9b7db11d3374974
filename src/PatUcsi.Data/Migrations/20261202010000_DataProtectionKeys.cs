using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PatUcsi.Data.Migrations;

/// <summary>The data-protection keys in the database, so that every instance reads the same cookies.</summary>
[DbContext(typeof(PatDbContext))]
[Migration("20261202010000_DataProtectionKeys")]
public sealed class DataProtectionKeys : SlimMigration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                FriendlyName = t.Column<string>(nullable: true),
                Xml = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DataProtectionKeys");
}
