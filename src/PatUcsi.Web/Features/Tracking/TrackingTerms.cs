using PatUcsi.Domain.Calculation;

namespace PatUcsi.Web.Features.Tracking;

/// <summary>The filters' words in the address (readable, stable links: ?estatus=atrasada&amp;semaforo=rojo).</summary>
public static class TrackingTerms
{
    public static readonly IReadOnlyDictionary<IndicatorStatus, string> Statuses = new Dictionary<IndicatorStatus, string>
    {
        [IndicatorStatus.Pending] = "pendiente",
        [IndicatorStatus.InProgress] = "en-proceso",
        [IndicatorStatus.Late] = "atrasada",
        [IndicatorStatus.Met] = "cumplida",
        [IndicatorStatus.NotMet] = "no-cumplida",
        [IndicatorStatus.Cancelled] = "cancelada",
    };

    public static readonly IReadOnlyDictionary<TrafficLight, string> TrafficLights = new Dictionary<TrafficLight, string>
    {
        [Domain.Calculation.TrafficLight.Green] = "verde",
        [Domain.Calculation.TrafficLight.Yellow] = "amarillo",
        [Domain.Calculation.TrafficLight.Red] = "rojo",
        [Domain.Calculation.TrafficLight.None] = "sin-vencer",
    };

    public static IndicatorStatus? Status(string? word) => Statuses.Where(s => s.Value == word).Select(s => (IndicatorStatus?)s.Key).FirstOrDefault();

    public static TrafficLight? TrafficLight(string? word) => TrafficLights.Where(s => s.Value == word).Select(s => (TrafficLight?)s.Key).FirstOrDefault();
}
