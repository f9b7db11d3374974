using PatUcsi.Domain;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Excel;

/// <summary>The institute's quarterly report as a workbook: a sheet of units with their figures and one of the indicators in red.</summary>
public static class QuarterlyWorkbook
{
    public static byte[] Build(QuarterlyReport q)
    {
        var running = (OfficialFormats.Institute, $"{q.Title}, trimestre {q.Quarter}");
        var (units, unitWidths) = Units(q);
        var (red, redWidths) = Red(q);
        return WorkbookFile.Save([new SheetPart("Unidades", units, unitWidths, 4, running), new SheetPart("Indicadores en rojo", red, redWidths, 4, running)]);
    }

    /// <summary>Title, subtitle and cut-off over the given headers (row 4).</summary>
    private static SheetWriter Start(QuarterlyReport q, string[] headers)
    {
        var w = new SheetWriter();
        foreach (var (text, style) in new[] { (q.Title, Style.Title), (q.Subtitle, Style.Title), (q.CutOffText, Style.Default) })
        {
            w.NextRow(18);
            w.Text(1, text, style);
            w.Merge(1, w.RowIndex, headers.Length, w.RowIndex);
        }
        w.NextRow(30);
        for (var i = 0; i < headers.Length; i++) w.Text(i + 1, headers[i], Style.Header);
        return w;
    }

    private static (SheetWriter, double[]) Units(QuarterlyReport q)
    {
        string[] headers = ["Unidad", "Nombre", "Programa", "% avance", .. OfficialTerms.Statuses.Values, "Informes vencidos"];
        var w = Start(q, headers);
        foreach (var u in q.Units)
        {
            w.NextRow();
            w.Text(1, u.UnitShortName);
            w.Text(2, u.UnitName);
            w.Text(3, u.State is { } s ? OfficialTerms.ProgramStates[s] : "Sin programa");
            w.Number(4, u.OverallPercent / 100, Style.Percent);
            var column = 5;
            foreach (var status in OfficialTerms.Statuses.Keys)
                w.Number(column++, u.Report is null ? null : u.StatusCounts.GetValueOrDefault(status), Style.Centered);
            w.Number(column, u.Report is null ? null : u.Overdue, Style.Centered);
        }
        w.NextRow();
        w.Text(1, "Instituto", Style.Header);
        w.Text(2, "Promedio de las unidades con programa aprobado", Style.Header);
        w.Empty(3, Style.Header);
        w.Number(4, q.Overview.OverallPercent / 100, Style.Percent);
        var total = 5;
        foreach (var status in OfficialTerms.Statuses.Keys) w.Number(total++, q.Overview.StatusCounts.GetValueOrDefault(status), Style.Centered);
        return (w, [10, 45, 14, 10, 12, 12, 12, 12, 12, 12, 12]);
    }

    private static (SheetWriter, double[]) Red(QuarterlyReport q)
    {
        string[] headers = ["Unidad", "Línea", "Indicador", "Programada a la fecha", "Alcanzada", "% avance", "Observaciones"];
        var w = Start(q, headers);
        if (q.Red.Count == 0)
        {
            w.NextRow();
            w.Text(1, "Ningún indicador está en rojo al corte.");
            w.Merge(1, w.RowIndex, headers.Length, w.RowIndex);
        }
        foreach (var r in q.Red)
        {
            w.NextRow();
            w.Text(1, r.UnitShortName);
            w.Text(2, r.ActionLineNumber, Style.Centered);
            w.Text(3, r.Name);
            w.Number(4, r.Programmed is { } p ? Math.Round(p, 2) : null);
            w.Number(5, r.Figures.HasValues ? Math.Round(r.Figures.Achieved, 2) : null);
            w.Number(6, r.Figures.ProgressVsProgrammed / 100, Style.Percent);
            w.Text(7, r.Observations);
        }
        return (w, [10, 8, 50, 14, 12, 10, 60]);
    }
}
