using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Domain.Reporting;

/// <summary>
/// The whole program as the official document presents it, with the indicators' figures as of a date.
/// The program page, the PDF and the Excel workbook all render this one model, so they never disagree.
/// </summary>
public sealed record ProgramReport(
    int ProgramId,
    string UnitShortName,
    string UnitName,
    int Year,
    ProgramState State,
    DateOnly AsOf,
    string Title,
    IReadOnlyList<string> Mission,
    IReadOnlyList<string> Vision,
    IReadOnlyList<(string Acronym, string Meaning)> Abbreviations,
    IReadOnlyList<string> Presentation,
    IReadOnlyList<string> LegalFramework,
    IReadOnlyList<string> OrganizationText,
    IReadOnlyList<string> OrganizationNote,
    IReadOnlyList<string> GeneralObjective,
    IReadOnlyList<string> FormatGeneralObjective,
    IReadOnlyList<string> ActionLinesIntro,
    IReadOnlyList<string> ScheduleIntro,
    IReadOnlyList<string> IndicatorsIntro,
    IReadOnlyList<string> SourceNotes,
    SignatureBlock Signature,
    IReadOnlyList<ObjectiveSection> Objectives,
    IReadOnlyList<IndicatorRow> ByUnitRows,
    IReadOnlyList<IndicatorRow> TransversalRows)
{
    public bool IsDraft => State != ProgramState.Approved;

    /// <summary>
    /// The progress document ("Avance al …") rather than the annual program: the program the Junta approves prints the
    /// figures as of its approval; progress to another date is this other, separately titled document.
    /// </summary>
    public bool IsProgress { get; init; }

    /// <summary>"Avance al 15 de julio de 2024".</summary>
    public string ProgressTitle => $"Avance al {Display.LongDate(AsOf)}";


    /// <summary>What an empty section says, on the page and in the PDF: where the source document's notes explain it, it points to them.</summary>
    public string EmptySection => SourceNotes.Count > 0 ? "Sin contenido: véanse las notas sobre el documento fuente." : "Sin contenido.";

    public const string SourceNotesTitle = "Notas sobre el documento fuente";

    public IEnumerable<ObjectiveSection> Group(ObjectiveGroup group) => Objectives.Where(o => o.Group == group);

    public IEnumerable<IndicatorRow> Rows => ByUnitRows.Concat(TransversalRows);

    /// <summary>Indicators per estatus (those without months are left out).</summary>
    public IReadOnlyDictionary<IndicatorStatus, int> StatusCounts =>
        Rows.Where(r => r.Figures is not null).GroupBy(r => r.Figures!.Status).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Indicators per semáforo (those without months are left out, as in the estatus counts).</summary>
    public IReadOnlyDictionary<TrafficLight, int> TrafficLightCounts =>
        Rows.Where(r => r.Figures is not null).GroupBy(r => r.Figures!.TrafficLight).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Overall progress: the mean % cumplido of the indicators that have one, each capped at 100 so
    /// that one overachieved indicator does not hide others behind; null when none has a percentage.
    /// </summary>
    public decimal? OverallPercent
    {
        get
        {
            var percents = Rows.Where(r => r.Figures?.Percent is not null && !r.IsCancelled).Select(r => Math.Min(100, r.Figures!.Percent!.Value)).ToList();
            return percents.Count == 0 ? null : Compliance.Round(percents.Average());
        }
    }

    /// <summary>
    /// The annual program as the Junta approves it: no progress yet, every indicator PENDIENTE with 0 achieved, as the
    /// signed document prints it (its figures as of the year's first day, before anything is due).
    /// </summary>
    public static ProgramReport Annual(AnnualProgram program)
    {
        var report = Build(program, new DateOnly(program.Year, 1, 1));
        return report with
        {
            ByUnitRows = [.. report.ByUnitRows.Select(r => r with { AsApproved = true })],
            TransversalRows = [.. report.TransversalRows.Select(r => r with { AsApproved = true })],
        };
    }

    public static ProgramReport Build(AnnualProgram program, DateOnly asOf, ProgressSnapshot? progress = null)
    {
        progress ??= ProgressSnapshot.Empty;
        var objectives = program.Objectives.OrderBy(o => o.Number).Select(o => new ObjectiveSection(
            o.Number, o.Text, o.Group, o.ActionLinesText ?? o.Text, o.ActionLinesHeader ?? OfficialTerms.ActionLinesHeader,
            o.ActionLines.OrderBy(l => l.Position).Select(l => new ActionLineItem(l.Id, l.Number, l.Text, l.FirstMonth, l.LastMonth, l.Schedule, l.Indicator is not null)).ToList()))
            .ToList();

        var rows = new List<IndicatorRow>();
        foreach (var objective in program.Objectives.OrderBy(o => o.Number))
        {
            var lines = objective.ActionLines.OrderBy(l => l.Position).Where(l => l.Indicator is not null).ToList();
            for (var i = 0; i < lines.Count; i++)
                rows.Add(IndicatorRow.From(lines[i], objective, i == 0 ? lines.Count : 0, asOf, progress));
        }

        return new ProgramReport(
            program.Id, program.Unit.ShortName, program.Unit.Name, program.Year, program.State, asOf,
            OfficialFormats.DocumentTitle(program.Unit.Name, program.Year),
            Paragraphs(program.Mission), Paragraphs(program.Vision),
            program.Abbreviations.OrderBy(a => a.Position).Select(a => (a.Acronym, a.Meaning)).ToList(),
            Paragraphs(program.Presentation), Paragraphs(program.LegalFramework), Paragraphs(program.OrganizationText),
            Paragraphs(program.OrganizationNote), Paragraphs(program.GeneralObjective), Paragraphs(program.FormatGeneralObjective),
            Paragraphs(program.ActionLinesIntro), Paragraphs(program.ScheduleIntro), Paragraphs(program.IndicatorsIntro),
            Paragraphs(program.SourceNotes), program.Signature, objectives,
            rows.Where(r => r.Format == IndicatorFormat.ByUnit).ToList(),
            rows.Where(r => r.Format == IndicatorFormat.Transversal).ToList());
    }

    public static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <param name="Text">The objective as section 4 writes it.</param>
/// <param name="LinesHeading">The objective as section 5 writes it over its lines.</param>
/// <param name="LinesHeader">Section 5's column header over its lines, as written.</param>
public sealed record ObjectiveSection(int Number, string Text, ObjectiveGroup Group, string LinesHeading, string LinesHeader, IReadOnlyList<ActionLineItem> ActionLines);

public sealed record ActionLineItem(int Id, string Number, string Text, int? FirstMonth, int? LastMonth, MonthSet Schedule, bool HasIndicator)
{
    /// <summary>What the line lacks, said beside it where it is printed (the source leaves 8.2, 18.1 and 18.2 so); null when whole.</summary>
    public string? Gap => (Schedule.IsEmpty, HasIndicator) switch
    {
        (true, false) => "Sin meses programados ni indicador",
        (true, true) => "Sin meses programados",
        (false, false) => "Sin indicador",
        _ => null,
    };

    /// <summary>The text followed by its gap, for documents that print both in one cell.</summary>
    public string MarkedText => Gap is null ? Text : $"{Text} ({Gap}.)";
}
