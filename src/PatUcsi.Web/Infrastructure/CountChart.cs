using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Web.Infrastructure;

/// <summary>One bar of a count chart: its label, count and colour, and where its row links (a filter), if anywhere.</summary>
public sealed record CountBar(string Label, int Count, string Colour, string? Href = null, TrafficLight? Light = null);

/// <summary>A bar chart of counts with the same figures in a table beside it (what a screen reader reads).</summary>
public sealed record CountChart(string Id, string Caption, string Column, IReadOnlyList<CountBar> Bars)
{
    public static readonly TrafficLight[] Lights = [TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red, TrafficLight.None];

    /// <param name="href">A row's link from its estatus (null: no links).</param>
    public static CountChart ByStatus(IReadOnlyDictionary<IndicatorStatus, int> counts, Func<IndicatorStatus, string>? href = null) =>
        new("estatus", "Indicadores por estatus", "Estatus", [.. OfficialTerms.Statuses.Select(s =>
            new CountBar(s.Value, counts.GetValueOrDefault(s.Key), ChartPalette.Status(s.Key), href?.Invoke(s.Key)))]);

    public static CountChart ByTrafficLight(IReadOnlyDictionary<TrafficLight, int> counts, Func<TrafficLight, string>? href = null) =>
        new("semaforo", "Indicadores por semáforo", "Semáforo", [.. Lights.Select(l =>
            new CountBar(OfficialTerms.TrafficLights[l], counts.GetValueOrDefault(l), ChartPalette.TrafficLight(l), href?.Invoke(l), l))]);
}
