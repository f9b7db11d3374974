using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatUcsi.Data.Seeding;
using PatUcsi.Domain;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Tests;

namespace PatUcsi.Data.Tests;

public partial class SeedTests
{
    private static async Task<PatDbContext> Seeded(TestDatabase database)
    {
        var db = database.Context();
        await DatabaseInitializer.MigrateAsync(db);
        await DatabaseInitializer.SeedAsync(db, RepoPaths.SeedData, NullLogger.Instance);
        return db;
    }

    private static Task<AnnualProgram> LoadUcsi2024(PatDbContext db) =>
        db.Programs
            .Include(p => p.Unit)
            .Include(p => p.Abbreviations)
            .Include(p => p.Objectives).ThenInclude(o => o.ActionLines).ThenInclude(l => l.Indicator!).ThenInclude(i => i.PeriodGoals)
            .AsSplitQuery()
            .SingleAsync(p => p.Unit.ShortName == "UCSI" && p.Year == 2024);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_whole_UCSI_2024_program_is_loaded(string provider)
    {
        await using var database = TestDatabase.Create(provider);
        await using var db = await Seeded(database);
        var program = await LoadUcsi2024(db);

        Assert.Equal(9, await db.Units.CountAsync());
        Assert.Equal(ProgramState.Approved, program.State);
        Assert.Equal(14, program.Abbreviations.Count);
        Assert.Equal(18, program.Objectives.Count);
        Assert.Equal(Enumerable.Range(1, 18), program.Objectives.Select(o => o.Number).Order());
        Assert.Equal(10, program.Objectives.Count(o => o.Group == ObjectiveGroup.UnitActivities));
        Assert.Equal(8, program.Objectives.Count(o => o.Group == ObjectiveGroup.Transversal));
        var lines = program.ActionLines().ToList();
        Assert.Equal(27, lines.Count);
        Assert.Equal(11, lines.Count(l => l.Indicator is not null && l.Objective.Format == IndicatorFormat.ByUnit));
        Assert.Equal(13, lines.Count(l => l.Indicator is not null && l.Objective.Format == IndicatorFormat.Transversal));
        Assert.Equal(new DateOnly(2024, 7, 22), program.Signature.Date);
        Assert.Equal("Mtro. Mario Yee Castro", program.Signature.Name);
        Assert.Equal("La Paz, Baja California Sur", program.Signature.Place);
    }

    [Fact]
    public async Task What_the_source_document_lacks_is_marked_missing_not_made_up()
    {
        await using var database = TestDatabase.Sqlite();
        await using var db = await Seeded(database);
        var program = await LoadUcsi2024(db);
        var lines = program.ActionLines().ToDictionary(l => l.Number);

        foreach (var number in new[] { "8.2", "18.1", "18.2" })
        {
            Assert.Null(lines[number].Indicator);
            Assert.Null(lines[number].FirstMonth);
            Assert.True(lines[number].Schedule.IsEmpty);
            Assert.Contains(number, program.SourceNotes);
        }
        Assert.Null(program.OrganizationText);
        Assert.Contains("organigrama", program.SourceNotes);
        Assert.All(lines.Values.Where(l => !new[] { "8.2", "18.1", "18.2" }.Contains(l.Number)),
            l => Assert.Equal(Enumerable.Range(l.FirstMonth!.Value, l.LastMonth!.Value - l.FirstMonth.Value + 1), l.Schedule.List()));
    }

    [Fact]
    public async Task Every_text_is_word_for_word_from_the_source_document()
    {
        await using var database = TestDatabase.Sqlite();
        await using var db = await Seeded(database);
        var program = await LoadUcsi2024(db);
        var source = Normalize(await File.ReadAllTextAsync(RepoPaths.SourceDocument));

        var texts = new List<string?>
        {
            program.Mission, program.Vision, program.LegalFramework, program.OrganizationNote,
            program.ActionLinesIntro, program.ScheduleIntro, program.IndicatorsIntro,
        };
        texts.AddRange(Paragraphs(program.Presentation));
        texts.AddRange(Paragraphs(program.GeneralObjective));
        texts.AddRange(Paragraphs(program.FormatGeneralObjective));
        texts.AddRange(program.Abbreviations.SelectMany(a => new[] { a.Acronym, a.Meaning }));
        texts.AddRange(program.Objectives.SelectMany(o => new[] { o.Text, o.FormatText, o.ProgramName, o.Policies }));
        foreach (var line in program.ActionLines())
        {
            texts.Add(line.Text);
            if (line.Indicator is not { } i) continue;
            texts.AddRange([i.Name, i.CalculationMethod, i.UnitOfMeasure, i.BaselineText, i.GoalText, i.Budget,
                i.Observations, i.VerifiableIn, i.Value1Label, i.Value2Label, i.ActivityText]);
        }

        var checkedTexts = texts.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        Assert.True(checkedTexts.Count > 150, $"only {checkedTexts.Count} texts checked");
        Assert.All(checkedTexts, t => Assert.Contains(Normalize(t), source));
    }

    [Fact]
    public async Task Indicator_rows_keep_every_column_as_written()
    {
        await using var database = TestDatabase.Sqlite();
        await using var db = await Seeded(database);
        var lines = (await LoadUcsi2024(db)).ActionLines().ToDictionary(l => l.Number);

        var prep = lines["1.1"].Indicator!;
        Assert.Equal((1, 6), (lines["1.1"].FirstMonth, lines["1.1"].LastMonth));
        Assert.Equal("Informe de avance de desarrollo", prep.Name);
        Assert.Equal("Documento realizado/ Documento presentado X 100", prep.CalculationMethod);
        Assert.Equal(Frequency.Monthly, prep.Frequency);
        Assert.Equal("Documento", prep.UnitOfMeasure);
        Assert.Equal(6, prep.Goal);
        Assert.Equal(IndicatorType.Count, prep.Type);
        Assert.StartsWith("La remisión de los informes será de manera mensual", prep.Observations);
        Assert.Equal("Fomento del uso de la tecnología en los procesos de trabajo", lines["1.1"].Objective.Policies);
        Assert.Equal("Implementación de tecnologías de información", lines["1.1"].Objective.ProgramName);

        Assert.Equal((8, 12, Frequency.Bimonthly, 2m), (lines["10.1"].FirstMonth, lines["10.1"].LastMonth, lines["10.1"].Indicator!.Frequency, lines["10.1"].Indicator!.Goal));

        var transparency = lines["13.1"].Indicator!;
        Assert.Equal(Dimension.Efficacy, transparency.Dimension);
        Assert.Equal("100%", transparency.GoalText);
        Assert.Equal(100, transparency.Goal);
        Assert.Equal(IndicatorType.Percentage, transparency.Type);
        Assert.Equal(Trend.Increase, transparency.Trend);
        Assert.Equal("Solicitudes atendidas y respondidas en el plazo de 10 días", transparency.Value1Label);
        Assert.Equal("Solicitudes turnadas por la DTASISPE", transparency.Value2Label);
        Assert.StartsWith("De ___ solicitudes turnadas por la DTASISPE en 2023, se atendieron xx solicitudes", transparency.BaselineText);

        var deoe = lines["11.1"].Indicator!;
        Assert.Equal(("$0", "Informe Bimestral DEOE", "Sin referencia", Trend.Constant), (deoe.Budget, deoe.VerifiableIn, deoe.BaselineText, deoe.Trend));
        Assert.Equal(Trend.Decrease, lines["11.2"].Indicator!.Trend);
        Assert.Equal((Frequency.Annual, 5, 8), (lines["15.1"].Indicator!.Frequency, lines["15.1"].FirstMonth, lines["15.1"].LastMonth));
        Assert.Equal("%", lines["12.1"].Indicator!.UnitOfMeasure);
        Assert.Equal(1, lines["12.1"].Indicator!.Baseline);
    }

    [Fact]
    public async Task Before_the_year_every_indicator_is_pending_at_zero_as_the_document_shows()
    {
        await using var database = TestDatabase.Sqlite();
        await using var db = await Seeded(database);
        var indicators = (await LoadUcsi2024(db)).ActionLines().Where(l => l.Indicator is not null).ToList();

        foreach (var line in indicators)
        {
            var figures = IndicatorCalculator.Compute(line.Indicator!.Definition()!, [], new DateOnly(2023, 12, 31));
            Assert.Equal(IndicatorStatus.Pending, figures.Status);
            Assert.Equal(0, figures.Achieved);
            // 12.1 has a goal of 0 with Constante: no percentage applies (the document prints 0).
            Assert.Equal(line.Number == "12.1" ? null : 0m, figures.Percent);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Loading_twice_changes_nothing(string provider)
    {
        await using var database = TestDatabase.Create(provider);
        await using var db = await Seeded(database);
        var before = await Counts(db);

        await DatabaseInitializer.SeedAsync(db, RepoPaths.SeedData, NullLogger.Instance);

        Assert.Equal(before, await Counts(db));
        // Every loaded row was audited once: 9 units, the program, 14 abbreviations, 18 objectives, 27 lines, 24 indicators.
        Assert.Equal(9 + 1 + 14 + 18 + 27 + 24, before.Audit);
    }

    [Fact]
    public async Task A_file_with_an_unknown_word_is_refused_with_its_place_and_changes_nothing()
    {
        await using var database = TestDatabase.Sqlite();
        await using var db = database.Context();
        await DatabaseInitializer.MigrateAsync(db);
        var document = await DatabaseInitializer.ReadAsync<ProgramDocument>(Path.Combine(RepoPaths.SeedData, "programs", "ucsi-2024.json"));
        document.Objectives[10].ActionLines[0].Indicator!.Frequency = "Quincenal";
        document.Objectives[0].ActionLines[0].FirstMonth = 13;

        var error = await Assert.ThrowsAsync<ImportException>(() => ProgramImporter.ImportAsync(db, document));

        Assert.Contains(error.Errors, e => e.StartsWith("Objetivo 11, línea de acción 11.1: frecuencia «Quincenal» no reconocida", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("Objetivo 1, línea de acción 1.1:", StringComparison.Ordinal) && e.Contains("entre 1 y 12"));
        Assert.Equal(0, await db.Programs.CountAsync());
    }

    [Fact]
    public async Task A_file_of_another_format_is_refused()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pat-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "format": "otro", "year": 2024 }""");
        try
        {
            var document = await DatabaseInitializer.ReadAsync<ProgramDocument>(file);
            var error = Assert.Throws<ImportException>(() => ProgramImporter.Build(document, new Domain.Units.Unit("X", "X"), new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc)));
            Assert.Contains("pat-ucsi/1", error.Message);

            await File.WriteAllTextAsync(file, """{ "format": "pat-ucsi/1", "anio": 2024 }""");
            await Assert.ThrowsAsync<ImportException>(() => DatabaseInitializer.ReadAsync<ProgramDocument>(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Programs, int Objectives, int Lines, int Indicators, int Units, int Audit)> Counts(PatDbContext db) =>
        (await db.Programs.CountAsync(), await db.Objectives.CountAsync(), await db.ActionLines.CountAsync(),
            await db.Indicators.CountAsync(), await db.Units.CountAsync(), await db.AuditEntries.CountAsync());

    private static IEnumerable<string> Paragraphs(string? text) => text?.Split('\n') ?? [];

    /// <summary>The source text without its extraction marks, with white space folded.</summary>
    private static string Normalize(string text) =>
        Spaces().Replace(text.Replace("<b>", "").Replace("</b>", "").Replace("**", "").Replace("\\$", "$"), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
