using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Tests;

public class IndicatorSeriesTests
{
    private static readonly DateOnly MidApril = new(2024, 4, 20);

    /// <summary>Six monthly documents, January to June, 10 days of grace.</summary>
    private static IndicatorDefinition Documents(bool accumulates = true, IReadOnlyDictionary<int, decimal>? periodGoals = null) =>
        new(2024, IndicatorType.Count, Trend.Increase, 6, accumulates, Frequency.Monthly, 1, 6, 10, TrafficLightThresholds.Default, periodGoals);

    private static IndicatorDefinition Attended(bool accumulates = true) =>
        new(2024, IndicatorType.Percentage, Trend.Increase, 100, accumulates, Frequency.Bimonthly, 1, 12, 10, TrafficLightThresholds.Default);

    private static PeriodValue V(int month, decimal value1, decimal? value2 = null) => new(month, value1, value2);

    [Fact]
    public void An_accumulating_count_adds_up_its_plan_and_its_values_period_by_period()
    {
        var points = IndicatorSeries.Build(Documents(), [V(1, 1), V(2, 2), V(3, 0)], MidApril);

        Assert.Equal(6, points.Count);
        Assert.Equal([1m, 2m, 3m, 4m, 5m, 6m], points.Select(p => p.Programmed));
        Assert.Equal([1m, 3m, 3m, null, null, null], points.Select(p => p.Achieved));
        Assert.Equal([100m, 150m, 100m, null, null, null], points.Select(p => p.Percent));
        Assert.Equal([true, true, true, false, false, false], points.Select(p => p.IsClosed));
        Assert.Equal([2m, 0m], points.Skip(1).Take(2).Select(p => p.Value1));
    }

    [Fact]
    public void A_closed_period_without_a_report_shows_nothing_achieved_in_it_and_turns_red()
    {
        var points = IndicatorSeries.Build(Documents(), [V(1, 1)], MidApril);

        Assert.Equal(1, points[2].Achieved); // January's one, nothing added in February or March
        Assert.Equal(33.3m, points[2].Percent);
        Assert.Equal(TrafficLight.Red, points[2].TrafficLight);
        Assert.Null(points[2].Value1);
    }

    [Fact]
    public void A_non_accumulating_count_shows_each_periods_latest_value_against_its_own_goal()
    {
        var goals = new Dictionary<int, decimal> { [1] = 2, [2] = 4, [3] = 6 };
        var points = IndicatorSeries.Build(Documents(accumulates: false, periodGoals: goals), [V(1, 2), V(2, 3), V(3, 6)], MidApril);

        Assert.Equal([2m, 4m, 6m], points.Take(3).Select(p => p.Programmed));
        Assert.Equal([2m, 3m, 6m], points.Take(3).Select(p => p.Achieved));
        Assert.Equal([TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Green], points.Take(3).Select(p => p.TrafficLight));
    }

    [Fact]
    public void A_ratio_keeps_each_periods_values_and_accumulates_the_quotient()
    {
        var points = IndicatorSeries.Build(Attended(), [V(2, 3, 4), V(4, 5, 6)], new DateOnly(2024, 5, 20));

        Assert.Equal(75, points[0].Achieved);
        Assert.Equal(80, points[1].Achieved); // (3 + 5) / (4 + 6), not the mean of 75 and 83.3
        Assert.Equal((5m, 6m), (points[1].Value1!.Value, points[1].Value2!.Value));
        Assert.Null(points[2].Achieved); // May–June is open and unreported
        Assert.Equal(100, points[2].Programmed);
    }

    [Fact]
    public void An_early_report_counts_before_its_period_closes()
    {
        var points = IndicatorSeries.Build(Documents(), [V(1, 1), V(2, 1), V(3, 1), V(4, 2)], MidApril);

        Assert.False(points[3].IsClosed);
        Assert.Equal(5, points[3].Achieved);
        Assert.Null(points[4].Achieved);
    }

    [Fact]
    public void The_last_closed_period_has_the_indicators_own_figures()
    {
        var definition = Documents();
        PeriodValue[] values = [V(1, 1), V(2, 2), V(3, 1)];
        var asOf = new DateOnly(2024, 4, 11); // March is due (10 days of grace), April is not

        var last = IndicatorSeries.Build(definition, values, asOf).Last(p => p.IsClosed);
        var figures = IndicatorCalculator.Compute(definition, values, asOf);

        Assert.Equal((figures.ProgrammedToDate, figures.Achieved, figures.ProgressVsProgrammed, figures.TrafficLight),
            (last.Programmed, last.Achieved!.Value, last.Percent, last.TrafficLight));
    }
}
