using Microsoft.Extensions.Logging.Abstractions;
using PatUcsi.Data;
using PatUcsi.Data.Seeding;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Reporting;
using PatUcsi.Tests;
using PatUcsi.Domain;

namespace PatUcsi.Exports.Tests;

/// <summary>The UCSI 2024 program from the seed data, with January to May of line 1.1 and two periods of 13.1 approved.</summary>
public sealed class ExportFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    public ProgramReport Report { get; private set; } = null!;

    private PeriodReport _may = null!;

    /// <summary>UCSI with its approved program, and a unit without one.</summary>
    public QuarterlyReport Quarterly() => new(2, new DateOnly(2024, 7, 15), new InstituteOverview(2024, new DateOnly(2024, 6, 30),
    [
        UnitYear.Of(2, "DEOE", "Dirección Ejecutiva de Organización Electoral", 2024, null, null, null, []),
        UnitYear.Of(1, "UCSI", Report.UnitName, 2024, Report.ProgramId, Report.State, Report,
            [.. Enumerable.Range(1, 5).Select(m => new ReportStatus(m, Domain.Progress.ReportState.Approved, m == 5, new DateTime(2024, m + 1, 4, 0, 0, 0, DateTimeKind.Utc)))]),
    ]));

    /// <summary>May's report (approved late), or a copy in another state.</summary>
    public PeriodReportView MayReport(ReportState? state = null)
    {
        var view = PeriodReportView.Build(Report, 5, _may, 10, InstituteClock.Default);
        return state is null ? view : view with { State = state.Value };
    }

    public static readonly DateOnly AsOf = new(2024, 7, 15);

    public async ValueTask InitializeAsync()
    {
        await using var db = _database.Context();
        await DatabaseInitializer.MigrateAsync(db);
        await DatabaseInitializer.SeedAsync(db, RepoPaths.SeedData, NullLogger.Instance);
        var program = (await db.LoadProgramAsync(db.Programs.Single().Id))!;
        var lines = program.ActionLines().ToDictionary(l => l.Number);
        var onTime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var month in new[] { 1, 2, 3, 4, 5 })
        {
            var report = new PeriodReport(program, month);
            report.Record(lines["1.1"].Id, 1, null, $"Informe {month}");
            if (month % 2 == 0) report.Record(lines["13.1"].Id, month == 2 ? 9 : 10, 10, "Solicitudes atendidas");
            var submitted = month == 5 ? new DateTime(2024, 6, 20, 18, 0, 0, DateTimeKind.Utc) : onTime.AddMonths(month).AddDays(3); // May: 11:00 in La Paz
            report.Submit("capturista.ucsi", InstituteClock.Default.At(submitted), program.GraceDays);
            report.Approve("titular.ucsi", submitted.AddDays(1));
            db.PeriodReports.Add(report);
            if (month == 5) _may = report;
        }
        await db.SaveChangesAsync();
        Report = (await db.ProgramReportAsync(program.Id, AsOf))!;
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();
}
