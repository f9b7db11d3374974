using PatUcsi.Domain.Reporting;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PatUcsi.Exports.Pdf;

/// <summary>One bar of <see cref="PdfComposer.BarChart"/>, coloured as the pages colour it (<see cref="ChartPalette"/>).</summary>
public sealed record ChartBar(string Label, decimal Value, string Colour);

public sealed record TableColumn(string Header, double Width, XStringAlignment Align = XStringAlignment.Near);

/// <summary>One cell: its text, an optional fill, and whether it continues the cell above (a merged group).</summary>
public sealed record TableCell(string? Text, XColor? Fill = null, bool ContinuesAbove = false, bool Bold = false);

/// <summary>
/// A small flow-layout engine over PDFsharp: a cursor moving down pages, with paragraphs that wrap and
/// break across pages, headings kept with what follows, tables whose header rows repeat on every page
/// and whose rows are never split (unless taller than a page), a running header, a "Página X de Y"
/// footer and, where given, a mark ("BORRADOR") across every page.
/// </summary>
public sealed class PdfComposer : IDisposable
{
    private const double Margin = 42;
    private const double HeaderSpace = 28;
    private const double FooterSpace = 26;
    private const double CellPadding = 2.5;

    private readonly PdfDocument _document;
    private readonly string _runningHeader;
    private readonly string? _mark;
    private XGraphics? _graphics;
    private PdfPage? _page;
    private PageSize _size = PageSize.Letter;
    private PageOrientation _orientation = PageOrientation.Portrait;
    private double _y;

    /// <param name="mark">Printed across every page and before the running header ("BORRADOR", "NO APROBADO"); null for none.</param>
    public PdfComposer(string title, string runningHeader, string? mark)
    {
        PdfFonts.EnsureReady(); // before the first PdfDocument: PDFsharp checks the license there
        _document = new PdfDocument();
        _runningHeader = runningHeader;
        _mark = mark;
        _document.Info.Title = title;
        _document.Info.Creator = "PAT UCSI";
        _document.PageLayout = PdfPageLayout.SinglePage;
    }

    public static XFont Font(double size, bool bold = false) => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// <summary>The page (1-based) each named section starts on, for the index.</summary>
    public Dictionary<string, int> SectionPages { get; } = [];

    public int PageNumber => _document.PageCount;

    private static double Left => Margin;
    private double Width => _page!.Width.Point - 2 * Margin;
    private double Bottom => _page!.Height.Point - Margin - FooterSpace;

    public void NewPage(PageOrientation orientation = PageOrientation.Portrait, PageSize size = PageSize.Letter, bool runningHeader = true)
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        (_page.Size, _page.Orientation, _size, _orientation) = (size, orientation, size, orientation);
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
        if (_mark is not null) Mark(_mark);
        if (!runningHeader) return;
        var header = _mark is null ? _runningHeader : $"{_mark} · {_runningHeader}";
        _graphics.DrawString(header, Font(7.5, _mark is not null), _mark is not null ? new XSolidBrush(XColor.FromArgb(0xb0, 0x2a, 0x37)) : XBrushes.DimGray,
            new XRect(Left, _y - 14, Width, 10), XStringFormats.TopCenter);
        _graphics.DrawLine(new XPen(XColors.LightGray, 0.5), Left, _y, Left + Width, _y);
        _y += HeaderSpace - 14;
    }

    /// <summary>Where a page's content starts, below its running header.</summary>
    private static double PageTop => Margin + HeaderSpace - 14;

    public void Section(string name) => SectionPages[name] = PageNumber;

    public void Space(double points) => _y += points;

    /// <summary>Text centred on the page, e.g. for the cover.</summary>
    public void Centered(string text, double size, bool bold = false, XColor? color = null)
    {
        foreach (var line in Wrap(text, Font(size, bold), Width))
        {
            _graphics!.DrawString(line, Font(size, bold), new XSolidBrush(color ?? XColors.Black), new XRect(Left, _y, Width, size * 1.3), XStringFormats.TopCenter);
            _y += size * 1.35;
        }
    }

    public void Heading(string text, double size = 13)
    {
        // Keep the heading with at least a few lines of what follows.
        EnsureSpace(size * 1.4 + 50);
        _y += 6;
        _graphics!.DrawString(text, Font(size, true), new XSolidBrush(XColor.FromArgb(0x6d, 0x1a, 0x36)), new XRect(Left, _y, Width, size * 1.4), XStringFormats.TopLeft);
        _y += size * 1.6;
    }

    public void Paragraph(string text, double size = 10.5, bool bold = false, double indent = 0, double after = 6)
    {
        var font = Font(size, bold);
        var lineHeight = size * 1.35;
        foreach (var line in Wrap(text, font, Width - indent))
        {
            EnsureSpace(lineHeight);
            _graphics!.DrawString(line, font, XBrushes.Black, new XRect(Left + indent, _y, Width - indent, lineHeight), XStringFormats.TopLeft);
            _y += lineHeight;
        }
        _y += after;
    }

    /// <summary>A line with text on the left and on the right, joined by dots (the index).</summary>
    public void Leader(string left, string right, double size = 11)
    {
        var font = Font(size);
        EnsureSpace(size * 1.6);
        var rightWidth = _graphics!.MeasureString(right, font).Width;
        var leftWidth = _graphics.MeasureString(left, font).Width;
        var dots = new string('.', Math.Max(0, (int)((Width - leftWidth - rightWidth - 12) / _graphics.MeasureString(".", font).Width)));
        _graphics.DrawString($"{left} {dots}", font, XBrushes.Black, new XRect(Left, _y, Width - rightWidth - 4, size * 1.4), XStringFormats.TopLeft);
        _graphics.DrawString(right, font, XBrushes.Black, new XRect(Left, _y, Width, size * 1.4), XStringFormats.TopRight);
        _y += size * 1.8;
    }

    /// <summary>
    /// A table. <paramref name="headerRows"/> (title rows spanning the whole width, then the column headers)
    /// are drawn again at the top of every page the table continues on. Widths are scaled to the page.
    /// <paramref name="lead"/> is a bold paragraph before the table (an objective's heading), kept on the page of
    /// the table's header and first row.
    /// </summary>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<TableCell>> rows, double size = 7,
        IReadOnlyList<string>? titleRows = null, IReadOnlyList<(int First, int Last, string Text)>? groupRow = null,
        (string Text, double Size)? lead = null)
    {
        var font = Font(size);
        var bold = Font(size, true);
        var lineHeight = size * 1.25;
        var widths = Widths(columns);
        var headerCells = columns.Select(c => new TableCell(c.Header, Bold: true)).ToList();

        void DrawHeaderRows()
        {
            foreach (var title in titleRows ?? [])
            {
                var lines = Wrap(title, Font(size + 1, true), Width);
                foreach (var line in lines)
                {
                    _graphics!.DrawString(line, Font(size + 1, true), XBrushes.Black, new XRect(Left, _y, Width, lineHeight + 2), XStringFormats.TopCenter);
                    _y += lineHeight + 2;
                }
            }
            DrawRow(headerCells.Select(c => c with { Fill = XColor.FromArgb(0xe9, 0xe2, 0xe5) }).ToList(), widths, bold, bold, lineHeight, XStringAlignment.Center);
            if (groupRow is null) return;
            var groupWidths = groupRow.Select(g => widths[g.First..(g.Last + 1)].Sum()).ToArray();
            DrawRow(groupRow.Select(g => new TableCell(g.Text, XColor.FromArgb(0xf4, 0xef, 0xf1))).ToList(), groupWidths, font, font, lineHeight, XStringAlignment.Center);
        }

        var headerHeight = (titleRows ?? []).Sum(t => Wrap(t, Font(size + 1, true), Width).Count * (lineHeight + 2))
                           + RowHeight(headerCells, widths, bold, bold, lineHeight);
        var all = rows.ToList();
        var leadHeight = lead is { } l ? Wrap(l.Text, Font(l.Size, true), Width).Count * l.Size * 1.35 + 2 : 0;
        var start = leadHeight + headerHeight + (all.Count > 0 ? RowHeight(all[0], widths, font, bold, lineHeight) : 0);
        // A first row too tall for any page is split anyway: then a few of its lines are enough.
        EnsureSpace(start <= Bottom - PageTop ? start : leadHeight + headerHeight + 3 * lineHeight);
        if (lead is { } heading) Paragraph(heading.Text, heading.Size, bold: true, after: 2);
        DrawHeader();
        foreach (var whole in all)
        {
            var row = whole;
            while (true)
            {
                if (_y + RowHeight(row, widths, font, bold, lineHeight) <= Bottom)
                {
                    DrawRow(row, widths, font, bold, lineHeight, null, columns);
                    break;
                }
                // A row taller than what is left of a fresh page is split: what fits here, the rest on the next page.
                var fresh = _y <= _tableTop + 0.5;
                if (!fresh && (Bottom - _y < 3 * lineHeight || RowHeight(row, widths, font, bold, lineHeight) <= Bottom - _tableTop))
                {
                    NewPage(_orientation, _size);
                    DrawHeader();
                    continue;
                }
                var (here, rest) = Split(row, widths, font, bold, lineHeight, Bottom - _y);
                DrawRow(here, widths, font, bold, lineHeight, null, columns);
                NewPage(_orientation, _size);
                DrawHeader();
                row = rest;
            }
        }
        _y += 8;

        void DrawHeader()
        {
            DrawHeaderRows();
            _tableTop = _y;
        }
    }

    private double _tableTop;

    /// <summary>
    /// A row cut where <paramref name="available"/> ends: each cell keeps the lines that fit, the rest continues in a
    /// row marked as continuing the cell above (no line between them), wrapped exactly as it would have been.
    /// </summary>
    private (IReadOnlyList<TableCell> Here, IReadOnlyList<TableCell> Remainder) Split(IReadOnlyList<TableCell> row, double[] widths, XFont font, XFont bold,
        double lineHeight, double available)
    {
        var here = new List<TableCell>();
        var rest = new List<TableCell>();
        for (var i = 0; i < row.Count; i++)
        {
            var cell = row[i];
            var cellFont = Fit(cell.Text, cell.Bold ? bold : font, widths[i] - 2 * CellPadding);
            var lines = Wrap(cell.Text ?? "", cellFont, widths[i] - 2 * CellPadding);
            var fit = Math.Max(1, (int)Math.Floor((available - 2 * CellPadding) / (lineHeight * cellFont.Size / font.Size)));
            here.Add(cell with { Text = string.Join("\n", lines.Take(fit)) });
            rest.Add(cell with { Text = lines.Count > fit ? string.Join("\n", lines.Skip(fit)) : null, ContinuesAbove = true });
        }
        return (here, rest);
    }

    /// <summary>
    /// The columns' widths scaled to the page, each one at least as wide as its header's longest word in the
    /// smallest bold font (headers break only between words); the others give up that width in proportion.
    /// </summary>
    private double[] Widths(IReadOnlyList<TableColumn> columns)
    {
        var scale = Width / columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width * scale).ToArray();
        var smallest = Font(MinimumSize, true);
        var needed = columns.Select(c => c.Header.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => _graphics!.MeasureString(w, smallest).Width + 2 * CellPadding + 0.5).DefaultIfEmpty(0).Max()).ToArray();
        var narrow = Enumerable.Range(0, widths.Length).Where(i => widths[i] < needed[i]).ToList();
        if (narrow.Count == 0) return widths;
        var taken = narrow.Sum(i => needed[i] - widths[i]);
        var others = Enumerable.Range(0, widths.Length).Except(narrow).ToList();
        var spare = others.Sum(i => widths[i] - needed[i]);
        if (spare <= taken) return widths; // no room to give: the headers' words are cut as a last resort
        foreach (var i in narrow) widths[i] = needed[i];
        foreach (var i in others) widths[i] -= taken * (widths[i] - needed[i]) / spare;
        return widths;
    }

    private const double MinimumSize = 4.5;

    /// <summary>A row's height as it is drawn: each cell in its own font (bold where it is bold), shrunk as <see cref="Fit"/> says.</summary>
    private double RowHeight(IReadOnlyList<TableCell> row, double[] widths, XFont font, XFont bold, double lineHeight) =>
        row.Select((cell, i) =>
        {
            var cellFont = Fit(cell.Text, cell.Bold ? bold : font, widths[i] - 2 * CellPadding);
            return Wrap(cell.Text ?? "", cellFont, widths[i] - 2 * CellPadding).Count * lineHeight * cellFont.Size / font.Size;
        }).Max() + 2 * CellPadding;

    /// <summary>The font made smaller, down to 4.5 points, until the cell's longest word fits its width.</summary>
    private XFont Fit(string? text, XFont font, double width)
    {
        var longest = (text ?? "").Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => _graphics!.MeasureString(w, font).Width).DefaultIfEmpty(0).Max();
        return longest <= width ? font : Font(Math.Max(MinimumSize, Math.Floor(font.Size * width / longest * 10) / 10), font.Bold);
    }

    private void DrawRow(IReadOnlyList<TableCell> row, double[] widths, XFont font, XFont bold, double lineHeight,
        XStringAlignment? align, IReadOnlyList<TableColumn>? columns = null)
    {
        var height = Math.Min(RowHeight(row, widths, font, bold, lineHeight), Bottom - _y);
        var pen = new XPen(XColors.Gray, 0.4);
        var x = Left;
        for (var i = 0; i < row.Count; i++)
        {
            var cell = row[i];
            var rect = new XRect(x, _y, widths[i], height);
            if (cell.Fill is { } fill) _graphics!.DrawRectangle(new XSolidBrush(fill), rect);
            // A cell that continues the one above (a merged group) has no line between them.
            _graphics!.DrawLine(pen, rect.Left, rect.Top, rect.Left, rect.Bottom);
            _graphics.DrawLine(pen, rect.Right, rect.Top, rect.Right, rect.Bottom);
            _graphics.DrawLine(pen, rect.Left, rect.Bottom, rect.Right, rect.Bottom);
            if (!cell.ContinuesAbove) _graphics.DrawLine(pen, rect.Left, rect.Top, rect.Right, rect.Top);
            var ty = _y + CellPadding;
            var cellFont = Fit(cell.Text, cell.Bold ? bold : font, widths[i] - 2 * CellPadding);
            var cellLine = lineHeight * cellFont.Size / font.Size;
            var alignment = align ?? columns?[i].Align ?? XStringAlignment.Near;
            var format = new XStringFormat { Alignment = alignment, LineAlignment = XLineAlignment.Near };
            foreach (var line in Wrap(cell.Text ?? "", cellFont, widths[i] - 2 * CellPadding))
            {
                if (ty + cellLine > _y + height + 0.5) break; // never: Table splits a row taller than the page
                _graphics.DrawString(line, cellFont, XBrushes.Black, new XRect(x + CellPadding, ty, widths[i] - 2 * CellPadding, cellLine), format);
                ty += cellLine;
            }
            x += widths[i];
        }
        _y += height;
    }

    /// <summary>
    /// A horizontal bar chart drawn with PDFsharp's own lines and rectangles: one labelled bar per item with its value
    /// written at its end, over a scale from 0 to <paramref name="max"/> (the largest value when null), kept on one page.
    /// </summary>
    public void BarChart(string title, IReadOnlyList<ChartBar> bars, decimal? max = null, string suffix = "")
    {
        // Up to 30 bars a chart: more would not fit on one page.
        const int perChart = 30;
        if (bars.Count > perChart)
        {
            foreach (var (chunk, i) in bars.Chunk(perChart).Select((c, i) => (c, i)))
                BarChart(i == 0 ? title : $"{title} (continúa)", chunk, max ?? bars.Max(b => b.Value), suffix);
            return;
        }
        const double barHeight = 11, gap = 4, labelWidth = 110, valueWidth = 48, size = 8;
        var height = 18 + bars.Count * (barHeight + gap) + 16;
        EnsureSpace(height);
        var g = _graphics!;
        g.DrawString(title, Font(9.5, true), XBrushes.Black, new XRect(Left, _y, Width, 12), XStringFormats.TopLeft);
        _y += 18;
        var top = _y;
        var scaleWidth = Width - labelWidth - valueWidth;
        // Counts get a scale of whole numbers: the largest rounded up to a multiple of the four divisions.
        var scale = (double)(max ?? Math.Ceiling(Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value)) / 4) * 4);
        var axis = new XPen(XColors.DimGray, 0.5);
        var grid = new XPen(XColors.LightGray, 0.4);
        for (var i = 0; i <= 4; i++)
        {
            var x = Left + labelWidth + scaleWidth * i / 4;
            g.DrawLine(i == 0 ? axis : grid, x, top - 2, x, top + bars.Count * (barHeight + gap));
            g.DrawString(Display.Number(Math.Round((decimal)(scale * i / 4), 1)) + suffix, Font(6.5), XBrushes.DimGray,
                new XRect(x - 30, top + bars.Count * (barHeight + gap) + 2, 60, 8), XStringFormats.TopCenter);
        }
        foreach (var bar in bars)
        {
            g.DrawString(bar.Label, Font(size), XBrushes.Black, new XRect(Left, _y + 1, labelWidth - 6, barHeight), XStringFormats.TopRight);
            var length = scaleWidth * Math.Min(1, (double)bar.Value / scale);
            if (length > 0) g.DrawRectangle(new XSolidBrush(FromHex(bar.Colour)), Left + labelWidth, _y, length, barHeight);
            g.DrawString(Display.Number(Math.Round(bar.Value, 1)) + suffix, Font(size, true), XBrushes.Black,
                new XRect(Left + labelWidth + length + 3, _y + 1, valueWidth, barHeight), XStringFormats.TopLeft);
            _y += barHeight + gap;
        }
        _y += 22;
    }

    /// <summary>"#0a3a82" as an opaque colour.</summary>
    private static XColor FromHex(string hex) =>
        XColor.FromArgb(int.Parse(hex.AsSpan(1), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) | unchecked((int)0xff000000));

    public void EnsureSpace(double height)
    {
        if (_page is null || _y + height > Bottom) NewPage(_orientation, _size);
    }

    /// <summary>Finishes the document: the "Página X de Y" footers, now that Y is known.</summary>
    public byte[] Finish()
    {
        _graphics?.Dispose();
        var total = _document.PageCount;
        for (var i = 0; i < total; i++)
        {
            var page = _document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            g.DrawString($"Página {i + 1} de {total}", Font(8), XBrushes.DimGray,
                new XRect(Margin, page.Height.Point - Margin - 10, page.Width.Point - 2 * Margin, 10), XStringFormats.TopCenter);
        }
        using var stream = new MemoryStream();
        _document.Save(stream);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    private void Mark(string text)
    {
        var g = _graphics!;
        var state = g.Save();
        g.TranslateTransform(_page!.Width.Point / 2, _page.Height.Point / 2);
        g.RotateTransform(-35);
        g.DrawString(text, Font(text.Length > 9 ? 70 : 90, true), new XSolidBrush(XColor.FromArgb(40, 176, 42, 55)), new XPoint(0, 0), XStringFormats.Center);
        g.Restore(state);
    }

    /// <summary>Breaks text into lines that fit <paramref name="width"/>, keeping the author's line breaks.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var measure = _graphics ?? throw new InvalidOperationException("No page yet.");
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (measure.MeasureString(candidate, font).Width <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                // A single word wider than the column is cut where it must be.
                while (measure.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && measure.MeasureString(line[..cut], font).Width > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }
}
