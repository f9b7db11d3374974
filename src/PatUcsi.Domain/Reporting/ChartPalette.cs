using PatUcsi.Domain.Calculation;

namespace PatUcsi.Domain.Reporting;

/// <summary>
/// The charts' colours, the same on the pages (Chart.js) and in the PDFs: the semáforo's own, and for the estatus the
/// colours of their badges, darkened where needed so each bar keeps 3:1 against white (WCAG 1.4.11); every chart also
/// has its numbers in a table.
/// </summary>
public static class ChartPalette
{
    public const string Achieved = "#0a3a82";

    /// <summary>The programmed series (drawn dashed beside the achieved one).</summary>
    public const string Programmed = "#555555";

    /// <summary>The mark of the period of the figures' date.</summary>
    public const string Cut = "#b02a37";

    public static string TrafficLight(TrafficLight light) => light switch
    {
        Calculation.TrafficLight.Green => "#1f7a3a",
        Calculation.TrafficLight.Yellow => "#b38600",
        Calculation.TrafficLight.Red => "#c8102e",
        _ => "#767676",
    };

    public static string Status(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => TrafficLight(Calculation.TrafficLight.Green),
        IndicatorStatus.Late or IndicatorStatus.NotMet => TrafficLight(Calculation.TrafficLight.Red),
        IndicatorStatus.InProgress => Achieved,
        IndicatorStatus.Cancelled => "#4d4d4d",
        _ => TrafficLight(Calculation.TrafficLight.None),
    };
}
