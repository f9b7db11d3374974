using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Domain.Calculation;

/// <summary>Rules a goal must keep before it is stored.</summary>
public static class GoalRules
{
    /// <summary>
    /// In an accumulating count the periods add up to the year, so metas calendarizadas that add up to more
    /// than the meta would promise more than the program does. Null when the goals are consistent.
    /// </summary>
    public static string? PeriodGoalsError(IndicatorType type, bool accumulates, decimal goal, IEnumerable<decimal> periodGoals)
    {
        if (type != IndicatorType.Count || !accumulates) return null;
        var sum = periodGoals.Sum();
        return sum > goal
            ? $"Las metas calendarizadas suman {Display.Plain(sum)}, más que la meta ({Display.Plain(goal)}). En un indicador acumulable " +
              "los periodos se suman, así que la suma de sus metas no puede pasar de la meta."
            : null;
    }

    /// <summary>How many times the meta a single period's value may be before it is questioned.</summary>
    public const decimal UnusualFactor = 10;

    /// <summary>
    /// Whether a period's value is far outside what the meta implies (more than ten times the meta, or ten
    /// units when the meta is below one): worth a confirmation, since such values are usually a typing slip.
    /// </summary>
    public static bool IsUnusual(IndicatorType type, decimal goal, decimal value1, decimal? value2) =>
        PeriodValue(type, value1, value2) is { } value && value > UnusualFactor * Math.Max(goal, 1);

    /// <summary>
    /// What one period's values amount to, in the meta's terms: the units of a count, the ratio of a ratio or an
    /// index. Null for a percentage, which cannot pass 100 (valor 1 may not exceed valor 2), and without cases.
    /// </summary>
    public static decimal? PeriodValue(IndicatorType type, decimal value1, decimal? value2) => type switch
    {
        IndicatorType.Count => value1,
        IndicatorType.Percentage => null,
        _ => value2 is > 0 ? value1 / value2.Value : null,
    };
}
