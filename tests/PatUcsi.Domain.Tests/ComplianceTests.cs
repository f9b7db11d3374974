using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Tests;

public class ComplianceTests
{
    [Theory]
    [InlineData(Trend.Increase, 6, 4, 2)]
    [InlineData(Trend.Increase, 6, 8, 0)]
    [InlineData(Trend.Decrease, 5, 8, 3)]
    [InlineData(Trend.Decrease, 5, 2, 0)]
    [InlineData(Trend.Constant, 10, 7, 3)]
    [InlineData(Trend.Constant, 10, 12, 2)]
    public void Remaining_follows_the_direction(Trend trend, double goal, double achieved, double remaining) =>
        Assert.Equal((decimal)remaining, Compliance.Remaining(trend, (decimal)goal, (decimal)achieved));

    [Theory]
    [InlineData(Trend.Increase, 6, 3, 50)]
    [InlineData(Trend.Increase, 6, 9, 150)] // not capped
    [InlineData(Trend.Decrease, 5, 10, 50)]
    [InlineData(Trend.Decrease, 5, 0, 100)] // nothing to reduce
    [InlineData(Trend.Decrease, 0, 0, 100)]
    [InlineData(Trend.Decrease, 0, 3, 0)]
    [InlineData(Trend.Constant, 10, 10, 100)]
    [InlineData(Trend.Constant, 10, 8, 80)]
    [InlineData(Trend.Constant, 10, 12, 80)]
    [InlineData(Trend.Constant, 10, 25, 0)] // never negative
    public void Percent_follows_the_direction(Trend trend, double goal, double achieved, double percent) =>
        Assert.Equal((decimal)percent, Compliance.Percent(trend, (decimal)goal, (decimal)achieved));

    [Theory]
    [InlineData(Trend.Increase)]
    [InlineData(Trend.Constant)]
    public void A_goal_of_zero_has_no_percentage_for_increase_and_constant(Trend trend) =>
        Assert.Null(Compliance.Percent(trend, 0, 5));

    [Fact]
    public void Percentages_round_to_one_decimal_half_away_from_zero()
    {
        Assert.Equal(66.7m, Compliance.Round(200m / 3));
        Assert.Equal(12.3m, Compliance.Round(12.3499m));
        Assert.Equal(12.4m, Compliance.Round(12.35m));
        Assert.Null(Compliance.Round(null));
    }

    [Theory]
    [InlineData(90, TrafficLight.Green)]
    [InlineData(89.9, TrafficLight.Yellow)]
    [InlineData(70, TrafficLight.Yellow)]
    [InlineData(69.9, TrafficLight.Red)]
    [InlineData(0, TrafficLight.Red)]
    [InlineData(140, TrafficLight.Green)]
    public void Traffic_light_thresholds(double progress, TrafficLight expected) =>
        Assert.Equal(expected, TrafficLightThresholds.Default.Classify((decimal)progress));

    [Fact]
    public void Above_the_overachievement_threshold_is_flagged_not_failed()
    {
        Assert.True(TrafficLightThresholds.Default.IsOverachievement(130.1m));
        Assert.False(TrafficLightThresholds.Default.IsOverachievement(130m));
        Assert.False(TrafficLightThresholds.Default.IsOverachievement(null));
        Assert.Equal(TrafficLight.None, TrafficLightThresholds.Default.Classify(null));
    }

    [Fact]
    public void Custom_thresholds_are_validated()
    {
        Assert.Null(new TrafficLightThresholds(80, 50, 120).Validate());
        Assert.NotNull(new TrafficLightThresholds(60, 70, 130).Validate());
        Assert.NotNull(new TrafficLightThresholds(90, 70, 85).Validate());
        Assert.Equal(TrafficLight.Green, new TrafficLightThresholds(80, 50, 120).Classify(85));
    }
}
