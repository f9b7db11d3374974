using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Input;

namespace PatUcsi.Domain.Tests;

public class InputRulesTests
{
    [Theory]
    [InlineData("1,5", 1.5)]
    [InlineData("1.5", 1.5)]
    [InlineData(" 12 ", 12)]
    [InlineData("0,125", 0.125)]
    [InlineData(",5", 0.5)]
    [InlineData("7.", 7)]
    [InlineData("-3,25", -3.25)]
    [InlineData("1000000", 1000000)]
    public void A_single_comma_or_point_is_the_decimal_sign(string text, double expected)
    {
        var (value, error) = NumberInput.Parse(text);

        Assert.Null(error);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1,5,3")]
    [InlineData("1.000,5")]
    [InlineData("1,000.5")]
    [InlineData("1e3")]
    [InlineData("1 000")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("∞")]
    [InlineData("12%")]
    [InlineData("٣")]
    [InlineData(",")]
    [InlineData("--1")]
    [InlineData("0x1A")]
    [InlineData("79228162514264337593543950335")]
    public void Anything_that_could_be_read_two_ways_or_is_no_number_is_refused(string text)
    {
        var (value, error) = NumberInput.Parse(text);

        Assert.Null(value);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_no_value(string? text) => Assert.Equal((null, null), NumberInput.Parse(text));

    [Theory]
    [InlineData(0, true)]
    [InlineData(1_000_000_000, true)]
    [InlineData(1_000_000_000.0001, false)]
    [InlineData(-0.0001, false)]
    [InlineData(1.2345, true)]
    [InlineData(1.23456, false)]
    public void Quantities_fit_the_stored_columns(double value, bool accepted) =>
        Assert.Equal(accepted, NumberLimits.Quantity.Check((decimal)value) is null);

    [Theory]
    [InlineData(90, true)]
    [InlineData(1000, true)]
    [InlineData(1000.01, false)]
    [InlineData(90.5, true)]
    [InlineData(90.555, false)]
    [InlineData(2147483648, false)]
    public void Thresholds_are_percentages_with_two_decimals(double value, bool accepted) =>
        Assert.Equal(accepted, NumberLimits.Threshold.Check((decimal)value) is null);

    [Fact]
    public void Trailing_zeros_are_not_extra_decimals() =>
        Assert.Null(NumberLimits.Threshold.Check(90.5000m));

    [Fact]
    public void Period_goals_of_an_accumulating_count_may_not_add_up_to_more_than_the_goal()
    {
        Assert.Null(GoalRules.PeriodGoalsError(IndicatorType.Count, true, 6, [2, 2, 2]));
        var error = GoalRules.PeriodGoalsError(IndicatorType.Count, true, 6, [3, 3, 3]);
        Assert.Contains("suman 9", error, StringComparison.Ordinal);
        Assert.Contains("meta (6)", error, StringComparison.Ordinal);
        // Each period stands alone: no sum to compare.
        Assert.Null(GoalRules.PeriodGoalsError(IndicatorType.Count, false, 6, [6, 6, 6]));
        Assert.Null(GoalRules.PeriodGoalsError(IndicatorType.Percentage, true, 100, [100, 100]));
    }

    [Theory]
    [InlineData(IndicatorType.Count, 6, 60, null, false)]
    [InlineData(IndicatorType.Count, 6, 61, null, true)]
    [InlineData(IndicatorType.Count, 6, 1_000_000, null, true)]
    [InlineData(IndicatorType.Count, 0, 10, null, false)]
    [InlineData(IndicatorType.Count, 0, 11, null, true)]
    [InlineData(IndicatorType.Percentage, 100, 5, 5.0, false)]
    [InlineData(IndicatorType.Percentage, 0, 1, 1.0, false)]
    [InlineData(IndicatorType.Ratio, 2, 30, 1.0, true)]
    [InlineData(IndicatorType.Ratio, 2, 30, 0.0, false)]
    public void A_period_value_far_above_the_goal_is_questioned(IndicatorType type, double goal, double value1, double? value2, bool unusual) =>
        Assert.Equal(unusual, GoalRules.IsUnusual(type, (decimal)goal, (decimal)value1, (decimal?)value2));

    [Fact]
    public void Stored_valores_2_that_add_up_to_zero_mark_their_indicator_instead_of_dividing_by_it()
    {
        var definition = new IndicatorDefinition(2024, IndicatorType.Percentage, Trend.Increase, 100, true, Frequency.Monthly, 1, 12, 10, TrafficLightThresholds.Default);

        var figures = IndicatorCalculator.Compute(definition, [new PeriodValue(1, 1, -1), new PeriodValue(2, 1, 1)], new DateOnly(2024, 6, 30));

        Assert.NotNull(figures.Error);
    }

    [Fact]
    public void A_stored_value_out_of_every_range_marks_its_indicator_instead_of_throwing()
    {
        var definition = new IndicatorDefinition(2024, IndicatorType.Count, Trend.Increase, 6, true, Frequency.Monthly, 1, 12, 10, TrafficLightThresholds.Default);

        var figures = IndicatorCalculator.Compute(definition, [new PeriodValue(1, decimal.MaxValue), new PeriodValue(2, decimal.MaxValue)], new DateOnly(2024, 6, 30));

        Assert.NotNull(figures.Error);
        Assert.False(figures.HasValues);
        Assert.Equal(12, figures.TotalPeriods);
        Assert.Null(IndicatorCalculator.Compute(definition, [new PeriodValue(1, 3)], new DateOnly(2024, 6, 30)).Error);
    }
}
