using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Excel;

/// <summary>The informe de avance of a month as a one-sheet workbook.</summary>
public static class PeriodReportWorkbook
{
    public static readonly IReadOnlyList<string> Headers =
        ["Línea de acción", "Actividad", "Indicador", "Valor 1 / unidades", "Valor 2", "Descripción", "Evidencia", "% cumplido", "Estatus", "Comentario del Titular"];

    public static byte[] Build(PeriodReportView v)
    {
        var w = new SheetWriter();
        foreach (var title in new[] { OfficialFormats.Institute, v.UnitName.ToUpperInvariant(), v.Title })
        {
            w.NextRow(18);
            w.Text(1, title, Style.Title);
            w.Merge(1, w.RowIndex, Headers.Count, w.RowIndex);
        }
        foreach (var line in new[] { v.ApprovalText, v.LateText, $"Cifras al {Display.LongDate(v.AsOf)}." }.Where(t => t is not null))
        {
            w.NextRow();
            w.Text(1, line, v.IsApproved || line != v.ApprovalText ? Style.Default : Style.Draft);
            w.Merge(1, w.RowIndex, Headers.Count, w.RowIndex);
        }
        w.NextRow(30);
        for (var c = 0; c < Headers.Count; c++) w.Text(c + 1, Headers[c], Style.Header);
        var header = w.RowIndex;
        foreach (var l in v.Lines)
        {
            w.NextRow();
            w.Text(1, l.Number);
            w.Text(2, l.Activity);
            w.Text(3, l.Indicator);
            w.Number(4, l.Value1);
            w.Number(5, l.IsRatio ? l.Value2 : null);
            w.Text(6, l.Narrative);
            w.Text(7, string.Join("\n", l.Evidence));
            w.Number(8, l.Figures?.Percent is { } p ? p / 100 : null, Style.Percent);
            w.Text(9, l.Status);
            w.Text(10, l.ReviewComment);
        }

        return WorkbookFile.Save([new SheetPart("Informe de avance", w, [10, 45, 35, 14, 10, 45, 35, 12, 14, 35], header, (v.UnitName, v.Title), header)]);
    }
}
