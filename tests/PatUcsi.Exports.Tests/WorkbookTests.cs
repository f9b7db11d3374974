using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain.Reporting;
using PatUcsi.Exports.Excel;

namespace PatUcsi.Exports.Tests;

public class WorkbookTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private sealed record Sheet(Worksheet Worksheet, Dictionary<string, Cell> Cells, string Name);

    private static List<Sheet> Open(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        return part.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s =>
        {
            var worksheet = ((WorksheetPart)part.GetPartById(s.Id!)).Worksheet;
            var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            return new Sheet((Worksheet)worksheet.CloneNode(true), cells, s.Name!);
        }).ToList();
    }

    private static string? Text(Sheet sheet, string reference) =>
        sheet.Cells.TryGetValue(reference, out var c) ? c.InlineString?.InnerText ?? c.CellValue?.Text : null;

    private static int RowOf(Sheet sheet, int column, string text) =>
        sheet.Cells.Values.Where(c => c.CellReference!.Value!.StartsWith(SheetWriterName(column), StringComparison.Ordinal)
                && char.IsDigit(c.CellReference.Value![SheetWriterName(column).Length]) && (c.InlineString?.InnerText ?? c.CellValue?.Text) == text)
            .Select(c => int.Parse(c.CellReference!.Value![SheetWriterName(column).Length..], System.Globalization.CultureInfo.InvariantCulture)).Single();

    private static string SheetWriterName(int column) => ((char)('A' + column - 1)).ToString();

    [Fact]
    public void The_sheets_carry_the_official_titles_and_headers_word_for_word()
    {
        var sheets = Open(ProgramWorkbook.Build(fixture.Report));

        Assert.Equal(["Por órgano", "Transversalidad", "Cronograma"], sheets.Select(s => s.Name));
        var byUnit = sheets[0];
        Assert.Equal("INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR", Text(byUnit, "A1"));
        Assert.Equal("FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO", Text(byUnit, "A2"));
        Assert.Equal("PROGRAMA ANUAL DE TRABAJO 2024", Text(byUnit, "A3"));
        Assert.Equal("UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS", Text(byUnit, "A4"));
        Assert.StartsWith("Desarrollar sistemas informáticos que optimicen", Text(byUnit, "A5"));
        Assert.Equal(OfficialFormats.ByUnitHeaders, Enumerable.Range(1, 17).Select(c => Text(byUnit, $"{Col(c)}7")));

        var transversal = sheets[1];
        Assert.Equal("FORMATO DE PROGRAMAS ANUALES DE TRABAJO", Text(transversal, "A2"));
        Assert.Equal("Programa Anual de Trabajo UCSI 2024", Text(transversal, "A3"));
        Assert.Equal("UNIDAD DE CÓMPUTO Y SERVICIOS INFORMÁTICOS   OBJETIVOS CON TRANSVERSALIDAD", Text(transversal, "A4"));
        Assert.Equal(OfficialFormats.TransversalHeaders, Enumerable.Range(1, 24).Select(c => Text(transversal, $"{Col(c)}6")));
        Assert.Equal(["Características del Indicador", "Dato", "Dato", "Fórmula", "Fórmula", "Tabla"],
            new[] { "A7", "K7", "P7", "R7", "T7", "V7" }.Select(r => Text(transversal, r)));
    }

    [Fact]
    public void Each_action_line_is_a_row_with_its_values_and_real_formulas_with_cached_results()
    {
        var sheets = Open(ProgramWorkbook.Build(fixture.Report));
        var byUnit = sheets[0];
        var row = RowOf(byUnit, 5, "1.1 Implementar la versión 2 del Programa de Resultados Electorales Preliminares.");
        Assert.Equal(["1", "6", "Informe de avance de desarrollo", "Mensual", "Documento", "6"],
            new[] { "F", "G", "H", "J", "K", "L" }.Select(c => Text(byUnit, $"{c}{row}")));
        Assert.Equal("5", Text(byUnit, $"O{row}"));                     // five approved documents
        var percent = byUnit.Cells[$"P{row}"];
        Assert.Equal($"IF(L{row}=0,\"N/A\",IF(O{row}=\"\",0,O{row}/L{row}))", percent.CellFormula!.Text);
        var figures = fixture.Report.ByUnitRows.Single(r => r.ActionLineNumber == "1.1").Figures!;
        Assert.Equal(figures.Percent, Math.Round(decimal.Parse(percent.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture) * 100, 1));
        Assert.Equal(83.3m, figures.Percent);
        Assert.Equal("NO CUMPLIDA", Text(byUnit, $"Q{row}")); // June was due on 10 July: 5 of 6 at the end
        Assert.Contains("Reportado fuera de plazo: mayo 2024.", Text(byUnit, $"N{row}"));

        // Nothing approved: meta alcanzada stays empty, and the percentage is 0.
        var empty = RowOf(byUnit, 5, "2.1 Implementar la versión 4 del Sistema de Cómputos Distritales y Municipales (SISCOM).");
        Assert.Null(byUnit.Cells[$"O{empty}"].CellValue);
        Assert.Equal("0", byUnit.Cells[$"P{empty}"].CellValue!.Text);

        var transversal = sheets[1];
        var solicitudes = RowOf(transversal, 5, "Responder dentro de los plazos establecidos las solicitudes de información en materia de transparencia y acceso a la información relativa a la xxx.");
        Assert.Equal("95", Text(transversal, $"T{solicitudes}"));          // (9 + 10) / (10 + 10) × 100
        Assert.Equal($"MAX(N{solicitudes}-N(T{solicitudes}),0)", transversal.Cells[$"U{solicitudes}"].CellFormula!.Text);
        Assert.Equal("5", transversal.Cells[$"U{solicitudes}"].CellValue!.Text);
        Assert.Equal("0.95", transversal.Cells[$"W{solicitudes}"].CellValue!.Text);
        Assert.Equal("Solicitudes atendidas y respondidas en el plazo de 10 días", Text(transversal, $"R{solicitudes}"));
        var fri = RowOf(transversal, 5, "Capturar los contenidos para la Memoria del PLE 2023-2024 en la Recopilación de Información (FR)");
        Assert.Equal("N/A", transversal.Cells[$"W{fri}"].CellValue!.Text); // goal 0 with Constante
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.String, transversal.Cells[$"W{fri}"].DataType!.Value);
    }

    [Fact]
    public void Objective_cells_are_merged_over_their_rows_and_the_sheet_is_ready_to_print()
    {
        var sheets = Open(ProgramWorkbook.Build(fixture.Report));
        var byUnit = sheets[0];
        var sidepa = RowOf(byUnit, 5, "6.1 Desarrollar e implementar ajustes menores en el Sistema de Declaración Patrimonial (SIDEPA)");
        var merges = byUnit.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Contains($"A{sidepa}:A{sidepa + 1}", merges);
        Assert.Contains($"D{sidepa}:D{sidepa + 1}", merges);
        Assert.Contains("A1:Q1", merges);

        var setup = byUnit.Worksheet.Descendants<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.True(byUnit.Worksheet.Descendants<PageSetupProperties>().Single().FitToPage!.Value);
        var pane = byUnit.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(7d, pane.VerticalSplit!.Value);
        Assert.True(byUnit.Worksheet.Descendants<Column>().All(c => c.CustomWidth!.Value));

        using var document = SpreadsheetDocument.Open(new MemoryStream(ProgramWorkbook.Build(fixture.Report)), false);
        var titles = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().ToList();
        Assert.Contains(titles, d => d.Name == "_xlnm.Print_Titles" && d.Text == "'Por órgano'!$1:$7");
        Assert.Contains(titles, d => d.Name == "_xlnm.Print_Titles" && d.Text == "'Transversalidad'!$1:$7");
        var percentFormat = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single();
        Assert.Equal("0.0%", percentFormat.FormatCode!.Value);
    }

    [Fact]
    public void The_cronograma_fills_the_scheduled_months()
    {
        var schedule = Open(ProgramWorkbook.Build(fixture.Report))[2];
        var row = RowOf(schedule, 1, "6.1");

        Assert.Equal(["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"], Enumerable.Range(3, 12).Select(c => Text(schedule, $"{Col(c)}3")));
        Assert.Equal([null, null, null, "X", "X", null, null, null, null, null, null, null], Enumerable.Range(3, 12).Select(c => Text(schedule, $"{Col(c)}{row}")));
        Assert.Contains(schedule.Cells.Values, c => (c.InlineString?.InnerText) == "A. Actividades de la Unidad");
        Assert.Contains(schedule.Cells.Values, c => (c.InlineString?.InnerText) == "Objetivos con transversalidad:");
    }

    private static string Col(int column) => PatUcsiColumn(column);

    private static string PatUcsiColumn(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}
