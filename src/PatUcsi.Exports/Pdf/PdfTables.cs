using PdfSharp.Drawing;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Pdf;

/// <summary>A format's columns as a PDF table: headers, widths and alignment, and each row's cells as its kinds say.</summary>
internal static class PdfTables
{
    public static readonly XColor Shade = XColor.FromArgb(0xc9, 0xd7, 0xea);

    public static IReadOnlyList<TableColumn> Columns<T>(IReadOnlyList<Column<T>> columns) =>
        [.. columns.Select(c => new TableColumn(c.Header, c.PdfWidth, c.IsNumeric || c.Kind == CellKind.Month ? XStringAlignment.Center : XStringAlignment.Near))];

    /// <param name="objectiveRowSpan">0 on an objective's rows after its first: its columns continue the cell above.</param>
    /// <param name="fill">The row's background (an objective's row in the cronograma).</param>
    public static IReadOnlyList<TableCell> Cells<T>(IReadOnlyList<Column<T>> columns, T row, int objectiveRowSpan = 1, XColor? fill = null, bool bold = false) =>
    [
        .. columns.Select(c => c switch
        {
            { PerObjective: true } when objectiveRowSpan == 0 => new TableCell(null, fill, ContinuesAbove: true),
            { Kind: CellKind.Month } => new TableCell(null, c.Text(row) is null ? fill : Shade),
            _ => new TableCell(c.Text(row), fill, Bold: bold || c.Kind == CellKind.Status),
        }),
    ];
}
