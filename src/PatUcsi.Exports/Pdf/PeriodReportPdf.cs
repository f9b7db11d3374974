using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Pdf;

/// <summary>The informe de avance of a month as PDF: the approval (or "NO APROBADO" on every page), late marks, and every line reported.</summary>
public static class PeriodReportPdf
{
    public static byte[] Build(PeriodReportView v)
    {
        using var pdf = new PdfComposer(v.Title, $"{OfficialFormats.Institute} · {v.UnitName}", v.IsApproved ? null : "NO APROBADO");
        pdf.NewPage();
        pdf.Centered(OfficialFormats.Institute, 12, bold: true);
        pdf.Centered(v.UnitName.ToUpperInvariant(), 11, bold: true);
        pdf.Centered(v.Title, 14, bold: true);
        pdf.Space(6);
        pdf.Paragraph(v.ApprovalText, 10.5, bold: true, after: 2);
        if (v.LateText is { } late) pdf.Paragraph(late, 10.5, after: 2);
        if (v.SubmittedBy is { } by) pdf.Paragraph($"Enviado por {by} el {Display.LongDateTime(v.SubmittedAt!.Value)}.", 10, after: 2);
        pdf.Paragraph($"Cifras al {Display.LongDate(v.AsOf)}.", 10);
        if (v.Lines.Count == 0)
        {
            pdf.Paragraph("No se capturó avance para este periodo.");
            return pdf.Finish();
        }
        pdf.BarChart("Avance respecto de lo programado de cada línea reportada (%)",
            [.. v.Lines.Select(l => new ChartBar(l.Number, l.Figures?.ProgressVsProgrammed ?? 0, ChartPalette.TrafficLight(l.Figures?.TrafficLight ?? PatUcsi.Domain.Calculation.TrafficLight.None)))], 100, " %");
        pdf.Table(
        [
            new("Línea", 22), new("Actividad", 90), new("Indicador", 60), new("Valores", 55), new("Descripción", 90),
            new("Evidencia", 60), new("% cumplido", 32), new("Estatus", 42),
        ],
        v.Lines.Select(l => (IReadOnlyList<TableCell>)
        [
            new(l.Number), new(l.Activity), new(l.Indicator), new(l.Values),
            new(l.ReviewComment is null ? l.Narrative : $"{l.Narrative}\nComentario del Titular: {l.ReviewComment}"),
            new(string.Join("\n", l.Evidence)), new(Display.Percent(l.Figures?.Percent)), new(l.Status, Bold: true),
        ]), 7.5);
        return pdf.Finish();
    }
}
