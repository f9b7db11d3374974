using PatUcsi.Domain.Calculation;

namespace PatUcsi.Web.Features.Tracking;

/// <summary>
/// The charts' colours: the semáforo's own, and for the estatus the colours of their badges, darkened where needed so
/// each bar keeps 3:1 against the white page (WCAG 1.4.11); every chart also has its numbers in a table.
/// </summary>
public static class ChartColors
{
    public const string Programmed = "#555555";
    public const string Achieved = "#0a3a82";

    public static string TrafficLight(TrafficLight light) => light switch
    {
        Domain.Calculation.TrafficLight.Green => "#1f7a3a",
        Domain.Calculation.TrafficLight.Yellow => "#b38600",
        Domain.Calculation.TrafficLight.Red => "#c8102e",
        _ => "#767676",
    };

    public static string Status(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "#1f7a3a",
        IndicatorStatus.Late or IndicatorStatus.NotMet => "#c8102e",
        IndicatorStatus.InProgress => "#0a3a82",
        IndicatorStatus.Cancelled => "#4d4d4d",
        _ => "#767676",
    };
}
