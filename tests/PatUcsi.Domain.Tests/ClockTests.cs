using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Units;

namespace PatUcsi.Domain.Tests;

/// <summary>Due dates, late marks and cut-offs are the institute's (La Paz, UTC−7), whatever the server's zone.</summary>
public class ClockTests
{
    private static readonly InstituteClock LaPaz = new(TimeProvider.System, InstituteClock.Zone(null));

    private static PeriodReport May()
    {
        var program = new AnnualProgram(new Unit("UCSI", "Unidad de Cómputo y Servicios Informáticos"), 2024);
        program.AddObjective(1, "Implementar el PREP.", ObjectiveGroup.UnitActivities).AddActionLine("Implementar el PREP.", 1, 6);
        var report = new PeriodReport(program, 5);
        report.Record(1, 1, null, "Informe de mayo.");
        return report;
    }

    [Fact]
    public void A_report_sent_at_half_past_eleven_at_night_on_its_due_day_is_on_time()
    {
        // May is due on 10 June (grace of 10 days). 23:30 in La Paz is already 11 June in UTC.
        var report = May();
        var sent = new DateTime(2024, 6, 11, 6, 30, 0, DateTimeKind.Utc);

        report.Submit("capturista", LaPaz.At(sent), 10);

        Assert.Equal(new DateTime(2024, 6, 10, 23, 30, 0), LaPaz.At(sent).Local);
        Assert.False(report.IsLate);
        Assert.Equal(sent, report.SubmittedAt);
    }

    [Fact]
    public void A_report_sent_half_an_hour_after_midnight_is_late()
    {
        var report = May();

        report.Submit("capturista", LaPaz.At(new DateTime(2024, 6, 11, 7, 30, 0, DateTimeKind.Utc)), 10);

        Assert.True(report.IsLate);
    }

    [Fact]
    public void The_day_of_a_cut_off_ends_at_midnight_in_la_paz()
    {
        Assert.Equal(new DateTime(2024, 6, 1, 6, 59, 59, DateTimeKind.Utc), LaPaz.EndOfDayUtc(new DateOnly(2024, 5, 31)).AddTicks(-9_999_999));
        Assert.Equal("America/Mazatlan", LaPaz.LocalTimeZone.Id);
        Assert.Equal(TimeSpan.FromHours(-7), LaPaz.LocalTimeZone.GetUtcOffset(new DateTime(2026, 7, 1)));
    }

    [Fact]
    public void Today_is_the_institutes_date_not_the_servers()
    {
        var late = new FixedTime(new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero)); // 22:00 of 2 December in La Paz
        var clock = new InstituteClock(late, InstituteClock.Zone("America/Mazatlan"));

        Assert.Equal(new DateOnly(2026, 12, 2), clock.Today());
        Assert.Equal(new DateTime(2026, 12, 2, 22, 0, 0), clock.ToLocal(late.GetUtcNow().UtcDateTime));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
