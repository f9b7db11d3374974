using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Calculation;

/// <summary>The direction rules shared by "% de la meta cumplido" and "avance respecto de lo programado".</summary>
public static class Compliance
{
    /// <summary>Meta por alcanzar.</summary>
    public static decimal Remaining(Trend trend, decimal goal, decimal achieved) => trend switch
    {
        Trend.Increase => Math.Max(goal - achieved, 0),
        Trend.Decrease => Math.Max(achieved - goal, 0),
        _ => Math.Abs(goal - achieved),
    };

    /// <summary>
    /// Porcentaje de la meta cumplido, not capped at 100; null means "N/A" (a goal of 0 for
    /// Incremento or Constante, where no percentage is meaningful).
    /// </summary>
    public static decimal? Percent(Trend trend, decimal goal, decimal achieved)
    {
        switch (trend)
        {
            case Trend.Increase:
                return goal == 0 ? null : achieved / goal * 100;
            case Trend.Decrease:
                if (goal == 0) return achieved == 0 ? 100 : 0;
                return achieved == 0 ? 100 : goal / achieved * 100;
            default:
                return goal == 0 ? null : Math.Max(0, 100 - Math.Abs(achieved - goal) / goal * 100);
        }
    }

    /// <summary>Percentages are shown, compared and exported with one decimal.</summary>
    public static decimal? Round(decimal? value) =>
        value is null ? null : Math.Round(value.Value, 1, MidpointRounding.AwayFromZero);
}
