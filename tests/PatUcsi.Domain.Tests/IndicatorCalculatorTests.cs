using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Tests;

public class IndicatorCalculatorTests
{
    private static readonly DateOnly BeforeYear = new(2023, 12, 15);
    private static readonly DateOnly AfterYear = new(2025, 2, 1);

    /// <summary>Action line 1.1 of UCSI 2024: six monthly reports, January to June, goal 6 documents.</summary>
    private static IndicatorDefinition Documents(decimal goal = 6, int first = 1, int last = 6, bool accumulates = true,
        Frequency frequency = Frequency.Monthly, Trend trend = Trend.Increase, IReadOnlyDictionary<int, decimal>? periodGoals = null) =>
        new(2024, IndicatorType.Count, trend, goal, accumulates, frequency, first, last, 10, TrafficLightThresholds.Default, periodGoals);

    private static IndicatorDefinition Ratio(IndicatorType type = IndicatorType.Percentage, Trend trend = Trend.Increase,
        decimal goal = 100, bool accumulates = true, Frequency frequency = Frequency.Bimonthly, int first = 1, int last = 12,
        IReadOnlyDictionary<int, decimal>? periodGoals = null) =>
        new(2024, type, trend, goal, accumulates, frequency, first, last, 10, TrafficLightThresholds.Default, periodGoals);

    private static PeriodValue V(int month, decimal value1, decimal? value2 = null) => new(month, value1, value2);

    private static IndicatorFigures At(IndicatorDefinition d, int year, int month, int day, params PeriodValue[] values) =>
        IndicatorCalculator.Compute(d, values, new DateOnly(year, month, day));

    // --- meta alcanzada ---

    [Fact]
    public void Accumulating_counts_add_up()
    {
        var f = At(Documents(), 2024, 4, 20, V(1, 1), V(2, 1), V(3, 2));

        Assert.Equal(4, f.Achieved);
        Assert.Equal(2, f.Remaining);
        Assert.Equal(66.7m, f.Percent);
    }

    [Fact]
    public void Non_accumulating_counts_take_the_latest_period()
    {
        var f = At(Documents(accumulates: false), 2024, 4, 20, V(3, 5), V(1, 2), V(2, 9));

        Assert.Equal(5, f.Achieved);
    }

    [Fact]
    public void Accumulating_ratios_divide_the_sums()
    {
        // (3 + 5) / (4 + 6) × 100 = 80, not the mean of 75 and 83.3.
        var f = At(Ratio(), 2024, 5, 20, V(2, 3, 4), V(4, 5, 6));

        Assert.Equal(80, f.Achieved);
        Assert.Equal(80, f.Percent);
        Assert.Equal(20, f.Remaining);
    }

    [Fact]
    public void Non_accumulating_ratios_take_the_latest_periods_ratio()
    {
        var f = At(Ratio(accumulates: false), 2024, 5, 20, V(2, 3, 4), V(4, 5, 10));

        Assert.Equal(50, f.Achieved);
    }

    [Fact]
    public void A_ratio_or_index_has_factor_one()
    {
        var ratio = At(Ratio(IndicatorType.Ratio, goal: 1), 2024, 5, 20, V(2, 3, 4), V(4, 5, 6));
        var index = At(Ratio(IndicatorType.Index, goal: 2), 2024, 5, 20, V(2, 6, 4));

        Assert.Equal(0.8m, ratio.Achieved);
        Assert.Equal(80, ratio.Percent);
        Assert.Equal(1.5m, index.Achieved);
        Assert.Equal(75, index.Percent);
    }

    [Fact]
    public void A_period_with_valor_2_zero_is_sin_casos_and_left_out()
    {
        var f = At(Ratio(), 2024, 7, 20, V(2, 3, 4), V(4, 0, 0), V(6, 1, 1));

        Assert.Equal([4], f.MonthsWithoutCases);
        Assert.Equal(80, f.Achieved); // (3 + 1) / (4 + 1)
    }

    [Fact]
    public void Only_sin_casos_periods_mean_nothing_was_measured()
    {
        var f = At(Ratio(), 2024, 5, 20, V(2, 0, 0), V(4, 0, 0));

        Assert.False(f.HasValues);
        Assert.Equal(0, f.Achieved);
        Assert.Equal([2, 4], f.MonthsWithoutCases);
    }

    [Fact]
    public void Values_for_months_that_close_no_period_are_ignored()
    {
        // Bimonthly: March closes no period.
        var f = At(Ratio(), 2024, 5, 20, V(3, 1, 10), V(2, 5, 5));

        Assert.Equal(100, f.Achieved);
    }

    [Fact]
    public void Values_of_months_outside_the_action_line_are_ignored()
    {
        var f = At(Documents(first: 1, last: 3), 2024, 12, 20, V(1, 1), V(5, 7));

        Assert.Equal(1, f.Achieved);
    }

    // --- value validation ---

    [Fact]
    public void Valor_1_above_valor_2_is_refused_for_a_percentage_only()
    {
        Assert.NotNull(IndicatorCalculator.Validate(IndicatorType.Percentage, 5, 4));
        Assert.Null(IndicatorCalculator.Validate(IndicatorType.Percentage, 4, 4));
        Assert.Null(IndicatorCalculator.Validate(IndicatorType.Ratio, 5, 4));
        Assert.Null(IndicatorCalculator.Validate(IndicatorType.Index, 5, 4));
    }

    [Fact]
    public void Missing_or_negative_values_are_refused()
    {
        Assert.NotNull(IndicatorCalculator.Validate(IndicatorType.Count, null, null));
        Assert.NotNull(IndicatorCalculator.Validate(IndicatorType.Count, -1, null));
        Assert.Null(IndicatorCalculator.Validate(IndicatorType.Count, 0, null));
        Assert.NotNull(IndicatorCalculator.Validate(IndicatorType.Percentage, 1, null));
        Assert.NotNull(IndicatorCalculator.Validate(IndicatorType.Ratio, -1, 3));
        Assert.Null(IndicatorCalculator.Validate(IndicatorType.Percentage, 0, 0)); // sin casos is valid
    }

    // --- percent with goal 0 ---

    [Fact]
    public void Goal_zero_with_increase_is_not_applicable()
    {
        var f = At(Documents(goal: 0), 2024, 4, 20, V(1, 1));

        Assert.Null(f.Percent);
        Assert.NotEqual(IndicatorStatus.Met, f.Status);
    }

    [Fact]
    public void Goal_zero_with_decrease_is_met_only_at_zero()
    {
        var zero = At(Ratio(trend: Trend.Decrease, goal: 0), AfterYear.Year, 1, 20, V(12, 0, 5));
        var some = At(Ratio(trend: Trend.Decrease, goal: 0), AfterYear.Year, 1, 20, V(12, 1, 5));

        Assert.Equal(100, zero.Percent);
        Assert.Equal(IndicatorStatus.Met, zero.Status);
        Assert.Equal(0, some.Percent);
        Assert.Equal(IndicatorStatus.NotMet, some.Status);
    }

    // --- meta programada a la fecha ---

    [Fact]
    public void Nothing_is_programmed_before_the_first_period_is_due()
    {
        var f = At(Documents(), 2024, 2, 10, V(1, 1)); // January is due after Feb 10

        Assert.Equal(0, f.DuePeriods);
        Assert.Null(f.ProgrammedToDate);
        Assert.Null(f.ProgressVsProgrammed);
        Assert.Equal(TrafficLight.None, f.TrafficLight);
    }

    [Fact]
    public void Accumulating_counts_are_programmed_pro_rata_of_due_periods()
    {
        var f = At(Documents(), 2024, 4, 11, V(1, 1), V(2, 1), V(3, 1)); // Jan, Feb, Mar due

        Assert.Equal(3, f.DuePeriods);
        Assert.Equal(6, f.TotalPeriods);
        Assert.Equal(3, f.ProgrammedToDate);
        Assert.Equal(100, f.ProgressVsProgrammed);
        Assert.Equal(TrafficLight.Green, f.TrafficLight);
    }

    [Fact]
    public void Per_period_goals_replace_the_pro_rata()
    {
        var goals = new Dictionary<int, decimal> { [1] = 0, [2] = 0, [3] = 2, [4] = 2, [5] = 1, [6] = 1 };
        var f = At(Documents(periodGoals: goals), 2024, 4, 11, V(3, 1));

        Assert.Equal(2, f.ProgrammedToDate);
        Assert.Equal(50, f.ProgressVsProgrammed);
        Assert.Equal(TrafficLight.Red, f.TrafficLight);
    }

    [Fact]
    public void Ratios_are_programmed_at_their_goal_once_a_period_is_due()
    {
        var f = At(Ratio(goal: 100), 2024, 3, 11, V(2, 8, 10));

        Assert.Equal(100, f.ProgrammedToDate);
        Assert.Equal(80, f.ProgressVsProgrammed);
        Assert.Equal(TrafficLight.Yellow, f.TrafficLight);
    }

    [Fact]
    public void Ratios_with_period_goals_take_the_latest_due_goal()
    {
        var goals = new Dictionary<int, decimal> { [2] = 50, [4] = 80, [6] = 100 };
        var f = At(Ratio(periodGoals: goals), 2024, 5, 11, V(2, 8, 10), V(4, 8, 10));

        Assert.Equal(80, f.ProgrammedToDate);
        Assert.Equal(100, f.ProgressVsProgrammed);
    }

    [Fact]
    public void Progress_against_programmed_uses_the_direction_rules()
    {
        // Reducción: goal 10 errors, 20 measured → 50 % of the programmed.
        var f = At(Ratio(IndicatorType.Ratio, Trend.Decrease, goal: 10, accumulates: false), 2024, 3, 11, V(2, 20, 1));

        Assert.Equal(50, f.ProgressVsProgrammed);
        Assert.Equal(TrafficLight.Red, f.TrafficLight);
    }

    [Fact]
    public void Overachievement_is_flagged_above_130()
    {
        var f = At(Documents(), 2024, 2, 11, V(1, 3)); // 3 against 1 programmed

        Assert.Equal(300, f.ProgressVsProgrammed);
        Assert.Equal(TrafficLight.Green, f.TrafficLight);
        Assert.True(f.Overachievement);
    }

    [Fact]
    public void Per_indicator_thresholds_override_the_programs()
    {
        var lenient = Documents() with { Thresholds = new TrafficLightThresholds(50, 30, 200) };
        var f = At(lenient, 2024, 3, 11, V(1, 1)); // 1 of 2 programmed = 50 %

        Assert.Equal(TrafficLight.Green, f.TrafficLight);
        Assert.Equal(TrafficLight.Red, At(Documents(), 2024, 3, 11, V(1, 1)).TrafficLight);
    }

    // --- estatus ---

    [Fact]
    public void Before_the_first_month_with_nothing_reported_it_is_pending()
    {
        var f = At(Documents(first: 3, last: 6), 2024, 2, 15);

        Assert.Equal(IndicatorStatus.Pending, f.Status);
        Assert.Equal(0, f.Percent);
        Assert.Equal(0, f.Achieved);
    }

    [Fact]
    public void Before_the_year_everything_is_pending_and_nothing_due()
    {
        var f = At(Documents(), BeforeYear.Year, BeforeYear.Month, BeforeYear.Day);

        Assert.Equal(IndicatorStatus.Pending, f.Status);
        Assert.Equal(0, f.DuePeriods);
    }

    [Fact]
    public void Started_with_nothing_due_is_in_progress()
    {
        Assert.Equal(IndicatorStatus.InProgress, At(Documents(), 2024, 1, 20).Status);
    }

    [Fact]
    public void Started_and_behind_is_late()
    {
        var f = At(Documents(), 2024, 4, 11, V(1, 1)); // 1 of 3 programmed

        Assert.Equal(TrafficLight.Red, f.TrafficLight);
        Assert.Equal(IndicatorStatus.Late, f.Status);
    }

    [Fact]
    public void Nothing_reported_when_a_period_is_due_is_late()
    {
        var f = At(Documents(), 2024, 2, 11);

        Assert.Equal(0, f.ProgressVsProgrammed);
        Assert.Equal(IndicatorStatus.Late, f.Status);
    }

    [Fact]
    public void Started_and_on_track_is_in_progress()
    {
        Assert.Equal(IndicatorStatus.InProgress, At(Documents(), 2024, 3, 11, V(1, 1), V(2, 1)).Status);
    }

    [Fact]
    public void Increase_is_met_as_soon_as_it_reaches_100()
    {
        var f = At(Documents(goal: 2), 2024, 2, 1, V(1, 2));

        Assert.Equal(100, f.Percent);
        Assert.Equal(IndicatorStatus.Met, f.Status);
    }

    [Fact]
    public void Decrease_and_constant_are_met_only_once_the_last_period_is_due()
    {
        var decrease = Ratio(IndicatorType.Ratio, Trend.Decrease, goal: 1, accumulates: false);
        var constant = Ratio(IndicatorType.Ratio, Trend.Constant, goal: 1, accumulates: false);

        Assert.Equal(IndicatorStatus.InProgress, At(decrease, 2024, 3, 11, V(2, 1, 1)).Status);
        Assert.Equal(IndicatorStatus.Met, At(decrease, 2025, 1, 11, V(12, 1, 1)).Status);
        Assert.Equal(IndicatorStatus.InProgress, At(constant, 2024, 3, 11, V(2, 1, 1)).Status);
        Assert.Equal(IndicatorStatus.Met, At(constant, 2025, 1, 11, V(12, 1, 1)).Status);
    }

    [Fact]
    public void After_the_last_period_is_due_below_100_is_not_met()
    {
        var f = At(Documents(), AfterYear.Year, AfterYear.Month, AfterYear.Day, V(1, 1), V(2, 1));

        Assert.Equal(6, f.DuePeriods);
        Assert.Equal(6, f.ProgrammedToDate);
        Assert.Equal(IndicatorStatus.NotMet, f.Status);
    }

    [Fact]
    public void Nothing_reported_at_the_end_is_not_met_even_for_decrease()
    {
        var f = At(Ratio(IndicatorType.Ratio, Trend.Decrease, goal: 1), AfterYear.Year, AfterYear.Month, AfterYear.Day);

        Assert.Equal(0, f.Percent);
        Assert.Equal(IndicatorStatus.NotMet, f.Status);
    }

    [Fact]
    public void Cancelled_wins_over_everything()
    {
        var f = At(Documents() with { IsCancelled = true }, 2024, 8, 1, V(1, 6));

        Assert.Equal(IndicatorStatus.Cancelled, f.Status);
    }

    [Fact]
    public void Not_applicable_goal_stays_in_progress_after_the_end()
    {
        var f = At(Documents(goal: 0), AfterYear.Year, AfterYear.Month, AfterYear.Day, V(1, 1));

        Assert.Null(f.Percent);
        Assert.Equal(IndicatorStatus.InProgress, f.Status);
    }

    [Theory]
    [InlineData(Frequency.Monthly, 12)]
    [InlineData(Frequency.Bimonthly, 6)]
    [InlineData(Frequency.Quarterly, 4)]
    [InlineData(Frequency.FourMonthly, 3)]
    [InlineData(Frequency.Semiannual, 2)]
    [InlineData(Frequency.Annual, 1)]
    public void Across_a_year_each_frequency_programs_the_goal_pro_rata(Frequency frequency, int periods)
    {
        var d = Documents(goal: 12, first: 1, last: 12, frequency: frequency);
        var months = (int)frequency;

        for (var due = 0; due <= periods; due++)
        {
            // The day after the due date of the due-th period (or before the first one is due).
            var reference = due == 0 ? new DateOnly(2024, months, 1) : new DateOnly(2024, due * months, 1).AddMonths(1).AddDays(10);
            var f = IndicatorCalculator.Compute(d, [], reference);
            Assert.Equal(due, f.DuePeriods);
            Assert.Equal(due == 0 ? null : 12m * due / periods, f.ProgrammedToDate);
        }
    }
}
