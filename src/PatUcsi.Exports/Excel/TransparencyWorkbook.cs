using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Exports.Excel;

/// <summary>
/// The national transparency platform's format for "indicadores de objetivos y resultados", one row per
/// indicator, for one quarter (the report given must be as of the quarter's last day).
/// </summary>
public static class TransparencyWorkbook
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Ejercicio", "Fecha de inicio del periodo que se informa", "Fecha de término del periodo que se informa",
        "Nombre del programa o concepto al que corresponde el indicador", "Objetivo institucional", "Nombre del indicador",
        "Dimensión(es) a medir", "Definición del indicador", "Método de cálculo", "Unidad de medida", "Frecuencia de medición",
        "Línea base", "Metas programadas", "Metas ajustadas en su caso", "Avance de las metas", "Sentido del indicador",
        "Fuente de información", "Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información",
        "Fecha de validación", "Fecha de actualización", "Nota",
    ];

    public static (DateOnly First, DateOnly Last) Quarter(int year, int quarter)
    {
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (first, first.AddMonths(3).AddDays(-1));
    }

    public static byte[] Build(ProgramReport report, int quarter, DateOnly updatedOn)
    {
        var (first, last) = Quarter(report.Year, quarter);
        static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var w = new SheetWriter();
        w.NextRow(18);
        w.Text(1, $"Indicadores de objetivos y resultados · {report.UnitName} · {report.Year}, trimestre {quarter}", Style.Title);
        w.Merge(1, 1, Headers.Count, 1);
        w.NextRow(60);
        for (var c = 0; c < Headers.Count; c++) w.Text(c + 1, Headers[c], Style.Header);
        foreach (var r in report.Rows)
        {
            var trend = OfficialTerms.Parse(OfficialTerms.Trends, r.Trend) ?? Trend.Increase;
            var notes = new List<string> { $"Estatus al {Date(last)}: {r.StatusText}." };
            if (trend == Trend.Constant) notes.Add("Tendencia constante: se reporta como ascendente.");
            if (r.ObservationsWithMarks is { } observations) notes.Add(observations);
            w.NextRow();
            w.Number(1, report.Year, Style.Centered);
            w.Text(2, Date(first));
            w.Text(3, Date(last));
            w.Text(4, r.ProgramName ?? $"Programa Anual de Trabajo {report.Year}");
            w.Text(5, r.ObjectiveText);
            w.Text(6, r.Name);
            w.Text(7, r.Dimension);
            w.Text(8, $"{r.ActionLineNumber} {r.Activity}");
            w.Text(9, r.CalculationMethod);
            w.Text(10, r.UnitOfMeasure);
            w.Text(11, r.Frequency);
            w.Text(12, r.Baseline);
            w.Text(13, r.GoalText);
            w.Empty(14, Style.Text);
            w.Text(15, r.Figures?.Percent is { } p ? $"{Display.Percent(p)}%" : "N/A");
            w.Text(16, trend == Trend.Decrease ? "Descendente" : "Ascendente");
            w.Text(17, r.VerifiableIn ?? "Informes de avance del Programa Anual de Trabajo");
            w.Text(18, report.UnitName);
            w.Text(19, Date(updatedOn));
            w.Text(20, Date(updatedOn));
            w.Text(21, string.Join(" ", notes));
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Create();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = ProgramWorkbook.Worksheet(w, [8, 12, 12, 30, 40, 30, 12, 40, 30, 14, 12, 30, 12, 12, 12, 12, 24, 30, 12, 12, 40], 2);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Reporte de Formatos" }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
