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

    /// <summary>Several programs in one file (the institute's year), each exactly as <see cref="Build(ProgramReport)"/> makes it.</summary>
    public static byte[] Build(IReadOnlyList<ProgramReport> reports)
    {
        using var all = new PdfSharp.Pdf.PdfDocument();
        all.Info.Title = reports.Count == 0 ? OfficialFormats.Institute : $"Programas Anuales de Trabajo {reports[0].Year} · {OfficialFormats.Institute}";
        foreach (var report in reports)
        {
            using var one = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(Build(report)), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            foreach (var page in one.Pages) all.AddPage(page);
        }
        using var stream = new MemoryStream();
        all.Save(stream);
        return stream.ToArray();
    }

    private static (byte[] Bytes, Dictionary<string, int> Pages) Render(ProgramReport r, IReadOnlyDictionary<string, int>? index)
    {
        using var pdf = new PdfComposer(r.IsProgress ? $"{r.ProgressTitle} · {r.Title}" : r.Title,
            r.IsProgress ? $"{r.ProgressTitle} · {r.UnitName}" : $"{OfficialFormats.Institute} · {r.UnitName}", r.IsDraft ? "BORRADOR" : null);
        Cover(pdf, r);

        pdf.NewPage();
        pdf.Heading("ÍNDICE", 14);
        foreach (var section in Sections)
            pdf.Leader(section, index?.GetValueOrDefault(section).ToString(Display.Culture) ?? "");
        if (r.SourceNotes.Count > 0)
        {
            // What the source lacks is said where the reader starts, as the program page does.
            pdf.Space(18);
            pdf.Paragraph(ProgramReport.SourceNotesTitle + ":", 10, bold: true, after: 2);
            foreach (var note in r.SourceNotes) pdf.Paragraph("• " + note, 9.5, indent: 10, after: 2);
        }

        pdf.NewPage();
        Text(pdf, "Misión", r.Mission, r.EmptySection);
        Text(pdf, "Visión", r.Vision, r.EmptySection);

        pdf.NewPage();
        pdf.Section("Abreviaturas y siglas");
        pdf.Heading("ABREVIATURAS Y SIGLAS");
        pdf.Table([new("Sigla", 1), new("Significado", 3)], r.Abbreviations.Select(a => (IReadOnlyList<TableCell>)[new(a.Acronym, Bold: true), new(a.Meaning)]), 10);

        pdf.NewPage();
        Text(pdf, "Presentación", r.Presentation, r.EmptySection);
        pdf.NewPage();
        Text(pdf, "1. Marco Legal", r.LegalFramework, r.EmptySection);
        Text(pdf, "2. Estructura organizacional", r.OrganizationText, r.EmptySection);
        if (r.OrganizationNote.Count > 0) pdf.Paragraph("Nota: " + string.Join(" ", r.OrganizationNote));
        pdf.NewPage();
        Text(pdf, "3. Objetivo General", r.GeneralObjective, r.EmptySection);

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
            pdf.Table([new(o.LinesHeader, 1), new("", 6)], o.ActionLines.Select(l => (IReadOnlyList<TableCell>)[new(l.Number), new(l.MarkedText)]), 9.5,
                lead: ($"{o.Number}. {o.LinesHeading}", 10.5));
        }

        pdf.NewPage();
        Schedule(pdf, r);

        pdf.NewPage();
        pdf.Section("7. Indicadores y metas");
        pdf.Heading("7. INDICADORES Y METAS");
        foreach (var p in r.IndicatorsIntro) pdf.Paragraph(p);
        if (r.IsProgress) pdf.Paragraph($"{r.ProgressTitle}: cifras oficiales (solo informes aprobados a esa fecha).", 9.5, after: 4);
        Signature(pdf, r);
        foreach (var table in IndicatorTable.All) Indicators(pdf, r, table);
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
        if (r.IsProgress)
        {
            pdf.Space(30);
            pdf.Centered(r.ProgressTitle.ToUpperInvariant(), 16, bold: true);
            pdf.Centered("Cifras oficiales: solo informes aprobados a esa fecha. No es el programa aprobado por la Junta.", 10);
        }
        if (r.IsDraft)
        {
            pdf.Space(40);
            pdf.Centered($"BORRADOR · {OfficialTerms.ProgramStates[r.State]}", 14, bold: true, XColor.FromArgb(0xb0, 0x2a, 0x37));
        }
    }

    private static void Text(PdfComposer pdf, string section, IReadOnlyList<string> paragraphs, string empty)
    {
        pdf.Section(section);
        pdf.Heading(section.ToUpperInvariant());
        foreach (var p in paragraphs) pdf.Paragraph(p);
        if (paragraphs.Count == 0) pdf.Paragraph(empty, 10);
    }

    private static void Schedule(PdfComposer pdf, ProgramReport r)
    {
        pdf.Section("6. Cronograma");
        pdf.Heading("6. CRONOGRAMA");
        foreach (var p in r.ScheduleIntro) pdf.Paragraph(p);
        foreach (var group in ScheduleTable.Groups(r))
        {
            pdf.Table(PdfTables.Columns(ScheduleTable.Columns),
                group.Rows.Select(row => PdfTables.Cells(ScheduleTable.Columns, row.Marked, fill: row.IsObjective ? ObjectiveFill : null, bold: row.IsObjective)), 8,
                lead: (group.Label, 11));
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

    private static void Indicators(PdfComposer pdf, ProgramReport r, IndicatorTable table)
    {
        var rows = table.Rows(r);
        if (rows.Count == 0) return;
        pdf.NewPage(PageOrientation.Landscape, PageSize.Legal);
        pdf.Table(PdfTables.Columns(table.Columns), rows.Select(row => PdfTables.Cells(table.Columns, row, row.ObjectiveRowSpan)),
            table.PdfFontSize, table.Titles(r), table.GroupRow.Count > 0 ? [.. table.GroupSpans] : null);
    }
}
