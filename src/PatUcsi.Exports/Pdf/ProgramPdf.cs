using PdfSharp;
using PdfSharp.Drawing;
using PatUcsi.Domain;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Pdf;

/// <summary>
/// The annual program as the Junta receives it: cover, index with real page numbers, the sections in
/// the source document's order, the cronograma grid, the signature, and both indicator formats on
/// landscape pages with their official headers repeated on every page.
/// </summary>
public static class ProgramPdf
{
    private static readonly XColor Shade = XColor.FromArgb(0xc9, 0xd7, 0xea);
    private static readonly XColor ObjectiveFill = XColor.FromArgb(0xf3, 0xf3, 0xf3);

    private static readonly string[] Sections =
    [
        "Misión", "Visión", "Abreviaturas y siglas", "Presentación", "1. Marco Legal", "2. Estructura organizacional",
        "3. Objetivo General", "4. Objetivos específicos", "5. Líneas de acción", "6. Cronograma", "7. Indicadores y metas",
    ];

    public static byte[] Build(ProgramReport report)
    {
        // The first pass learns where each section starts; the index of the second pass prints those pages
        // (the index has a fixed length, so nothing moves between the passes).
        var (_, pages) = Render(report, null);
        return Render(report, pages).Bytes;
    }

    private static (byte[] Bytes, Dictionary<string, int> Pages) Render(ProgramReport r, IReadOnlyDictionary<string, int>? index)
    {
        using var pdf = new PdfComposer(r.Title, $"{OfficialFormats.Institute} · {r.UnitName}", r.IsDraft ? "BORRADOR" : null);
        Cover(pdf, r);

        pdf.NewPage();
        pdf.Heading("ÍNDICE", 14);
        foreach (var section in Sections)
            pdf.Leader(section, index?.GetValueOrDefault(section).ToString(Display.Culture) ?? "");

        pdf.NewPage();
        Text(pdf, "Misión", r.Mission);
        Text(pdf, "Visión", r.Vision);

        pdf.NewPage();
        pdf.Section("Abreviaturas y siglas");
        pdf.Heading("ABREVIATURAS Y SIGLAS");
        pdf.Table([new("Sigla", 1), new("Significado", 3)], r.Abbreviations.Select(a => (IReadOnlyList<TableCell>)[new(a.Acronym, Bold: true), new(a.Meaning)]), 10);

        pdf.NewPage();
        Text(pdf, "Presentación", r.Presentation);
        pdf.NewPage();
        Text(pdf, "1. Marco Legal", r.LegalFramework);
        Text(pdf, "2. Estructura organizacional", r.OrganizationText);
        if (r.OrganizationNote.Count > 0) pdf.Paragraph("Nota: " + string.Join(" ", r.OrganizationNote));
        pdf.NewPage();
        Text(pdf, "3. Objetivo General", r.GeneralObjective);

        pdf.NewPage();
        pdf.Section("4. Objetivos específicos");
        pdf.Heading("4. OBJETIVOS ESPECÍFICOS");
        foreach (var o in r.Objectives) pdf.Paragraph($"{o.Number}. {o.Text}", indent: 0, after: 4);

        pdf.NewPage();
        pdf.Section("5. Líneas de acción");
        pdf.Heading("5. LÍNEAS DE ACCIÓN");
        foreach (var p in r.ActionLinesIntro) pdf.Paragraph(p);
        foreach (var o in r.Objectives)
        {
            pdf.Paragraph($"{o.Number}. {o.Text}", 10.5, bold: true, after: 2);
            pdf.Table([new("Línea de acción", 1), new("", 6)], o.ActionLines.Select(l => (IReadOnlyList<TableCell>)[new(l.Number), new(l.Text)]), 9.5);
        }

        pdf.NewPage();
        Schedule(pdf, r);

        pdf.NewPage();
        pdf.Section("7. Indicadores y metas");
        pdf.Heading("7. INDICADORES Y METAS");
        foreach (var p in r.IndicatorsIntro) pdf.Paragraph(p);
        Signature(pdf, r);
        ByUnitTable(pdf, r);
        TransversalTable(pdf, r);
        return (pdf.Finish(), pdf.SectionPages);
    }

    private static void Cover(PdfComposer pdf, ProgramReport r)
    {
        pdf.NewPage(runningHeader: false);
        pdf.Space(150);
        pdf.Centered(OfficialFormats.Institute, 20, bold: true);
        pdf.Space(50);
        pdf.Centered(r.UnitName.ToUpperInvariant(), 16, bold: true, XColor.FromArgb(0x6d, 0x1a, 0x36));
        pdf.Space(30);
        pdf.Centered($"Programa Anual de Trabajo {r.Year}", 24, bold: true);
        pdf.Space(20);
        pdf.Centered(r.Title, 11);
        if (r.IsDraft)
        {
            pdf.Space(40);
            pdf.Centered($"BORRADOR · {OfficialTerms.ProgramStates[r.State]}", 14, bold: true, XColor.FromArgb(0xb0, 0x2a, 0x37));
        }
    }

    private static void Text(PdfComposer pdf, string section, IReadOnlyList<string> paragraphs)
    {
        pdf.Section(section);
        pdf.Heading(section.ToUpperInvariant());
        foreach (var p in paragraphs) pdf.Paragraph(p);
        if (paragraphs.Count == 0) pdf.Paragraph("(Sin contenido.)", 10);
    }

    private static void Schedule(PdfComposer pdf, ProgramReport r)
    {
        pdf.Section("6. Cronograma");
        pdf.Heading("6. CRONOGRAMA");
        foreach (var p in r.ScheduleIntro) pdf.Paragraph(p);
        var columns = new List<TableColumn> { new("Línea de Acción", 28), new("", 250) };
        columns.AddRange(Enumerable.Range(1, 12).Select(m => new TableColumn(Months.Abbreviation(m), 19, XStringAlignment.Center)));
        foreach (var (group, label) in new[] { (ObjectiveGroup.UnitActivities, "A. Actividades de la Unidad"), (ObjectiveGroup.Transversal, "Objetivos con transversalidad:") })
        {
            var objectives = r.Group(group).ToList();
            if (objectives.Count == 0) continue;
            pdf.Paragraph(label, 11, bold: true, after: 2);
            var rows = new List<IReadOnlyList<TableCell>>();
            foreach (var o in objectives)
            {
                rows.Add([new(o.Number.ToString(Display.Culture), ObjectiveFill, Bold: true), new(o.Text, ObjectiveFill, Bold: true),
                    .. Enumerable.Range(1, 12).Select(_ => new TableCell(null, ObjectiveFill))]);
                rows.AddRange(o.ActionLines.Select(l => (IReadOnlyList<TableCell>)
                    [new(l.Number), new(l.Text), .. Enumerable.Range(1, 12).Select(m => new TableCell(null, l.Schedule.Contains(m) ? Shade : null))]));
            }
            pdf.Table(columns, rows, 8);
        }
    }

    private static void Signature(PdfComposer pdf, ProgramReport r)
    {
        pdf.EnsureSpace(110);
        pdf.Space(20);
        pdf.Paragraph("Atentamente", 11, bold: true, after: 24);
        if (r.Signature.Name is { } name) pdf.Paragraph(name, 11, bold: true, after: 0);
        if (r.Signature.Title is { } title) pdf.Paragraph(title, 11, after: 10);
        if (r.Signature.Date is { } date)
            pdf.Paragraph($"{r.Signature.Place}, {Display.LongDate(date)}.", 11, bold: true);
    }

    private static void ByUnitTable(PdfComposer pdf, ProgramReport r)
    {
        if (r.ByUnitRows.Count == 0) return;
        pdf.NewPage(PageOrientation.Landscape, PageSize.Legal);
        double[] widths = [22, 58, 58, 62, 80, 24, 24, 50, 56, 36, 38, 26, 36, 70, 40, 36, 44];
        var columns = OfficialFormats.ByUnitHeaders.Select((h, i) => new TableColumn(h, widths[i], i is 0 or 5 or 6 or 11 or 14 or 15 ? XStringAlignment.Center : XStringAlignment.Near)).ToList();
        pdf.Table(columns, r.ByUnitRows.Select(row => (IReadOnlyList<TableCell>)
        [
            .. Objective(row, row.ObjectiveNumber.ToString(Display.Culture), row.Policies, row.ProgramName, row.ObjectiveText),
            new(row.ActivityCell), new(Month(row.FirstMonth)), new(Month(row.LastMonth)), new(row.Name), new(row.CalculationMethod),
            new(row.Frequency), new(row.UnitOfMeasure), new(row.GoalText), new(row.Budget), new(row.ObservationsWithMarks),
            new(Display.Achieved(row.Figures)), new(Display.Percent(row.Figures?.Percent)), new(row.StatusText, Bold: true),
        ]), 6.5, OfficialFormats.ByUnitTitles(r));
    }

    private static void TransversalTable(PdfComposer pdf, ProgramReport r)
    {
        if (r.TransversalRows.Count == 0) return;
        pdf.NewPage(PageOrientation.Landscape, PageSize.Legal);
        double[] widths = [20, 50, 50, 50, 58, 20, 20, 38, 46, 50, 38, 34, 52, 30, 40, 44, 40, 40, 40, 32, 36, 40, 38, 38];
        var columns = OfficialFormats.TransversalHeaders.Select((h, i) => new TableColumn(h, widths[i], i is 0 or 5 or 6 or 13 or 19 or 20 or 22 ? XStringAlignment.Center : XStringAlignment.Near)).ToList();
        var groups = OfficialFormats.TransversalGroupRow
            .Select((g, i) => (g.Column, (i + 1 < OfficialFormats.TransversalGroupRow.Count ? OfficialFormats.TransversalGroupRow[i + 1].Column : columns.Count) - 1, g.Text)).ToList();
        pdf.Table(columns, r.TransversalRows.Select(row => (IReadOnlyList<TableCell>)
        [
            .. Objective(row, row.ObjectiveNumber.ToString(Display.Culture), row.ProgramName, row.Policies, row.ObjectiveText),
            new(row.ActivityCell), new(Month(row.FirstMonth)), new(Month(row.LastMonth)), new(row.Dimension), new(row.Name),
            new(row.CalculationMethod), new(row.Frequency), new(row.UnitOfMeasure), new(row.Baseline), new(row.GoalText), new(row.Trend),
            new(row.Budget), new(row.ObservationsWithMarks), new(row.Value1Label), new(row.Value2Label), new(Display.Achieved(row.Figures)),
            new(row.Figures is { } f ? Display.Number(Math.Round(f.Remaining, 2)) : ""), new(row.VerifiableIn),
            new(Display.Percent(row.Figures?.Percent)), new(row.StatusText, Bold: true),
        ]), 6, OfficialFormats.TransversalTitles(r), groups);
    }

    /// <summary>The objective's four cells: written on its first row, continued (merged) on the others.</summary>
    private static IEnumerable<TableCell> Objective(IndicatorRow row, params string?[] values) =>
        values.Select(v => row.ObjectiveRowSpan > 0 ? new TableCell(v) : new TableCell(null, ContinuesAbove: true));

    private static string? Month(int? month) => month?.ToString(Display.Culture);

}
