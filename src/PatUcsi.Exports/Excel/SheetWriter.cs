using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Excel;

/// <summary>Cell styles of the workbook (indexes into the stylesheet that <see cref="Styles.Create"/> writes).</summary>
public enum Style : uint
{
    Default = 0,
    Title = 1,
    Header = 2,
    Text = 3,
    Number = 4,
    Percent = 5,
    MonthOn = 6,
    MonthOff = 7,
    Group = 8,
    Draft = 9,
    Centered = 10,
}

/// <summary>Writes the cells of one worksheet row by row, with merges, in the order the format requires.</summary>
internal sealed class SheetWriter
{
    private readonly SheetData _data = new();
    private readonly List<string> _merges = [];
    private Row? _row;

    public uint RowIndex { get; private set; }

    public SheetData Data => _data;

    public IReadOnlyList<string> Merges => _merges;

    public Row NextRow(double? height = null)
    {
        RowIndex++;
        _row = new Row { RowIndex = RowIndex };
        if (height is { } h) (_row.Height, _row.CustomHeight) = (h, true);
        _data.Append(_row);
        return _row;
    }

    public void Text(int column, string? text, Style style = Style.Text) =>
        Add(column, style, string.IsNullOrEmpty(text) ? null : Inline(text));

    private static Action<Cell> Inline(string text) => c =>
    {
        c.DataType = CellValues.InlineString;
        c.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    };

    public void Number(int column, decimal? value, Style style = Style.Number) =>
        Add(column, style, value is null ? null : c => c.CellValue = new CellValue(Plain(value.Value)));

    /// <summary>A formula with the value the app computed cached in it, for readers that do not calculate.</summary>
    public void Formula(int column, string formula, decimal? cachedNumber, string? cachedText, Style style) =>
        Add(column, style, c =>
        {
            c.CellFormula = new CellFormula(formula);
            if (cachedText is not null)
            {
                c.DataType = CellValues.String;
                c.CellValue = new CellValue(cachedText);
            }
            else if (cachedNumber is { } n)
            {
                c.CellValue = new CellValue(Plain(n));
            }
        });

    public void Empty(int column, Style style) => Add(column, style, null);

    /// <summary>The headers of a format's columns from <paramref name="first"/> on; an empty header is merged into the one on its left.</summary>
    public void Headers<T>(IReadOnlyList<Column<T>> columns, int first = 1)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            Text(first + i, columns[i].Header, Style.Header);
            if (i > 0 && columns[i].Header.Length == 0) Merge(first + i - 1, RowIndex, first + i, RowIndex);
        }
    }

    /// <summary>
    /// One row of a format: each column's cell as its kind says (numbers as numbers, derived cells as formulas with
    /// the app's value cached, months shaded). <paramref name="objectiveRowSpan"/> merges the objective's columns
    /// over its rows (0 on its other rows); <paramref name="style"/> overrides the style of text cells.
    /// </summary>
    public void Cells<T>(IReadOnlyList<Column<T>> columns, T row, int first = 1, int objectiveRowSpan = 1, Style? style = null)
    {
        string CellOf(string key) =>
            Reference(first + columns.Select((c, i) => (c, i)).First(x => x.c.Key == key).i, RowIndex);

        for (var i = 0; i < columns.Count; i++)
        {
            var (column, index) = (columns[i], first + i);
            if (column.PerObjective && objectiveRowSpan != 1)
            {
                if (objectiveRowSpan == 0)
                {
                    Empty(index, Style.Text);
                    continue;
                }
                Merge(index, RowIndex, index, RowIndex + (uint)objectiveRowSpan - 1);
            }
            var value = column.Value?.Invoke(row);
            if (column.Formula is { } formula)
                Formula(index, formula(row, CellOf), value, value is null ? column.Text(row) : null, StyleOf(column.Kind));
            else if (column.Kind == CellKind.Month)
                Add(index, style ?? (column.Text(row) is null ? Style.MonthOff : Style.MonthOn), column.Text(row) is { } mark ? Inline(mark) : null);
            else if (column.IsNumeric)
                Number(index, value, StyleOf(column.Kind));
            else
                Text(index, column.Text(row), style ?? Style.Text);
        }
    }

    private static Style StyleOf(CellKind kind) => kind switch
    {
        CellKind.Whole => Style.Centered,
        CellKind.Percent => Style.Percent,
        _ => Style.Number,
    };

    /// <summary>A decimal without trailing zeros ("5", not "5.0000"), in the invariant format cells use.</summary>
    private static string Plain(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Merges a rectangle given by 1-based columns and rows.</summary>
    public void Merge(int fromColumn, uint fromRow, int toColumn, uint toRow)
    {
        if (fromColumn != toColumn || fromRow != toRow)
            _merges.Add($"{Reference(fromColumn, fromRow)}:{Reference(toColumn, toRow)}");
    }

    public static string Reference(int column, uint row) => $"{ColumnName(column)}{row}";

    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    private void Add(int column, Style style, Action<Cell>? fill)
    {
        var cell = new Cell { CellReference = Reference(column, RowIndex), StyleIndex = (uint)style };
        fill?.Invoke(cell);
        _row!.Append(cell);
    }
}

/// <summary>The stylesheet: fonts, fills, borders and number formats used by <see cref="Style"/>.</summary>
internal static class Styles
{
    public const uint PercentFormat = 164;

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 10 }, new FontName { Val = "Arial" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new Color { Rgb = "FFB02A37" }, new FontName { Val = "Arial" })); // in the order the schema requires
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFE9E2E5"),
            Solid("FFC9D7EA"),
            Solid("FFF3F3F3"));
        var thin = new BorderPropertiesType[] { new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder() };
        foreach (var side in thin) (side.Style, side.Color) = (BorderStyleValues.Thin, new Color { Rgb = "FF999999" });
        var borders = new Borders(new Border(), new Border(thin[0], thin[1], thin[2], thin[3], new DiagonalBorder()));
        var formats = new NumberingFormats(new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" });

        CellFormat Format(uint font, uint fill, uint border, bool wrap, HorizontalAlignmentValues? horizontal = null, uint numberFormat = 0) =>
            new(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top, Horizontal = horizontal })
            {
                FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat,
                ApplyFont = true, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyAlignment = true, ApplyNumberFormat = numberFormat != 0,
            };

        var cellFormats = new CellFormats(
            new CellFormat(),                                                        // Default
            Format(1, 0, 0, true, HorizontalAlignmentValues.Center),                 // Title
            Format(1, 2, 1, true, HorizontalAlignmentValues.Center),                 // Header
            Format(0, 0, 1, true),                                                   // Text
            Format(0, 0, 1, false, HorizontalAlignmentValues.Right),                 // Number
            Format(0, 0, 1, false, HorizontalAlignmentValues.Right, PercentFormat),  // Percent
            Format(1, 3, 1, false, HorizontalAlignmentValues.Center),                // MonthOn
            Format(0, 0, 1, false, HorizontalAlignmentValues.Center),                // MonthOff
            Format(1, 4, 1, true),                                                   // Group
            Format(2, 0, 0, false, HorizontalAlignmentValues.Center),                // Draft
            Format(0, 0, 1, false, HorizontalAlignmentValues.Center));               // Centered
        return new Stylesheet(formats, fonts, fills, borders, new CellStyleFormats(new CellFormat()), cellFormats);
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
}
