using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PatUcsi.Domain;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.OpenData;

/// <summary>One indicator with its computed figures, as published in the institute's open-data repository.</summary>
public sealed record IndicatorDataRow(
    int Ejercicio, string Unidad, string Formato, int Objetivo, string LineaDeAccion, string Actividad, string Indicador,
    string? Dimension, string Tipo, string? MetodoDeCalculo, string Frecuencia, string? UnidadDeMedida, string? LineaBase,
    decimal Meta, string Tendencia, int? MesInicial, int? MesFinal, decimal? MetaAlcanzada, decimal? MetaPorAlcanzar,
    decimal? PorcentajeCumplido, decimal? MetaProgramadaALaFecha, string? Semaforo, string Estatus, string CifrasAl);

/// <summary>CSV (UTF-8 with BOM, so Excel reads the accents) and JSON of every indicator of a program.</summary>
public static class IndicatorData
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IReadOnlyList<IndicatorDataRow> Rows(ProgramReport report) =>
        report.Rows.Select(r => new IndicatorDataRow(
            report.Year, report.UnitShortName, r.Format == Domain.Indicators.IndicatorFormat.ByUnit ? "Por órgano" : "Objetivos con transversalidad",
            r.ObjectiveNumber, r.ActionLineNumber, r.Activity, r.Name, IndicatorColumns.Dimension.Text(r), IndicatorColumns.Type.Text(r)!,
            r.CalculationMethod, IndicatorColumns.Frequency.Text(r)!, r.UnitOfMeasure, r.Baseline, r.Goal, IndicatorColumns.Trend.Text(r)!, r.FirstMonth, r.LastMonth,
            r.Figures is { HasValues: true } f ? Math.Round(f.Achieved, 4) : null,
            r.Figures is { } g ? Math.Round(g.Remaining, 4) : null,
            r.Figures?.Percent, r.Figures?.ProgrammedToDate is { } p ? Math.Round(p, 4) : null,
            r.Figures is { } h ? OfficialTerms.TrafficLights[h.TrafficLight] : null, r.StatusText,
            report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
        .ToList();

    public static byte[] ToJson(ProgramReport report) => JsonSerializer.SerializeToUtf8Bytes(Rows(report), Json);

    /// <summary>Comma-separated, quoted where needed, numbers with a point, UTF-8 with BOM.</summary>
    public static byte[] ToCsv(ProgramReport report)
    {
        var properties = typeof(IndicatorDataRow).GetProperties();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", properties.Select(p => Quote(JsonNamingPolicy.CamelCase.ConvertName(p.Name)))));
        foreach (var row in Rows(report))
            csv.AppendLine(string.Join(",", properties.Select(p => Quote(p.GetValue(row) switch
            {
                null => "",
                decimal d => d.ToString("0.####", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                string text => Neutralized(text),
                var v => v.ToString() ?? "",
            }))));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// A text that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return) is
    /// opened as text: a leading apostrophe, as OWASP's CSV injection guidance says, so no user text is ever evaluated.
    /// </summary>
    public static string Neutralized(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
