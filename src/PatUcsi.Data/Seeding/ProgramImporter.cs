using Microsoft.EntityFrameworkCore;
using PatUcsi.Domain;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Units;

namespace PatUcsi.Data.Seeding;

public sealed record ImportResult(bool Imported, string Message, AnnualProgram? Program = null);

/// <summary>The document could not be read; every problem found is listed, in Spanish.</summary>
public sealed class ImportException(IReadOnlyList<string> errors)
    : Exception("El programa no pudo importarse: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Loads programs written in the seed-data format into the database. A program that already exists
/// for its unit and year is left alone, so loading the same files twice changes nothing.
/// </summary>
public static class ProgramImporter
{
    public static async Task<ImportResult> ImportAsync(PatDbContext db, ProgramDocument document, CancellationToken ct = default)
    {
        var unit = await EnsureUnitAsync(db, document.Unit, ct);
        if (unit.Id != 0 && await db.Programs.AnyAsync(p => p.UnitId == unit.Id && p.Year == document.Year, ct))
            return new ImportResult(false, $"El programa {document.Year} de {unit.ShortName} ya existe; no se modificó.");

        var program = Build(document, unit, db.Clock.GetUtcNow().UtcDateTime);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return new ImportResult(true, $"Se importó el programa {document.Year} de {unit.ShortName}.", program);
    }

    /// <summary>Adds the units that do not exist yet (by short name); existing ones are left as they are.</summary>
    public static async Task<int> ImportUnitsAsync(PatDbContext db, UnitsDocument document, CancellationToken ct = default)
    {
        if (document.Format != UnitsDocument.FormatName)
            throw new ImportException([$"El archivo de unidades no tiene el formato «{UnitsDocument.FormatName}»."]);
        var existing = await db.Units.Select(u => u.ShortName).ToListAsync(ct);
        var added = document.Units.Where(u => !existing.Contains(u.ShortName)).ToList();
        db.Units.AddRange(added.Select(u => new Unit(u.ShortName, u.Name, u.HeadName, u.HeadTitle)));
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    private static async Task<Unit> EnsureUnitAsync(PatDbContext db, UnitDocument document, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(document.ShortName) || string.IsNullOrWhiteSpace(document.Name))
            throw new ImportException(["La unidad debe tener siglas y nombre."]);
        return await db.Units.FirstOrDefaultAsync(u => u.ShortName == document.ShortName, ct)
               ?? new Unit(document.ShortName, document.Name, document.HeadName, document.HeadTitle);
    }

    /// <summary>Builds the program in memory, collecting every problem before giving up.</summary>
    /// <param name="importedAtUtc">An approved program is published from the moment it is imported.</param>
    public static AnnualProgram Build(ProgramDocument document, Unit unit, DateTime importedAtUtc)
    {
        var errors = new List<string>();
        if (document.Format != ProgramDocument.FormatName)
            throw new ImportException([$"El archivo no tiene el formato «{ProgramDocument.FormatName}»."]);

        AnnualProgram program;
        try
        {
            program = new AnnualProgram(unit, document.Year);
        }
        catch (DomainException e)
        {
            throw new ImportException([e.Message]);
        }
        program.Describe(new ProgramTexts
        {
            Mission = Text(document.Mission), Vision = Text(document.Vision), Presentation = Text(document.Presentation),
            LegalFramework = Text(document.LegalFramework), OrganizationText = Text(document.OrganizationText),
            OrganizationNote = Text(document.OrganizationNote), GeneralObjective = Text(document.GeneralObjective),
            FormatGeneralObjective = Text(document.FormatGeneralObjective), ActionLinesIntro = Text(document.ActionLinesIntro),
            ScheduleIntro = Text(document.ScheduleIntro), IndicatorsIntro = Text(document.IndicatorsIntro), SourceNotes = Text(document.SourceNotes),
            Signature = document.Signature is { } s ? new SignatureBlock { Name = s.Name, Title = s.Title, Place = s.Place, Date = s.Date } : new(),
        });
        for (var i = 0; i < document.Abbreviations.Count; i++)
            Try(errors, $"Abreviatura {i + 1}", () =>
                program.AddAbbreviation(document.Abbreviations[i].Acronym, document.Abbreviations[i].Meaning));

        foreach (var o in document.Objectives)
            Try(errors, $"Objetivo {o.Number}", () => AddObjective(program, o, errors));

        var state = document.State is null ? ProgramState.Draft : OfficialTerms.Parse(OfficialTerms.ProgramStates, document.State);
        if (state is null) errors.Add($"Estado del programa «{document.State}» no reconocido.");
        if (errors.Count > 0) throw new ImportException(errors);

        if (state >= ProgramState.Submitted) program.Submit();
        if (state == ProgramState.Approved) program.Approve(importedAtUtc);
        return program;
    }

    private static void AddObjective(AnnualProgram program, ObjectiveDocument o, List<string> errors)
    {
        var group = OfficialTerms.Parse(OfficialTerms.Groups, o.Group)
                    ?? throw new DomainException($"grupo «{o.Group}» no reconocido (use «Actividades de la Unidad» u «Objetivos con transversalidad»).");
        var objective = program.AddObjective(o.Number, o.Text, group);
        objective.Describe(o.Text, group, Blank(o.ProgramName), Blank(o.Policies), Blank(o.FormatText));
        objective.WordActionLinesSection(Blank(o.ActionLinesText), Blank(o.ActionLinesHeader));
        foreach (var l in o.ActionLines)
            Try(errors, $"Objetivo {o.Number}, línea de acción {l.Number}", () => AddActionLine(objective, l));
    }

    private static void AddActionLine(SpecificObjective objective, ActionLineDocument l)
    {
        if ((l.FirstMonth is null) != (l.LastMonth is null))
            throw new DomainException("indique mes inicial y mes final, o ninguno de los dos.");
        var line = objective.AddActionLine(l.Text, l.FirstMonth, l.LastMonth, l.Number.Trim());
        if (l.Schedule is { } months) line.SetSchedule(MonthSet.Of(months));
        if (l.Indicator is { } i) line.SetIndicator(BuildIndicator(i));
    }

    private static Indicator BuildIndicator(IndicatorDocument i)
    {
        var description = new IndicatorDescription(Blank(i.Name) ?? throw new DomainException("el indicador no tiene nombre."),
            i.Goal >= 0 ? i.Goal : throw new DomainException("la meta no puede ser negativa."))
        {
            Dimension = i.Dimension is null ? null : Parse(OfficialTerms.Dimensions, i.Dimension, "dimensión"),
            CalculationMethod = Blank(i.CalculationMethod), Value1Label = Blank(i.Value1Label), Value2Label = Blank(i.Value2Label),
            UnitOfMeasure = Blank(i.UnitOfMeasure), BaselineText = Blank(i.BaselineText), Baseline = i.Baseline, GoalText = Blank(i.GoalText),
            Budget = Blank(i.Budget), Observations = Blank(i.Observations), VerifiableIn = Blank(i.VerifiableIn), ActivityText = Blank(i.ActivityText),
        };
        var measurement = new Measurement(Parse(OfficialTerms.Types, i.Type, "tipo de indicador"), Parse(OfficialTerms.Frequencies, i.Frequency, "frecuencia"),
            i.Accumulates, Parse(OfficialTerms.Trends, i.Trend, "tendencia"));
        var indicator = new Indicator(description, measurement);
        foreach (var (month, goal) in i.PeriodGoals ?? []) indicator.SetPeriodGoal(month, goal);
        return indicator;
    }

    private static T Parse<T>(IReadOnlyDictionary<T, string> terms, string text, string what) where T : struct, Enum =>
        OfficialTerms.Parse(terms, text)
        ?? throw new DomainException($"{what} «{text}» no reconocida (valores válidos: {string.Join(", ", terms.Values)}).");

    private static void Try(List<string> errors, string where, Action action)
    {
        try
        {
            action();
        }
        catch (DomainException e)
        {
            errors.Add($"{where}: {e.Message}");
        }
    }

    /// <summary>Paragraphs are stored one per line.</summary>
    private static string? Text(List<string>? paragraphs) =>
        paragraphs is null || paragraphs.Count == 0 ? null : string.Join("\n", paragraphs.Select(p => p.Trim()));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
