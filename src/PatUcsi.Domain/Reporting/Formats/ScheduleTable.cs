using System.Globalization;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Domain.Reporting;

/// <param name="IsObjective">An objective's heading row (no months) rather than an action line.</param>
/// <param name="Schedule">The line's months; null on an objective row.</param>
/// <param name="Gap">What the line lacks (<see cref="ActionLineItem.Gap"/>), said where it is printed.</param>
public sealed record ScheduleRow(bool IsObjective, string Number, string Text, MonthSet? Schedule, string? Gap = null)
{
    /// <summary>On an objective's row: section 5's wording of it, where it differs from section 4's.</summary>
    public string? LinesText { get; init; }
    /// <summary>On an objective's row: section 5's column header over its lines, where it is not the default.</summary>
    public string? LinesHeader { get; init; }

    /// <summary>The row with its gap in the text, for documents that cannot print it across the months.</summary>
    public ScheduleRow Marked => Gap is null ? this : this with { Text = $"{Text} ({Gap}.)" };
}

/// <param name="Label">The group's heading as the source document writes it.</param>
public sealed record ScheduleGroup(ObjectiveGroup Group, string Label, IReadOnlyList<ScheduleRow> Rows);

/// <summary>Section 6, the cronograma: its columns (line, text, the twelve months) and its groups of rows.</summary>
public static class ScheduleTable
{
    public static readonly IReadOnlyList<Column<ScheduleRow>> Columns =
    [
        new("Línea de Acción", CellKind.Text, r => r.Number) { PdfWidth = 28, ExcelWidth = 10 },
        new("Descripción", CellKind.Text, r => r.Text) { Header = "", PdfWidth = 250, ExcelWidth = 70 },
        .. Enumerable.Range(1, 12).Select(m => new Column<ScheduleRow>(Months.Name(m), CellKind.Month, r => r.Schedule?.Contains(m) == true ? "X" : null)
            { Header = Months.Abbreviation(m), PdfWidth = 19, ExcelWidth = 5 }),
    ];

    /// <summary>
    /// What the cronograma does not show but the program keeps (section 5's own wording of each objective): the
    /// workbook writes them as hidden columns after the months, headed by their keys, so its reader finds them.
    /// </summary>
    public static readonly IReadOnlyList<Column<ScheduleRow>> HiddenColumns =
    [
        new("TEXTO EN 5. LÍNEAS DE ACCIÓN", CellKind.Text, r => r.LinesText) { ExcelWidth = 40 },
        new("ENCABEZADO EN 5. LÍNEAS DE ACCIÓN", CellKind.Text, r => r.LinesHeader) { ExcelWidth = 20 },
    ];

    /// <summary>The month a column marks (1–12), or null for the line's columns.</summary>
    public static int? MonthOf(int columnIndex) => Columns[columnIndex].Kind == CellKind.Month ? columnIndex - 1 : null;

    public static string Label(ObjectiveGroup group) =>
        group == ObjectiveGroup.UnitActivities ? "A. Actividades de la Unidad" : "Objetivos con transversalidad:";

    /// <summary>Each group with objectives, in the document's order: each objective's row, then its lines.</summary>
    public static IReadOnlyList<ScheduleGroup> Groups(ProgramReport report) =>
    [
        .. new[] { ObjectiveGroup.UnitActivities, ObjectiveGroup.Transversal }
            .Select(g => new ScheduleGroup(g, Label(g), [.. report.Group(g).SelectMany(Rows)]))
            .Where(g => g.Rows.Count > 0),
    ];

    private static IEnumerable<ScheduleRow> Rows(ObjectiveSection o) =>
        [new(true, o.Number.ToString(CultureInfo.InvariantCulture), o.Text, null)
            {
                LinesText = o.LinesHeading == o.Text ? null : o.LinesHeading,
                LinesHeader = o.LinesHeader == OfficialTerms.ActionLinesHeader ? null : o.LinesHeader,
            },
            .. o.ActionLines.Select(l => new ScheduleRow(false, l.Number, l.Text, l.Schedule, l.Gap))];
}
