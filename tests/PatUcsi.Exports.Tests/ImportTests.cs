using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatUcsi.Data;
using PatUcsi.Data.Seeding;
using PatUcsi.Domain.Reporting;
using PatUcsi.Exports.Excel;
using PatUcsi.Tests;

namespace PatUcsi.Exports.Tests;

public class ImportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static readonly UnitDocument Deoe = new() { ShortName = "DEOE", Name = "Dirección Ejecutiva de Organización Electoral" };

    private static async Task<TestDatabase> SeededDatabase()
    {
        var database = TestDatabase.Sqlite();
        await using var db = database.Context();
        await DatabaseInitializer.MigrateAsync(db);
        await DatabaseInitializer.SeedAsync(db, RepoPaths.SeedData, NullLogger.Instance);
        return database;
    }

    /// <summary>Everything the program says, without ids and figures.</summary>
    private static object Content(ProgramReport r) => new
    {
        Objectives = r.Objectives.Select(o => new { o.Number, o.Text, o.Group, o.LinesHeading, o.LinesHeader, Lines = o.ActionLines.Select(l => (l.Number, l.Text, l.FirstMonth, l.LastMonth, l.Schedule.Bits, l.HasIndicator)).ToList() }).ToList(),
        Rows = r.Rows.Select(x => (x.Format, x.ObjectiveNumber, x.ObjectiveText, x.ProgramName, x.Policies, x.ActionLineNumber, x.Activity, x.FirstMonth, x.LastMonth,
            x.Name, x.Dimension, x.Type, x.CalculationMethod, x.Frequency, x.UnitOfMeasure, x.BaselineText, x.BaselineValue, x.Goal, x.GoalText, x.Trend, x.Budget,
            x.Observations, x.Value1Label, x.Value2Label, x.VerifiableIn, x.Accumulates, IndicatorColumns.PeriodGoalsText(x.PeriodGoals))).ToList(),
        r.FormatGeneralObjective,
    };

    [Fact]
    public async Task Importing_an_exported_workbook_gives_back_the_same_program()
    {
        await using var database = await SeededDatabase();
        var workbook = ProgramWorkbook.Build(fixture.Report);

        var result = WorkbookReader.Read(new MemoryStream(workbook), Deoe, 2025, "pat-ucsi-2024.xlsx");
        Assert.Null(result.Error);
        Assert.Empty(result.Refused);
        Assert.Empty(result.Notices!);
        Assert.Equal(24, result.Read.Count);
        await using var db = database.Context();
        var imported = await ProgramImporter.ImportAsync(db, result.Document!);

        var copy = (await db.ProgramReportAsync(imported.Program!.Id, ExportFixture.AsOf))!;
        Assert.Equal(Domain.Programs.ProgramState.Draft, copy.State);
        Assert.Equal(27, copy.Objectives.Sum(o => o.ActionLines.Count)); // lines without indicator come from the cronograma
        var json = new System.Text.Json.JsonSerializerOptions { IncludeFields = true, WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }; // tuples are fields
        var expected = System.Text.Json.JsonSerializer.Serialize(Content(fixture.Report), json);
        Assert.Contains("Implementar la versión 2 del Programa de Resultados Electorales Preliminares.", expected);
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(Content(copy), json));
    }

    /// <summary>
    /// A program that uses every field and every value the model has — each type, frequency, tendencia and dimensión,
    /// both formats, baselines written and numeric, metas written otherwise, non-accumulating indicators, metas
    /// calendarizadas, a format's and section 5's own wording of an objective and an activity, lines without months or indicator.
    /// </summary>
    private static ProgramDocument EveryField()
    {
        var types = new[] { "Absoluto", "Porcentaje", "Razón", "Índice" };
        var frequencies = new[] { "Mensual", "Bimestral", "Trimestral", "Cuatrimestral", "Semestral", "Anual" };
        var trends = new[] { "Incremento", "Reducción", "Constante" };
        var dimensions = new[] { "Eficacia", "Eficiencia", "Economía", "Calidad", null };
        ObjectiveDocument Objective(int number, string group, int lines) => new()
        {
            Number = number, Group = group, Text = $"Objetivo {number} como lo dice la sección 4.", ProgramName = $"Programa {number}",
            Policies = $"Política {number}", FormatText = number % 2 == 0 ? $"Objetivo {number} como lo dice el formato" : null,
            ActionLinesText = number % 3 == 0 ? $"Objetivo {number} como lo dice la sección 5." : null,
            ActionLinesHeader = number % 3 == 1 ? "Líneas de Acción" : null,
            ActionLines = [.. Enumerable.Range(1, lines).Select(l =>
            {
                var i = number * 10 + l;
                return new ActionLineDocument
                {
                    Number = $"{number}.{l}", Text = $"Línea {number}.{l} del cronograma", FirstMonth = 1 + i % 6, LastMonth = 12,
                    Schedule = [.. Enumerable.Range(1 + i % 6, 12 - i % 6)],
                    Indicator = new IndicatorDocument
                    {
                        Name = $"Indicador {i}", Type = types[i % 4], Frequency = frequencies[i % 6], Trend = trends[i % 3], Dimension = dimensions[i % 5],
                        CalculationMethod = $"(A{i} / B{i}) x 100", Value1Label = $"A{i}", Value2Label = $"B{i}", UnitOfMeasure = "Documento",
                        BaselineText = i % 3 == 0 ? "Sin referencia" : null, Baseline = i % 3 == 1 ? 2.5m : null, Goal = 4 + i % 3,
                        GoalText = i % 4 == 1 ? $"{4 + i % 3} documentos" : null, Budget = "$0", Observations = i % 2 == 0 ? $"Nota {i}" : null,
                        VerifiableIn = $"Informe {i}", Accumulates = i % 2 == 0, ActivityText = l == 1 ? $"Actividad {number}.{l} como la dice el formato" : null,
                        PeriodGoals = i % 3 == 2 ? new Dictionary<int, decimal> { [12] = 4 + i % 3, [6] = 1.5m } : null,
                    },
                };
            }), new ActionLineDocument { Number = $"{number}.{lines + 1}", Text = $"Línea {number}.{lines + 1} sin meses ni indicador" }],
        };
        return new ProgramDocument
        {
            Format = ProgramDocument.FormatName, Unit = Deoe, Year = 2026, State = "Borrador",
            FormatGeneralObjective = ["Objetivo general como lo dicen los formatos."],
            Objectives = [Objective(1, "Actividades de la Unidad", 7), Objective(2, "Actividades de la Unidad", 6), Objective(3, "Objetivos con transversalidad", 7), Objective(4, "Objetivos con transversalidad", 6)],
        };
    }

    [Fact]
    public async Task Every_field_and_every_value_round_trips_export_import_export()
    {
        await using var database = await SeededDatabase();
        await using var db = database.Context();
        var original = await ProgramImporter.ImportAsync(db, EveryField());
        Assert.True(original.Program is not null, original.Message);
        var first = (await db.ProgramReportAsync(original.Program!.Id, ExportFixture.AsOf))!;
        Assert.Equal(26, first.Rows.Count());
        Assert.Equal(4, first.Rows.Select(r => r.Type).Distinct().Count());
        Assert.Equal(6, first.Rows.Select(r => r.Frequency).Distinct().Count());
        Assert.Equal(3, first.Rows.Where(r => r.Format == Domain.Indicators.IndicatorFormat.ByUnit).Select(r => r.Trend).Distinct().Count());
        Assert.Equal(5, first.Rows.Select(r => r.Dimension).Distinct().Count());
        Assert.Contains(first.Rows, r => r.PeriodGoals.Count > 0 && r.Format == Domain.Indicators.IndicatorFormat.ByUnit);
        Assert.Contains(first.Objectives, o => o.LinesHeading != o.Text);
        Assert.Contains(first.Objectives, o => o.LinesHeader != Domain.OfficialTerms.ActionLinesHeader);

        var result = WorkbookReader.Read(new MemoryStream(ProgramWorkbook.Build(first)), new UnitDocument { ShortName = "OTRA", Name = "Otra unidad" }, 2026, "todo.xlsx");
        Assert.True(result.Refused.Count == 0, string.Join("; ", result.Refused));
        Assert.Empty(result.Notices!);
        var copy = await ProgramImporter.ImportAsync(db, result.Document!);
        var second = (await db.ProgramReportAsync(copy.Program!.Id, ExportFixture.AsOf))!;

        var json = new System.Text.Json.JsonSerializerOptions { IncludeFields = true, WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Content(first), json), System.Text.Json.JsonSerializer.Serialize(Content(second), json));
    }

    [Fact]
    public async Task A_file_in_another_format_is_refused_and_changes_nothing()
    {
        await using var database = await SeededDatabase();

        var notExcel = WorkbookReader.Read(new MemoryStream("%PDF-1.4 no es Excel"u8.ToArray()), Deoe, 2025, "programa.xlsx");
        var otherWorkbook = WorkbookReader.Read(new MemoryStream(TransparencyWorkbook.Build(fixture.Report, 1, ExportFixture.AsOf)), Deoe, 2025, "otro.xlsx");

        Assert.Equal("El archivo no es un libro de Excel (.xlsx) válido.", notExcel.Error);
        Assert.StartsWith("El archivo no tiene el formato oficial", otherWorkbook.Error);
        Assert.Null(otherWorkbook.Document);
        await using var db = database.Context();
        Assert.Equal(1, await db.Programs.CountAsync());
    }

    private static byte[] WithCell(byte[] bytes, string reference, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First();
            var cell = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet
                .Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().First(c => c.CellReference == reference);
            cell.InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text));
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_bad_row_is_refused_with_its_place_and_the_others_are_read()
    {
        var bytes = WithCell(ProgramWorkbook.Build(fixture.Report), "J8", "Quincenal");

        var result = WorkbookReader.Read(new MemoryStream(bytes), Deoe, 2025, "con-error.xlsx");

        Assert.Equal(["Hoja «Por órgano», fila 8: frecuencia «Quincenal» no reconocida."], result.Refused);
        Assert.Equal(23, result.Read.Count);
    }

    [Fact]
    public void Months_that_disagree_with_the_cronograma_are_read_from_the_cronograma_and_said()
    {
        var line = fixture.Report.Rows.First();
        var bytes = WithCell(ProgramWorkbook.Build(fixture.Report), "G8", "12");

        var result = WorkbookReader.Read(new MemoryStream(bytes), Deoe, 2025, "meses.xlsx");

        var notice = Assert.Single(result.Notices!);
        Assert.StartsWith($"Línea {line.ActionLineNumber}: el cronograma sombrea de ", notice);
        Assert.EndsWith(" a diciembre; se usaron los meses sombreados del cronograma.", notice);
        var read = result.Document!.Objectives.SelectMany(o => o.ActionLines).Single(l => l.Number == line.ActionLineNumber);
        Assert.Equal(line.LastMonth, read.Schedule!.Max());
    }
}
