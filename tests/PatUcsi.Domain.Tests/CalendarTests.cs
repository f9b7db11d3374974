using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Tests;

public class CalendarTests
{
    [Theory]
    [InlineData(Frequency.Monthly, 12)]
    [InlineData(Frequency.Bimonthly, 6)]
    [InlineData(Frequency.Quarterly, 4)]
    [InlineData(Frequency.FourMonthly, 3)]
    [InlineData(Frequency.Semiannual, 2)]
    [InlineData(Frequency.Annual, 1)]
    public void Each_frequency_splits_the_whole_year_into_calendar_periods(Frequency frequency, int count)
    {
        var periods = ReportingCalendar.Periods(2024, frequency, 1, 12);

        Assert.Equal(count, periods.Count);
        Assert.Equal(1, periods[0].FirstMonth);
        Assert.Equal(12, periods[^1].LastMonth);
        Assert.Equal(Enumerable.Range(1, count), periods.Select(p => p.Index));
        // Contiguous, no gaps.
        for (var i = 1; i < periods.Count; i++) Assert.Equal(periods[i - 1].LastMonth + 1, periods[i].FirstMonth);
    }

    [Fact]
    public void Only_periods_overlapping_the_action_lines_months_count()
    {
        // Action line 10.1 of UCSI 2024: August to December, bimonthly.
        var periods = ReportingCalendar.Periods(2024, Frequency.Bimonthly, 8, 12);

        Assert.Equal([(7, 8), (9, 10), (11, 12)], periods.Select(p => (p.FirstMonth, p.LastMonth)));
    }

    [Fact]
    public void A_quarter_is_included_when_a_single_month_overlaps()
    {
        var periods = ReportingCalendar.Periods(2024, Frequency.Quarterly, 3, 4);

        Assert.Equal([(1, 3), (4, 6)], periods.Select(p => (p.FirstMonth, p.LastMonth)));
    }

    [Fact]
    public void A_period_is_due_once_its_last_day_plus_the_grace_days_has_passed()
    {
        var february = ReportingCalendar.Periods(2024, Frequency.Monthly, 2, 2)[0];

        Assert.Equal(new DateOnly(2024, 2, 29), february.LastDay); // leap year
        Assert.Equal(new DateOnly(2024, 3, 10), february.DueDate(10));
        Assert.False(february.IsDue(new DateOnly(2024, 3, 10), 10));
        Assert.True(february.IsDue(new DateOnly(2024, 3, 11), 10));
        Assert.True(february.IsDue(new DateOnly(2024, 3, 1), 0));
    }

    [Theory]
    [InlineData(Frequency.Bimonthly, 2, true)]
    [InlineData(Frequency.Bimonthly, 3, false)]
    [InlineData(Frequency.Quarterly, 6, true)]
    [InlineData(Frequency.FourMonthly, 8, true)]
    [InlineData(Frequency.Semiannual, 5, false)]
    [InlineData(Frequency.Annual, 12, true)]
    public void A_period_ends_in_a_month_by_its_frequency(Frequency frequency, int month, bool ends) =>
        Assert.Equal(ends, ReportingCalendar.EndsIn(frequency, month));

    [Fact]
    public void Months_out_of_range_or_reversed_are_refused_in_spanish()
    {
        var reversed = Assert.Throws<DomainException>(() => ReportingCalendar.Periods(2024, Frequency.Monthly, 6, 2));
        Assert.Contains("mes inicial", reversed.Message);
        Assert.Throws<DomainException>(() => ReportingCalendar.Periods(2024, Frequency.Monthly, 0, 2));
        Assert.Throws<DomainException>(() => ReportingCalendar.Periods(2024, Frequency.Monthly, 1, 13));
    }

    [Fact]
    public void Labels_are_spanish()
    {
        Assert.Equal("mayo 2024", ReportingCalendar.Periods(2024, Frequency.Monthly, 5, 5)[0].Label);
        Assert.Equal("enero–febrero 2024", ReportingCalendar.Periods(2024, Frequency.Bimonthly, 1, 1)[0].Label);
    }
}

/// <summary>The cronograma is the one source of a line's months: mes inicial and final, and the periods reported.</summary>
public class ScheduleTests
{
    private static Programs.ActionLine Line()
    {
        var program = new Programs.AnnualProgram(new Units.Unit("UCSI", "Unidad de Cómputo y Servicios Informáticos"), 2024);
        var line = program.AddObjective(1, "Objetivo.", Programs.ObjectiveGroup.UnitActivities).AddActionLine("Línea.", 3, 8);
        line.SetIndicator(new Indicator(new IndicatorDescription("Informe", 6), Measurement.MonthlyCount));
        return line;
    }

    [Fact]
    public void Shading_a_month_outside_the_range_extends_the_line_and_its_periods()
    {
        var line = Line();

        line.ToggleMonth(11, []); // November shaded
        line.ToggleMonth(6, []);  // June cleared

        Assert.Equal((3, 11), (line.FirstMonth!.Value, line.LastMonth!.Value));
        Assert.Equal([3, 4, 5, 7, 8, 11], line.Indicator!.Definition()!.Periods.Select(p => p.LastMonth));
    }

    [Fact]
    public void A_bimonthly_period_counts_when_either_of_its_months_is_shaded()
    {
        var line = Line();
        line.Indicator!.ChangeMeasurement(Measurement.MonthlyCount with { Frequency = Frequency.Bimonthly }, []);
        line.SetSchedule(Programs.MonthSet.Of([3, 12]));

        Assert.Equal([4, 12], line.Indicator.Definition()!.Periods.Select(p => p.LastMonth));
    }

    [Fact]
    public void Clearing_every_month_leaves_the_line_without_months_and_its_indicator_without_periods()
    {
        var line = Line();
        line.SetSchedule(Programs.MonthSet.Empty);

        Assert.Null(line.FirstMonth);
        Assert.Null(line.Indicator!.Definition());
    }

    [Fact]
    public void An_approved_program_refuses_schedule_changes()
    {
        var line = Line();
        line.Objective.Program.Submit();
        line.Objective.Program.Approve(new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc));

        Assert.Throws<DomainException>(() => line.ToggleMonth(9, []));
    }

    [Fact]
    public void Outside_a_draft_no_text_meta_or_measurement_changes()
    {
        var line = Line();
        var program = line.Objective.Program;
        program.Submit();

        var indicator = line.Indicator!;
        Assert.Throws<DomainException>(() => indicator.Describe(indicator.Description with { Goal = 9 }));
        Assert.Throws<DomainException>(() => indicator.ChangeMeasurement(Measurement.MonthlyCount with { Trend = Trend.Decrease }, []));
        Assert.Throws<DomainException>(() => indicator.SetPeriodGoal(3, 1));
        Assert.Throws<DomainException>(() => line.Revise("1.1", "Otra línea."));
        Assert.Throws<DomainException>(() => line.Objective.Describe("Otro objetivo.", Programs.ObjectiveGroup.Transversal, null, null, null));
        Assert.Throws<DomainException>(() => program.Describe(program.Texts with { Mission = "Otra misión" }));
        Assert.Throws<DomainException>(() => program.SetRules(3, program.Thresholds));
        Assert.Equal((6m, "Línea.", 10), (indicator.Goal, line.Text, program.GraceDays));

        program.Return("Corrija la meta.");
        indicator.Describe(indicator.Description with { Goal = 9 });
        Assert.Equal(9, indicator.Goal);
    }

    [Fact]
    public void Once_a_period_is_reported_the_months_and_the_measurement_are_fixed_but_the_meta_is_not()
    {
        var line = Line();
        int[] reported = [5];

        var months = Assert.Throws<DomainException>(() => line.ToggleMonth(11, reported));
        var measurement = Assert.Throws<DomainException>(() => line.Indicator!.ChangeMeasurement(Measurement.MonthlyCount with { Frequency = Frequency.Quarterly }, reported));

        Assert.Contains("La línea 1.1 tiene avances ya enviados (mayo)", months.Message);
        Assert.Contains("su tipo, frecuencia, acumulación y tendencia ya no pueden cambiar", measurement.Message);
        Assert.Equal((Frequency.Monthly, 3, 8), (line.Indicator!.Frequency, line.FirstMonth!.Value, line.LastMonth!.Value));
        line.Indicator.ChangeMeasurement(Measurement.MonthlyCount, reported); // the same: nothing changes
        line.Indicator.Describe(line.Indicator.Description with { Goal = 8 });
        line.ReviseMonths(line.Schedule, reported);
        Assert.Equal(8, line.Indicator.Goal);
    }
}
