using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PatUcsi.Data.Migrations;

/// <summary>
/// The first schema: ASP.NET Core Identity, units, programs and their content, progress and audit.
/// Written by hand (the design-time tools are not available); MigrationSchemaTests prove it gives
/// exactly the schema the model describes, on SQLite and on PostgreSQL.
/// </summary>
[DbContext(typeof(PatDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : SlimMigration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateIdentity(migrationBuilder);
        CreatePrograms(migrationBuilder);
        CreateIndicators(migrationBuilder);
        CreateProgress(migrationBuilder);
        CreateAudit(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "AuditEntries", "Evidence", "ReportEvents", "ProgressEntries", "PeriodReports", "PeriodGoals",
                     "Indicators", "ActionLines", "Objectives", "Abbreviations", "Programs", "AspNetUserTokens",
                     "AspNetUserRoles", "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers",
                     "AspNetRoles", "Units",
                 })
            migrationBuilder.DropTable(table);
    }

    private static void CreateIdentity(MigrationBuilder m)
    {
        m.CreateTable(
            name: "Units",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                ShortName = t.Column<string>(maxLength: 20, nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                HeadName = t.Column<string>(maxLength: 200, nullable: true),
                HeadTitle = t.Column<string>(maxLength: 200, nullable: true),
                IsActive = t.Column<bool>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Units", x => x.Id));
        m.CreateIndex("IX_Units_ShortName", "Units", "ShortName", unique: true);

        m.CreateTable(
            name: "AspNetRoles",
            columns: t => new
            {
                Id = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                Name = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true, filter: m.NotNullFilter("NormalizedName"));

        m.CreateTable(
            name: "AspNetUsers",
            columns: t => new
            {
                Id = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                FullName = t.Column<string>(maxLength: 200, nullable: false),
                UnitId = t.Column<int>(nullable: true),
                IsActive = t.Column<bool>(nullable: false),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUsers", x => x.Id);
                t.ForeignKey("FK_AspNetUsers_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true, filter: m.NotNullFilter("NormalizedUserName"));
        m.CreateIndex("IX_AspNetUsers_UnitId", "AspNetUsers", "UnitId");

        m.CreateTable(
            name: "AspNetRoleClaims",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                RoleId = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");

        m.CreateTable(
            name: "AspNetUserClaims",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                UserId = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        m.CreateTable(
            name: "AspNetUserLogins",
            columns: t => new
            {
                LoginProvider = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                ProviderKey = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        m.CreateTable(
            name: "AspNetUserRoles",
            columns: t => new
            {
                UserId = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                RoleId = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");

        m.CreateTable(
            name: "AspNetUserTokens",
            columns: t => new
            {
                UserId = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                LoginProvider = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                Name = t.Column<string>(maxLength: m.KeyLength(), nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    private static void CreatePrograms(MigrationBuilder m)
    {
        m.CreateTable(
            name: "Programs",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                UnitId = t.Column<int>(nullable: false),
                Year = t.Column<int>(nullable: false),
                State = t.Column<int>(nullable: false),
                ReviewComment = t.Column<string>(nullable: true),
                Mission = t.Column<string>(nullable: true),
                Vision = t.Column<string>(nullable: true),
                Presentation = t.Column<string>(nullable: true),
                LegalFramework = t.Column<string>(nullable: true),
                OrganizationText = t.Column<string>(nullable: true),
                OrganizationNote = t.Column<string>(nullable: true),
                GeneralObjective = t.Column<string>(nullable: true),
                FormatGeneralObjective = t.Column<string>(nullable: true),
                ActionLinesIntro = t.Column<string>(nullable: true),
                ScheduleIntro = t.Column<string>(nullable: true),
                IndicatorsIntro = t.Column<string>(nullable: true),
                SourceNotes = t.Column<string>(nullable: true),
                GraceDays = t.Column<int>(nullable: false),
                GreenThreshold = t.Column<decimal>(precision: 9, scale: 2, nullable: false),
                YellowThreshold = t.Column<decimal>(precision: 9, scale: 2, nullable: false),
                OverachievementThreshold = t.Column<decimal>(precision: 9, scale: 2, nullable: false),
                Version = t.Column<int>(nullable: false),
                SignatureDate = t.Column<DateOnly>(nullable: true),
                SignatureName = t.Column<string>(maxLength: 200, nullable: true),
                SignaturePlace = t.Column<string>(maxLength: 200, nullable: true),
                SignatureTitle = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Programs", x => x.Id);
                t.ForeignKey("FK_Programs_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Restrict);
            });
        m.CreateIndex("IX_Programs_UnitId_Year", "Programs", ["UnitId", "Year"], unique: true);

        m.CreateTable(
            name: "Abbreviations",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                ProgramId = t.Column<int>(nullable: false),
                Acronym = t.Column<string>(maxLength: 60, nullable: false),
                Meaning = t.Column<string>(maxLength: 500, nullable: false),
                Position = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Abbreviations", x => x.Id);
                t.ForeignKey("FK_Abbreviations_Programs_ProgramId", x => x.ProgramId, "Programs", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_Abbreviations_ProgramId_Position", "Abbreviations", ["ProgramId", "Position"]);

        m.CreateTable(
            name: "Objectives",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                ProgramId = t.Column<int>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Text = t.Column<string>(nullable: false),
                Group = t.Column<int>(nullable: false),
                ProgramName = t.Column<string>(nullable: true),
                Policies = t.Column<string>(nullable: true),
                FormatText = t.Column<string>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Objectives", x => x.Id);
                t.ForeignKey("FK_Objectives_Programs_ProgramId", x => x.ProgramId, "Programs", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_Objectives_ProgramId_Number", "Objectives", ["ProgramId", "Number"]);

        m.CreateTable(
            name: "ActionLines",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                ObjectiveId = t.Column<int>(nullable: false),
                Number = t.Column<string>(maxLength: 20, nullable: false),
                Position = t.Column<int>(nullable: false),
                Text = t.Column<string>(nullable: false),
                FirstMonth = t.Column<int>(nullable: true),
                LastMonth = t.Column<int>(nullable: true),
                ScheduledMonths = t.Column<int>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActionLines", x => x.Id);
                t.ForeignKey("FK_ActionLines_Objectives_ObjectiveId", x => x.ObjectiveId, "Objectives", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_ActionLines_ObjectiveId_Position", "ActionLines", ["ObjectiveId", "Position"]);
    }

    private static void CreateIndicators(MigrationBuilder m)
    {
        m.CreateTable(
            name: "Indicators",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                ActionLineId = t.Column<int>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Dimension = t.Column<int>(nullable: true),
                Type = t.Column<int>(nullable: false),
                CalculationMethod = t.Column<string>(nullable: true),
                Value1Label = t.Column<string>(maxLength: 500, nullable: true),
                Value2Label = t.Column<string>(maxLength: 500, nullable: true),
                Frequency = t.Column<int>(nullable: false),
                UnitOfMeasure = t.Column<string>(maxLength: 200, nullable: true),
                BaselineText = t.Column<string>(nullable: true),
                Baseline = t.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Goal = t.Column<decimal>(precision: 18, scale: 4, nullable: false),
                GoalText = t.Column<string>(maxLength: 200, nullable: true),
                Trend = t.Column<int>(nullable: false),
                Budget = t.Column<string>(maxLength: 200, nullable: true),
                Observations = t.Column<string>(nullable: true),
                VerifiableIn = t.Column<string>(maxLength: 500, nullable: true),
                Accumulates = t.Column<bool>(nullable: false),
                ActivityText = t.Column<string>(nullable: true),
                GreenThreshold = t.Column<decimal>(precision: 9, scale: 2, nullable: true),
                YellowThreshold = t.Column<decimal>(precision: 9, scale: 2, nullable: true),
                OverachievementThreshold = t.Column<decimal>(precision: 9, scale: 2, nullable: true),
                IsCancelled = t.Column<bool>(nullable: false),
                CancellationReason = t.Column<string>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Indicators", x => x.Id);
                t.ForeignKey("FK_Indicators_ActionLines_ActionLineId", x => x.ActionLineId, "ActionLines", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_Indicators_ActionLineId", "Indicators", "ActionLineId", unique: true);

        m.CreateTable(
            name: "PeriodGoals",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                IndicatorId = t.Column<int>(nullable: false),
                LastMonth = t.Column<int>(nullable: false),
                Goal = t.Column<decimal>(precision: 18, scale: 4, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PeriodGoals", x => x.Id);
                t.ForeignKey("FK_PeriodGoals_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_PeriodGoals_IndicatorId_LastMonth", "PeriodGoals", ["IndicatorId", "LastMonth"], unique: true);
    }

    private static void CreateProgress(MigrationBuilder m)
    {
        m.CreateTable(
            name: "PeriodReports",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                ProgramId = t.Column<int>(nullable: false),
                Month = t.Column<int>(nullable: false),
                State = t.Column<int>(nullable: false),
                SubmittedBy = t.Column<string>(maxLength: 256, nullable: true),
                SubmittedAt = t.Column<DateTime>(nullable: true),
                ApprovedBy = t.Column<string>(maxLength: 256, nullable: true),
                ApprovedAt = t.Column<DateTime>(nullable: true),
                ReviewComment = t.Column<string>(nullable: true),
                IsLate = t.Column<bool>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PeriodReports", x => x.Id);
                t.ForeignKey("FK_PeriodReports_Programs_ProgramId", x => x.ProgramId, "Programs", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_PeriodReports_ProgramId_Month", "PeriodReports", ["ProgramId", "Month"], unique: true);

        m.CreateTable(
            name: "ReportEvents",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                PeriodReportId = t.Column<int>(nullable: false),
                Action = t.Column<int>(nullable: false),
                User = t.Column<string>(maxLength: 256, nullable: false),
                At = t.Column<DateTime>(nullable: false),
                Comment = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReportEvents", x => x.Id);
                t.ForeignKey("FK_ReportEvents_PeriodReports_PeriodReportId", x => x.PeriodReportId, "PeriodReports", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_ReportEvents_PeriodReportId", "ReportEvents", "PeriodReportId");

        m.CreateTable(
            name: "ProgressEntries",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                PeriodReportId = t.Column<int>(nullable: false),
                ActionLineId = t.Column<int>(nullable: false),
                Value1 = t.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Value2 = t.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Narrative = t.Column<string>(nullable: true),
                ReviewComment = t.Column<string>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ProgressEntries", x => x.Id);
                t.ForeignKey("FK_ProgressEntries_ActionLines_ActionLineId", x => x.ActionLineId, "ActionLines", "Id", onDelete: ReferentialAction.Restrict);
                t.ForeignKey("FK_ProgressEntries_PeriodReports_PeriodReportId", x => x.PeriodReportId, "PeriodReports", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_ProgressEntries_ActionLineId", "ProgressEntries", "ActionLineId");
        m.CreateIndex("IX_ProgressEntries_PeriodReportId_ActionLineId", "ProgressEntries", ["PeriodReportId", "ActionLineId"], unique: true);

        m.CreateTable(
            name: "Evidence",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                ProgressEntryId = t.Column<int>(nullable: false),
                Reference = t.Column<string>(maxLength: 500, nullable: true),
                FileName = t.Column<string>(maxLength: 260, nullable: true),
                StoredName = t.Column<string>(maxLength: 260, nullable: true),
                ContentType = t.Column<string>(maxLength: 200, nullable: true),
                Size = t.Column<long>(nullable: true),
                AddedBy = t.Column<string>(maxLength: 256, nullable: false),
                AddedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Evidence", x => x.Id);
                t.ForeignKey("FK_Evidence_ProgressEntries_ProgressEntryId", x => x.ProgressEntryId, "ProgressEntries", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_Evidence_ProgressEntryId", "Evidence", "ProgressEntryId");
    }

    private static void CreateAudit(MigrationBuilder m)
    {
        m.CreateTable(
            name: "AuditEntries",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                At = t.Column<DateTime>(nullable: false),
                User = t.Column<string>(maxLength: 256, nullable: false),
                Action = t.Column<int>(nullable: false),
                EntityType = t.Column<string>(maxLength: 200, nullable: false),
                EntityKey = t.Column<string>(maxLength: 200, nullable: false),
                ProgramId = t.Column<int>(nullable: true),
                Before = t.Column<string>(nullable: true),
                After = t.Column<string>(nullable: true),
                Reason = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        m.CreateIndex("IX_AuditEntries_EntityType_EntityKey", "AuditEntries", ["EntityType", "EntityKey"]);
        m.CreateIndex("IX_AuditEntries_ProgramId_At", "AuditEntries", ["ProgramId", "At"]);
    }
}
