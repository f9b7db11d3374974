using PatUcsi.Domain.Indicators;
using C = PatUcsi.Domain.Reporting.IndicatorColumns;

namespace PatUcsi.Domain.Reporting;

/// <summary>
/// One of the two official indicator formats: its columns in order under their official headers, word for word as
/// the source document prints them (including its "PRESUPUESTO 2023 PROYECTADO"), with each one's widths.
/// </summary>
public sealed record IndicatorTable(
    IndicatorFormat Format,
    IReadOnlyList<Column<IndicatorRow>> Columns,
    /// <summary>The row under the headers that groups the columns: (first column, text); empty when none.</summary>
    IReadOnlyList<(int Column, string Text)> GroupRow,
    double PdfFontSize)
{
    public static readonly IndicatorTable ByUnit = new(IndicatorFormat.ByUnit,
    [
        C.Number.As("NÚMERO", 22, 8), C.Policies.As("POLÍTICAS GENERALES", 58, 22), C.ProgramName.As("NOMBRE DEL PROGRAMA", 58, 22),
        C.Objective.As("OBJETIVO ESPECÍFICO", 62, 30), C.Activity.As("ACTIVIDAD", 80, 40), C.FirstMonth.As("MES INICIAL", 24, 8),
        C.LastMonth.As("MES FINAL", 24, 8), C.Name.As("INDICADOR", 50, 22), C.Method.As("MÉTODO DE CÁLCULO", 56, 26),
        C.Frequency.As("FRECUENCIA DE MEDICIÓN", 36, 12), C.UnitOfMeasure.As("UNIDAD DE MEDIDA", 38, 12), C.Goal.As("META", 26, 9),
        C.Budget.As("PRESUPUESTO", 36, 12), C.Observations.As("OBSERVACIONES", 70, 30),
        C.Achieved.As("UNIDADES CUMPLIDAS AL MOMENTO", 40, 12), C.Percent.As("PORCENTAJE CUMPLIDO (%)", 36, 12), C.Status.As("ESTATUS", 44, 14),
    ], [], 6.5);

    public static readonly IndicatorTable Transversal = new(IndicatorFormat.Transversal,
    [
        C.Number.As("NÚMERO", 20, 8), C.ProgramName.As("PROGRAMA", 50, 26), C.Policies.As("POLÍTICAS", 50, 26),
        C.Objective.As("OBJETIVO ESPECÍFICO", 50, 30), C.Activity.As("LÍNEA DE ACCIÓN", 58, 40), C.FirstMonth.As("MES INICIAL", 20, 8),
        C.LastMonth.As("MES FINAL", 20, 8), C.Dimension.As("DIMENSIÓN DEL INDICADOR (Eficacia, Eficiencia, Economía, Calidad)", 38, 12),
        C.Name.As("INDICADOR (Porcentaje, Índice, Razón)", 46, 26), C.Method.As("MÉTODO DE CÁLCULO", 50, 30),
        C.Frequency.As("FRECUENCIA DE MEDICIÓN", 38, 12), C.UnitOfMeasure.As("UNIDAD DE MEDIDA", 34, 12),
        C.Baseline.As("LÍNEA BASE (Valor inicial del Indicador)", 52, 30), C.Goal.As("META PROPUESTA (Logros del Indicador)", 30, 10),
        C.Trend.As("TENDENCIA (Incremento, Reducción, Constante)", 40, 12), C.Budget.As("PRESUPUESTO 2023 PROYECTADO", 44, 12),
        C.Observations.As("OBSERVACIONES", 40, 24), C.Value1.As("VALOR DE CÁLCULO 1", 40, 24), C.Value2.As("VALOR DE CÁLCULO 2", 40, 24),
        C.Achieved.As("META ALCANZADA (Límites a la fecha)", 32, 12),
        C.Remaining.As("META PROPUESTA vs (1) META ALCANZADA (= Meta por alcanzar)", 36, 14),
        C.VerifiableIn.As("METAS ALCANZADAS VERIFICABLES en", 40, 18), C.Percent.As("PORCENTAJE DE LA META CUMPLIDO (%)", 38, 12),
        C.Status.As("ESTATUS DE la actividad", 38, 14),
    ],
    [(0, "Características del Indicador"), (10, "Dato"), (15, "Dato"), (17, "Fórmula"), (19, "Fórmula"), (21, "Tabla")], 6);

    public static readonly IReadOnlyList<IndicatorTable> All = [ByUnit, Transversal];

    public IReadOnlyList<string> Headers => [.. Columns.Select(c => c.Header)];

    /// <summary>What the workbook writes after the official columns (hidden): the stored fields this format does not show.</summary>
    public IReadOnlyList<Column<IndicatorRow>> HiddenColumns => [.. C.Stored.Where(f => Columns.All(c => c.Key != f.Key))];

    /// <summary>The group row's spans: (first column, last column, text), 0-based.</summary>
    public IEnumerable<(int First, int Last, string Text)> GroupSpans =>
        GroupRow.Select((g, i) => (g.Column, (i + 1 < GroupRow.Count ? GroupRow[i + 1].Column : Columns.Count) - 1, g.Text));

    public string Title => Format == IndicatorFormat.ByUnit ? OfficialFormats.ByUnitTitle : OfficialFormats.TransversalTitle;

    /// <summary>The title rows above the table.</summary>
    public IReadOnlyList<string> Titles(ProgramReport r) =>
        Format == IndicatorFormat.ByUnit ? OfficialFormats.ByUnitTitles(r) : OfficialFormats.TransversalTitles(r);

    public IReadOnlyList<IndicatorRow> Rows(ProgramReport r) => Format == IndicatorFormat.ByUnit ? r.ByUnitRows : r.TransversalRows;
}
