using System.Globalization;
using PatUcsi.Domain.Calculation;

namespace PatUcsi.Domain.Reporting;

/// <summary>How numbers and dates are written for people (es-MX), the same on screen and in the documents.</summary>
public static class Display
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("es-MX");

    public static string Number(decimal value) => value.ToString("#,##0.####", Culture);

    /// <summary>A number as it is typed: no thousands separator (in a message about input, "1,000" would read as 1).</summary>
    public static string Plain(decimal value) => value.ToString("0.####", Culture);

    public static string? Plain(decimal? value) => value is { } v ? Plain(v) : null;

    /// <summary>Percentages with one decimal; "N/A" where none applies.</summary>
    public static string Percent(decimal? value) => value is null ? "N/A" : value.Value.ToString("0.0", Culture);

    /// <summary>Meta alcanzada: "—" while nothing has been approved (the workbook leaves the cell empty).</summary>
    public static string Achieved(IndicatorFigures? figures) =>
        figures is { HasValues: true } f ? Number(Math.Round(f.Achieved, 2)) : "—";

    /// <summary>"22 de julio de 2024 a las 18:05" (a time already in the institute's zone).</summary>
    public static string LongDateTime(DateTime local) => $"{LongDate(DateOnly.FromDateTime(local))} a las {local.ToString("HH:mm", Culture)}";

    /// <summary>"22 de julio de 2024".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d 'de' MMMM 'de' yyyy", Culture);
}
