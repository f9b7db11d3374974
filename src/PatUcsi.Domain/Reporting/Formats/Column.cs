namespace PatUcsi.Domain.Reporting;

/// <summary>What a cell holds, which decides how each renderer writes it.</summary>
public enum CellKind
{
    Text,
    /// <summary>A whole number, centred (objective number, months).</summary>
    Whole,
    /// <summary>A quantity, kept as a number in the workbook.</summary>
    Number,
    /// <summary>A percentage: the workbook keeps the fraction and formats it.</summary>
    Percent,
    /// <summary>The estatus: bold in the PDF, with the semáforo on the page.</summary>
    Status,
    /// <summary>A month of the cronograma: shaded when the text is not null.</summary>
    Month,
}

/// <summary>
/// One column of an official format, defined once for every place that shows it: the page (Razor), the PDF,
/// the workbook and the workbook reader. Adding a column to a format is adding one of these to its list.
/// </summary>
/// <param name="Key">The field the column shows; a format's header may differ ("META" / "META PROPUESTA…"),
/// the key does not. It heads the workbook's hidden columns, so the reader finds them by it.</param>
/// <param name="Text">The cell as the page and the PDF print it.</param>
public sealed record Column<TRow>(string Key, CellKind Kind, Func<TRow, string?> Text)
{
    /// <summary>The official header, word for word. An empty header continues the one on its left (merged).</summary>
    public string Header { get; init; } = Key;

    /// <summary>The number the workbook keeps (for number, whole and percent cells); null leaves the cell empty.</summary>
    public Func<TRow, decimal?>? Value { get; init; }

    /// <summary>
    /// The Excel formula of a derived cell, given a function that returns the cell of another column of the row by
    /// its key; the workbook caches <see cref="Value"/> (or <see cref="Text"/> where there is no number) in it.
    /// </summary>
    public Func<TRow, Func<string, string>, string>? Formula { get; init; }

    /// <summary>An objective's column: written on its first row and merged down over the rest.</summary>
    public bool PerObjective { get; init; }

    /// <summary>Width in the PDF (points) and in the workbook (characters).</summary>
    public double PdfWidth { get; init; } = 30;
    public double ExcelWidth { get; init; } = 12;

    /// <summary>This column under a format's own header and widths.</summary>
    public Column<TRow> As(string header, double pdfWidth, double excelWidth) =>
        this with { Header = header, PdfWidth = pdfWidth, ExcelWidth = excelWidth };

    public bool IsNumeric => Kind is CellKind.Whole or CellKind.Number or CellKind.Percent;
}
