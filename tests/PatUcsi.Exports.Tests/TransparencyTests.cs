using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Exports.Excel;

namespace PatUcsi.Exports.Tests;

public class TransparencyTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    [Fact]
    public void One_row_per_indicator_for_the_quarter_with_the_platforms_columns()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(TransparencyWorkbook.Build(fixture.Report, 2, new DateOnly(2024, 7, 15))), false);
        var sheet = ((WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!)).Worksheet;
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text).ToList()).ToList();

        Assert.Equal("Cifras de los periodos que terminan a más tardar el 30/06/2024, con los informes aprobados al 15/07/2024.", rows[1][0]);
        Assert.Equal(PatUcsi.Domain.Reporting.TransparencyTable.Headers, rows[2].Select(h => h ?? ""));
        Assert.Equal(3 + 24, rows.Count);
        var prep = rows.Single(r => r.Count > 7 && r[7]?.StartsWith("1.1 ", StringComparison.Ordinal) == true);
        Assert.Equal(["2024", "01/04/2024", "30/06/2024"], prep.Take(3));
        Assert.Equal("Implementación de tecnologías de información", prep[3]);
        Assert.Equal("Ascendente", prep[15]);
        var reduction = rows.Single(r => r.Count > 7 && r[7]?.StartsWith("11.2 ", StringComparison.Ordinal) == true);
        Assert.Equal("Descendente", reduction[15]);
        Assert.Equal("Informe Bimestral DEOE", reduction[16]);
        Assert.Equal("Unidad de Cómputo y Servicios Informáticos", prep[17]);
        Assert.Contains("Estatus al 30/06/2024:", prep[20]);
        Assert.Contains("aprobados al 15/07/2024", prep[20]);
        // As the platform's records write them: the value achieved (not a percentage), 0 adjusted, ND without a baseline.
        var row = fixture.Report.Rows.Single(r => r.ActionLineNumber == "1.1");
        Assert.Equal(PatUcsi.Domain.Reporting.Display.Plain(row.Figures!.Achieved), prep[14]);
        Assert.DoesNotContain("%", prep[14]);
        Assert.Equal("0", prep[13]);
        Assert.Equal(row.Baseline ?? "ND", prep[11]);
        Assert.Contains(rows.Skip(3), r => r[11] == "ND");
    }
}
