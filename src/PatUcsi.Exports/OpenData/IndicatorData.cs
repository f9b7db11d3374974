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

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [nameof(IndicatorDataRow.Ejercicio)] = "Año del Programa Anual de Trabajo.",
        [nameof(IndicatorDataRow.Unidad)] = "Siglas de la unidad responsable del programa.",
        [nameof(IndicatorDataRow.Formato)] = "Formato oficial del indicador: «Por órgano» u «Objetivos con transversalidad».",
        [nameof(IndicatorDataRow.Objetivo)] = "Número del objetivo específico al que pertenece la línea de acción.",
        [nameof(IndicatorDataRow.LineaDeAccion)] = "Número de la línea de acción (por ejemplo, 1.1).",
        [nameof(IndicatorDataRow.Actividad)] = "Actividad o línea de acción que mide el indicador.",
        [nameof(IndicatorDataRow.Indicador)] = "Nombre del indicador.",
        [nameof(IndicatorDataRow.Dimension)] = "Dimensión del indicador (eficacia, eficiencia, calidad o economía), si el formato la tiene.",
        [nameof(IndicatorDataRow.Tipo)] = "Tipo de indicador: absoluto, porcentaje o razón.",
        [nameof(IndicatorDataRow.MetodoDeCalculo)] = "Fórmula con la que se calcula el indicador.",
        [nameof(IndicatorDataRow.Frecuencia)] = "Cada cuánto se mide: mensual, bimestral, trimestral, semestral o anual.",
        [nameof(IndicatorDataRow.UnidadDeMedida)] = "Unidad en que se expresan la meta y lo alcanzado.",
        [nameof(IndicatorDataRow.LineaBase)] = "Valor de partida del indicador, tal como lo escribe el programa.",
        [nameof(IndicatorDataRow.Meta)] = "Meta anual programada.",
        [nameof(IndicatorDataRow.Tendencia)] = "Sentido esperado: ascendente, descendente o constante.",
        [nameof(IndicatorDataRow.MesInicial)] = "Primer mes (1 a 12) en que el cronograma programa la actividad.",
        [nameof(IndicatorDataRow.MesFinal)] = "Último mes (1 a 12) en que el cronograma programa la actividad.",
        [nameof(IndicatorDataRow.MetaAlcanzada)] = "Lo alcanzado según los informes aprobados; vacío si aún no hay ninguno.",
        [nameof(IndicatorDataRow.MetaPorAlcanzar)] = "Lo que falta para la meta anual.",
        [nameof(IndicatorDataRow.PorcentajeCumplido)] = "Porcentaje de la meta programada a la fecha que se ha alcanzado.",
        [nameof(IndicatorDataRow.MetaProgramadaALaFecha)] = "Meta que el calendario de metas programa hasta la fecha de corte.",
        [nameof(IndicatorDataRow.Semaforo)] = "Semáforo del avance: verde, amarillo o rojo según los umbrales del programa.",
        [nameof(IndicatorDataRow.Estatus)] = "Estatus del indicador: pendiente, en proceso, atrasada, cumplida, cancelada…",
        [nameof(IndicatorDataRow.CifrasAl)] = "Fecha de corte de las cifras (AAAA-MM-DD).",
    };

    /// <summary>Every column of the CSV and JSON, in order, with what it holds (the portal's data dictionary).</summary>
    public static IReadOnlyList<(string Column, string Description)> Columns { get; } =
        typeof(IndicatorDataRow).GetProperties().Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), Descriptions[p.Name])).ToList();

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

    public static byte[] ToJson(ProgramReport report) => ToJson([report]);

    /// <summary>Several programs in one file (the institute's year), one after the other.</summary>
    public static byte[] ToJson(IReadOnlyList<ProgramReport> reports) => JsonSerializer.SerializeToUtf8Bytes(reports.SelectMany(Rows).ToList(), Json);

    /// <summary>Comma-separated, quoted where needed, numbers with a point, UTF-8 with BOM.</summary>
    public static byte[] ToCsv(ProgramReport report) => ToCsv([report]);

    public static byte[] ToCsv(IReadOnlyList<ProgramReport> reports)
    {
        var properties = typeof(IndicatorDataRow).GetProperties();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", properties.Select(p => Quote(JsonNamingPolicy.CamelCase.ConvertName(p.Name)))));
        foreach (var row in reports.SelectMany(Rows))
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
