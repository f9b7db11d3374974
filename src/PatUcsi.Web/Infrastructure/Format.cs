using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Web.Infrastructure;

/// <summary>How the pages write numbers, dates and the semáforo (the documents use the same <see cref="Display"/>).</summary>
public static class Format
{
    public static string Number(decimal value) => Display.Number(value);

    /// <summary>A number as an input's value: no thousands separator, so saving the form again reads it back unchanged.</summary>
    public static string Input(decimal value) => Display.Plain(value);

    public static string Percent(decimal? value) => Display.Percent(value);

    public static string Achieved(IndicatorFigures? figures) => Display.Achieved(figures);

    public static string LongDate(DateOnly date) => Display.LongDate(date);

    /// <summary>"2024-06-10 18:05", for a time already in the institute's zone (lists and histories).</summary>
    public static string DateTime(System.DateTime local) => local.ToString("dd/MM/yyyy HH:mm", Display.Culture);

    public static string TrafficLightClass(TrafficLight light) => light switch
    {
        TrafficLight.Green => "light-green",
        TrafficLight.Yellow => "light-yellow",
        TrafficLight.Red => "light-red",
        _ => "light-none",
    };

    /// <summary>Where a period's report stands, in the words the timelines and tables use.</summary>
    public static string Mark(PeriodMarkKind kind) => kind switch
    {
        PeriodMarkKind.Approved => "aprobado",
        PeriodMarkKind.Submitted => "enviado",
        PeriodMarkKind.Draft => "en captura",
        PeriodMarkKind.Missing => "sin reportar",
        _ => "por venir",
    };
}
