using PatUcsi.Domain.Calculation;

namespace PatUcsi.Web.Infrastructure;

/// <summary>How numbers and dates are written for users (es-MX).</summary>
public static class Format
{
    public static string Number(decimal value) => value.ToString("#,##0.####", AppSetup.Culture);

    /// <summary>Percentages with one decimal; "N/A" where none applies.</summary>
    public static string Percent(decimal? value) => value is null ? "N/A" : value.Value.ToString("0.0", AppSetup.Culture);

    /// <summary>Meta alcanzada: "—" while nothing has been approved (the workbook leaves the cell empty).</summary>
    public static string Achieved(IndicatorFigures? figures) =>
        figures is { HasValues: true } f ? Number(Math.Round(f.Achieved, 2)) : "—";

    /// <summary>"22 de julio de 2024".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d 'de' MMMM 'de' yyyy", AppSetup.Culture);

    public static string TrafficLightClass(TrafficLight light) => light switch
    {
        TrafficLight.Green => "light-green",
        TrafficLight.Yellow => "light-yellow",
        TrafficLight.Red => "light-red",
        _ => "light-none",
    };
}
