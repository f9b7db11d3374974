using Microsoft.Extensions.Logging.Abstractions;
using PatUcsi.Data.Seeding;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Reporting;
using PatUcsi.Tests;
using PatUcsi.Domain;

namespace PatUcsi.Data.Tests;

/// <summary>The one model the program page and the exports render, built from the seeded program.</summary>
public class ProgramReportTests
{
    private static async Task<(TestDatabase Database, int ProgramId)> Seeded()
    {
        var database = TestDatabase.Sqlite();
        await using var db = database.Context();
        await DatabaseInitializer.MigrateAsync(db);
        await DatabaseInitializer.SeedAsync(db, RepoPaths.SeedData, NullLogger.Instance);
        return (database, db.Programs.Single().Id);
    }

    [Fact]
    public async Task Rows_follow_the_two_official_formats_with_merged_objective_cells()
    {
        var (database, id) = await Seeded();
        await using var _ = database;
        await using var db = database.Context();

        var report = (await db.ProgramReportAsync(id, new DateOnly(2024, 6, 15)))!;

        Assert.Equal(17, OfficialFormats.ByUnitHeaders.Count);
        Assert.Equal(24, OfficialFormats.TransversalHeaders.Count);
        Assert.Equal(11, report.ByUnitRows.Count);
        Assert.Equal(13, report.TransversalRows.Count);
        var sidepa = report.ByUnitRows.Single(r => r.ActionLineNumber == "6.1");
        var sco = report.ByUnitRows.Single(r => r.ActionLineNumber == "6.2");
        Assert.Equal((2, 0), (sidepa.ObjectiveRowSpan, sco.ObjectiveRowSpan));
        Assert.Equal("6.1 Desarrollar e implementar ajustes menores en el Sistema de Declaración Patrimonial (SIDEPA)", sidepa.ActivityCell);
        Assert.Equal("Remitir los formatos actualizados en atención a las observaciones que realice la DEOE.",
            report.TransversalRows.Single(r => r.ActionLineNumber == "11.2").ActivityCell);
        Assert.Equal("5.1 Desarrollar el Sistema Integral de Asistencia Electoral (SIRAE).",
            report.ByUnitRows.Single(r => r.ObjectiveNumber == 5).ObjectiveText); // the format's own wording
        Assert.Equal("100%", report.TransversalRows.Single(r => r.ActionLineNumber == "13.1").GoalText);
        Assert.Equal(["INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR", "FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO",
            "PROGRAMA ANUAL DE TRABAJO 2024", "UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS"], OfficialFormats.ByUnitTitles(report).Take(4));
        Assert.Equal("Programa Anual de Trabajo UCSI 2024", OfficialFormats.TransversalTitles(report)[2]);
        Assert.Equal(8, report.Group(ObjectiveGroup.Transversal).Count());
    }

    [Fact]
    public async Task Only_approved_progress_is_official_and_submitted_progress_is_preliminary()
    {
        var (database, id) = await Seeded();
        await using var _ = database;
        int lineId;
        await using (var db = database.Context())
        {
            var program = (await db.LoadProgramAsync(id))!;
            lineId = program.ActionLines().Single(l => l.Number == "1.1").Id;
            var january = new PeriodReport(program, 1);
            january.Record(lineId, 1, null, "Informe de enero.");
            january.Submit("capturista", InstituteClock.Default.At(new DateTime(2024, 2, 3, 0, 0, 0, DateTimeKind.Utc)), program.GraceDays);
            january.Approve("titular", new DateTime(2024, 2, 4, 18, 0, 0, DateTimeKind.Utc)); // 11:00 of the 4th in La Paz
            var february = new PeriodReport(program, 2);
            february.Record(lineId, 1, null, "Informe de febrero.");
            february.Submit("capturista", InstituteClock.Default.At(new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc)), program.GraceDays);
            db.PeriodReports.AddRange(january, february);
            await db.SaveChangesAsync();
        }

        await using var check = database.Context();
        var row = (await check.ProgramReportAsync(id, new DateOnly(2024, 3, 15)))!.ByUnitRows.Single(r => r.ActionLineId == lineId);
        Assert.Equal(1, row.Figures!.Achieved);
        Assert.Equal(2, row.Preliminary!.Achieved);
        Assert.Equal(IndicatorStatus.Late, row.Figures.Status); // 1 of 2 programmed: rojo
        Assert.Equal(IndicatorStatus.InProgress, row.Preliminary.Status);

        var beforeApproval = (await check.ProgramReportAsync(id, new DateOnly(2024, 2, 3)))!.ByUnitRows.Single(r => r.ActionLineId == lineId);
        Assert.Equal(0, beforeApproval.Figures!.Achieved); // approved on the 4th: not yet official on the 3rd
    }

    /// <summary>
    /// A quarter's cut-off counts the periods ending in it as approved when the file is made: March is reported and
    /// approved in April, and counts for the first quarter; April's report does not, even approved.
    /// </summary>
    [Fact]
    public async Task A_cut_off_counts_the_quarters_periods_approved_after_it_ends_and_no_later_period()
    {
        var (database, id) = await Seeded();
        await using var _ = database;
        int lineId;
        await using (var db = database.Context())
        {
            var program = (await db.LoadProgramAsync(id))!;
            lineId = program.ActionLines().Single(l => l.Number == "1.1").Id;
            foreach (var (month, approvedOn) in new[] { (3, new DateTime(2024, 4, 5, 18, 0, 0, DateTimeKind.Utc)), (4, new DateTime(2024, 4, 6, 18, 0, 0, DateTimeKind.Utc)) })
            {
                var report = new PeriodReport(program, month);
                report.Record(lineId, 1, null, "Informe.");
                report.Submit("capturista", InstituteClock.Default.At(approvedOn.AddDays(-1)), program.GraceDays);
                report.Approve("titular", approvedOn);
                db.PeriodReports.Add(report);
            }
            await db.SaveChangesAsync();
        }

        await using var check = database.Context();
        var quarterEnd = new DateOnly(2024, 3, 31);
        var asOfQuarterEnd = (await check.ProgramReportAsync(id, quarterEnd))!.ByUnitRows.Single(r => r.ActionLineId == lineId);
        var cutOff = (await check.ProgramReportAsync(id, quarterEnd, new DateOnly(2024, 4, 15)))!.ByUnitRows.Single(r => r.ActionLineId == lineId);
        Assert.Equal(0, asOfQuarterEnd.Figures!.Achieved); // approved on 5 April: not yet on 31 March
        Assert.Equal(1, cutOff.Figures!.Achieved);        // March counts; April, approved too, does not
    }
}
