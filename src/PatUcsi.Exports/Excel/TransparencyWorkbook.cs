using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Excel;

/// <summary>
/// The national transparency platform's format for "indicadores de objetivos y resultados", one row per
/// indicator, for one quarter (the report given must be as of the quarter's last day).
/// </summary>
public static class TransparencyWorkbook
{
    public static byte[] Build(ProgramReport report, int quarter, DateOnly updatedOn) => Build([report], quarter, updatedOn, report.UnitName);

    /// <summary>Several programs of one year in one sheet (the institute's quarter), one after the other.</summary>
    /// <param name="who">Whose indicators the title names: the unit, or the institute.</param>
    public static byte[] Build(IReadOnlyList<ProgramReport> reports, int quarter, DateOnly updatedOn, string who)
    {
        var year = reports[0].Year;
        var columns = TransparencyTable.Columns;
        var w = new SheetWriter();
        w.NextRow(18);
        w.Text(1, $"Indicadores de objetivos y resultados · {who} · {year}, trimestre {quarter}", Style.Title);
        w.Merge(1, 1, columns.Count, 1);
        w.NextRow();
        w.Text(1, TransparencyTable.CutOff(TransparencyTable.Quarter(year, quarter).Last, updatedOn), Style.Default);
        w.Merge(1, 2, columns.Count, 2);
        w.NextRow(60);
        w.Headers(columns);
        foreach (var row in reports.SelectMany(r => TransparencyTable.Rows(r, quarter, updatedOn)))
        {
            w.NextRow();
            w.Cells(columns, row);
        }
        return WorkbookFile.Save([new SheetPart("Reporte de Formatos", w, [.. columns.Select(c => c.ExcelWidth)], 3,
            (who, $"Indicadores de objetivos y resultados {year}, trimestre {quarter}"))]);
    }
}
