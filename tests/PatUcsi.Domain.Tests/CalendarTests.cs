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
