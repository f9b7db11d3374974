using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Reporting;
using PdfSharp;
using PdfSharp.Drawing;

namespace PatUcsi.Exports.Pdf;

/// <summary>The institute's quarterly report as PDF: the summary charts, every unit's figures, the indicators in red.</summary>
public static class QuarterlyReportPdf
{
    public static byte[] Build(QuarterlyReport q)
    {
        using var pdf = new PdfComposer($"{q.Title}, trimestre {q.Quarter}", $"{OfficialFormats.Institute} · {q.Title}", null);
        pdf.NewPage(PageOrientation.Landscape);
        pdf.Centered(OfficialFormats.Institute, 12, bold: true);
        pdf.Centered(q.Title, 14, bold: true);
        pdf.Centered(q.Subtitle, 11);
        pdf.Space(4);
        pdf.Paragraph(q.CutOffText, 9.5);
        pdf.Paragraph($"Avance general del instituto: {Display.Percent(q.Overview.OverallPercent)} % (promedio de las unidades con programa aprobado).", 10.5, bold: true);

        var withFigures = q.Units.Where(u => u.Report is not null).ToList();
        if (withFigures.Count == 0)
            pdf.Paragraph("Ninguna unidad tiene un programa aprobado en este ejercicio.");
        else
        {
            pdf.BarChart("Avance general por unidad (%)", [.. withFigures.Select(u => new ChartBar(u.UnitShortName, u.OverallPercent ?? 0, ChartPalette.Achieved))], 100, " %");
            var counts = q.Overview.StatusCounts;
            pdf.BarChart("Indicadores por estatus", [.. OfficialTerms.Statuses.Select(s => new ChartBar(s.Value, counts.GetValueOrDefault(s.Key), ChartPalette.Status(s.Key)))]);
        }

        pdf.Heading("Avance por unidad", 12);
        pdf.Table(
        [
            new("Unidad", 120), new("Programa", 55), new("% avance", 40, XStringAlignment.Far),
            .. OfficialTerms.Statuses.Values.Select(v => new TableColumn(v, 42, XStringAlignment.Far)),
            new("Informes vencidos", 45, XStringAlignment.Far),
        ],
        q.Units.Select(u => (IReadOnlyList<TableCell>)
        [
            new($"{u.UnitShortName} · {u.UnitName}"), new(u.State is { } s ? OfficialTerms.ProgramStates[s] : "Sin programa"),
            new(u.Report is null ? "—" : Display.Percent(u.OverallPercent)),
            .. OfficialTerms.Statuses.Keys.Select(k => new TableCell(u.Report is null ? "—" : Display.Number(u.StatusCounts.GetValueOrDefault(k)))),
            new(u.Report is null ? "—" : Display.Number(u.Overdue)),
        ]), 7.5);

        pdf.Heading("Indicadores en rojo", 12);
        var red = q.Red;
        if (red.Count == 0)
            pdf.Paragraph("Ningún indicador está en rojo al corte.");
        else
            pdf.Table(
            [
                new("Unidad", 45), new("Línea", 30), new("Indicador", 170), new("Programada", 50, XStringAlignment.Far), new("Alcanzada", 50, XStringAlignment.Far),
                new("% avance", 42, XStringAlignment.Far), new("Observaciones", 200),
            ],
            red.Select(r => (IReadOnlyList<TableCell>)
            [
                new(r.UnitShortName), new(r.ActionLineNumber), new(r.Name),
                new(r.Programmed is { } p ? Display.Number(Math.Round(p, 2)) : "—"), new(Display.Achieved(r.Figures)),
                new(Display.Percent(r.Figures.ProgressVsProgrammed)), new(r.Observations ?? "Sin observaciones."),
            ]), 7.5);
        return pdf.Finish();
    }
}
