using System.Globalization;
using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Reporting;

/// <param name="First">The quarter's first day.</param>
/// <param name="Last">The quarter's last day.</param>
/// <param name="UpdatedOn">The day the file is made (fecha de validación y de actualización).</param>
public sealed record TransparencyRow(ProgramReport Report, IndicatorRow Row, DateOnly First, DateOnly Last, DateOnly UpdatedOn);

/// <summary>
/// The national transparency platform's format for "indicadores de objetivos y resultados" (PNT), one row per
/// indicator and quarter, with the platform's headers and the values as its published records write them.
/// </summary>
public static class TransparencyTable
{
    public static readonly IReadOnlyList<Column<TransparencyRow>> Columns =
    [
        new("Ejercicio", CellKind.Whole, t => t.Report.Year.ToString(CultureInfo.InvariantCulture)) { Value = t => t.Report.Year, ExcelWidth = 8 },
        new("Fecha de inicio del periodo que se informa", CellKind.Text, t => Date(t.First)),
        new("Fecha de término del periodo que se informa", CellKind.Text, t => Date(t.Last)),
        new("Nombre del programa o concepto al que corresponde el indicador", CellKind.Text,
            t => t.Row.ProgramName ?? $"Programa Anual de Trabajo {t.Report.Year}") { ExcelWidth = 30 },
        new("Objetivo institucional", CellKind.Text, t => t.Row.ObjectiveText) { ExcelWidth = 40 },
        new("Nombre del indicador", CellKind.Text, t => t.Row.Name) { ExcelWidth = 30 },
        new("Dimensión(es) a medir", CellKind.Text, t => IndicatorColumns.Dimension.Text(t.Row)),
        new("Definición del indicador", CellKind.Text, t => $"{t.Row.ActionLineNumber} {t.Row.Activity}") { ExcelWidth = 40 },
        new("Método de cálculo", CellKind.Text, t => t.Row.CalculationMethod) { ExcelWidth = 30 },
        new("Unidad de medida", CellKind.Text, t => t.Row.UnitOfMeasure) { ExcelWidth = 14 },
        new("Frecuencia de medición", CellKind.Text, t => IndicatorColumns.Frequency.Text(t.Row)),
        // The platform's records write ND where there is no baseline.
        new("Línea base", CellKind.Text, t => t.Row.Baseline ?? "ND") { ExcelWidth = 30 },
        new("Metas programadas", CellKind.Text, t => t.Row.GoalShown),
        new("Metas ajustadas en su caso", CellKind.Text, _ => "0"),
        // The value achieved, as the platform's records write it (meta programada 3, avance 3), not a percentage.
        new("Avance de las metas", CellKind.Text, t => t.Row.Figures is { HasValues: true } f ? Display.Plain(Math.Round(f.Achieved, 2)) : "0"),
        new("Sentido del indicador", CellKind.Text, t => t.Row.Trend == Trend.Decrease ? "Descendente" : "Ascendente"),
        new("Fuente de información", CellKind.Text, t => t.Row.VerifiableIn ?? "Informes de avance del Programa Anual de Trabajo") { ExcelWidth = 24 },
        new("Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información", CellKind.Text, t => t.Report.UnitName) { ExcelWidth = 30 },
        new("Fecha de validación", CellKind.Text, t => Date(t.UpdatedOn)),
        new("Fecha de actualización", CellKind.Text, t => Date(t.UpdatedOn)),
        new("Nota", CellKind.Text, Note) { ExcelWidth = 40 },
    ];

    public static IReadOnlyList<string> Headers => [.. Columns.Select(c => c.Header)];

    public static (DateOnly First, DateOnly Last) Quarter(int year, int quarter)
    {
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }

    public static IReadOnlyList<TransparencyRow> Rows(ProgramReport report, int quarter, DateOnly updatedOn)
    {
        var (first, last) = Quarter(report.Year, quarter);
        return [.. report.Rows.Select(r => new TransparencyRow(report, r, first, last, updatedOn))];
    }

    private static string Note(TransparencyRow t)
    {
        var notes = new List<string> { CutOff(t.Last, t.UpdatedOn), $"Estatus al {Date(t.Last)}: {t.Row.StatusText}." };
        if (t.Row.Trend == Trend.Constant) notes.Add("Tendencia constante: se reporta como ascendente.");
        if (t.Row.ObservationsWithMarks is { } observations) notes.Add(observations);
        return string.Join(" ", notes);
    }

    /// <summary>The cut-off the file says: the periods it counts and the day their approvals were read.</summary>
    public static string CutOff(DateOnly last, DateOnly updatedOn) =>
        $"Cifras de los periodos que terminan a más tardar el {Date(last)}, con los informes aprobados al {Date(updatedOn)}.";

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
