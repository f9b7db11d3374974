using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Units;

namespace PatUcsi.Domain.Programs;

public enum ProgramState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
}

/// <summary>The Programa Anual de Trabajo of one unit for one year.</summary>
public class AnnualProgram : Entity, IVersioned
{
    public const int DefaultGraceDays = 10;

    private AnnualProgram() { }

    public AnnualProgram(Unit unit, int year)
    {
        if (year is < 2000 or > 2100) throw new DomainException("El ejercicio debe ser un año entre 2000 y 2100.");
        Unit = unit;
        UnitId = unit.Id;
        Year = year;
    }

    public int UnitId { get; private set; }
    public Unit Unit { get; private set; } = null!;
    public int Year { get; private set; }
    public ProgramState State { get; private set; } = ProgramState.Draft;
    /// <summary>The Junta's comment when it returned the program, shown until it is submitted again.</summary>
    public string? ReviewComment { get; private set; }

    /// <summary>When the Junta approved it: the public portal's "publicado el".</summary>
    public DateTime? ApprovedAtUtc { get; private set; }

    public string? Mission { get; private set; }
    public string? Vision { get; private set; }
    public string? Presentation { get; private set; }
    public string? LegalFramework { get; private set; }
    /// <summary>Text of section 2 (the organisation chart itself is not kept).</summary>
    public string? OrganizationText { get; private set; }
    public string? OrganizationNote { get; private set; }
    public string? GeneralObjective { get; private set; }
    /// <summary>The general objective as written in the title rows of the indicator formats.</summary>
    public string? FormatGeneralObjective { get; private set; }
    public string? ActionLinesIntro { get; private set; }
    public string? ScheduleIntro { get; private set; }
    public string? IndicatorsIntro { get; private set; }
    /// <summary>What the source document lacked when the program was loaded (never made up).</summary>
    public string? SourceNotes { get; private set; }

    public SignatureBlock Signature { get; private set; } = new();

    /// <summary>Days after a period's last day before it counts as due (and a report as late).</summary>
    public int GraceDays { get; private set; } = DefaultGraceDays;
    public decimal GreenThreshold { get; private set; } = TrafficLightThresholds.Default.Green;
    public decimal YellowThreshold { get; private set; } = TrafficLightThresholds.Default.Yellow;
    public decimal OverachievementThreshold { get; private set; } = TrafficLightThresholds.Default.Overachievement;

    public TrafficLightThresholds Thresholds => new(GreenThreshold, YellowThreshold, OverachievementThreshold);

    private readonly List<Abbreviation> _abbreviations = [];
    private readonly List<SpecificObjective> _objectives = [];

    public IReadOnlyList<Abbreviation> Abbreviations => _abbreviations;
    public IReadOnlyList<SpecificObjective> Objectives => _objectives;

    public int Version { get; set; }

    public bool IsEditable => State == ProgramState.Draft;

    public void EnsureEditable()
    {
        if (!IsEditable)
            throw new DomainException(State == ProgramState.Approved
                ? "El programa está aprobado y no puede modificarse; debe reabrirse primero."
                : "El programa fue enviado a la Junta y no puede modificarse mientras se revisa.");
    }

    public ProgramTexts Texts => new()
    {
        Mission = Mission, Vision = Vision, Presentation = Presentation, LegalFramework = LegalFramework,
        OrganizationText = OrganizationText, OrganizationNote = OrganizationNote, GeneralObjective = GeneralObjective,
        FormatGeneralObjective = FormatGeneralObjective, ActionLinesIntro = ActionLinesIntro, ScheduleIntro = ScheduleIntro,
        IndicatorsIntro = IndicatorsIntro, SourceNotes = SourceNotes,
        Signature = new SignatureBlock { Name = Signature.Name, Title = Signature.Title, Place = Signature.Place, Date = Signature.Date },
    };

    /// <summary>Replaces the document's texts and signature, in a draft.</summary>
    public void Describe(ProgramTexts t)
    {
        EnsureEditable();
        (Mission, Vision, Presentation, LegalFramework) = (t.Mission, t.Vision, t.Presentation, t.LegalFramework);
        (OrganizationText, OrganizationNote, GeneralObjective, FormatGeneralObjective) = (t.OrganizationText, t.OrganizationNote, t.GeneralObjective, t.FormatGeneralObjective);
        (ActionLinesIntro, ScheduleIntro, IndicatorsIntro, SourceNotes) = (t.ActionLinesIntro, t.ScheduleIntro, t.IndicatorsIntro, t.SourceNotes);
        Signature = new SignatureBlock { Name = t.Signature.Name, Title = t.Signature.Title, Place = t.Signature.Place, Date = t.Signature.Date };
    }

    /// <summary>
    /// The program's rules, in a draft: grace days decide due dates and late marks of reports sent from now on (marks
    /// already given stay), the thresholds colour the semáforo (they change no figure).
    /// </summary>
    public void SetRules(int graceDays, TrafficLightThresholds thresholds)
    {
        EnsureEditable();
        if (graceDays is < 0 or > 60) throw new DomainException("Los días de gracia deben estar entre 0 y 60.");
        if (thresholds.Validate() is { } error) throw new DomainException(error);
        (GraceDays, GreenThreshold, YellowThreshold, OverachievementThreshold) = (graceDays, thresholds.Green, thresholds.Yellow, thresholds.Overachievement);
    }

    /// <summary>The Titular sends the draft to the Junta Estatal Ejecutiva.</summary>
    public void Submit()
    {
        if (State != ProgramState.Draft) throw new DomainException("Solo un programa en borrador puede enviarse a la Junta.");
        if (Objectives.Count == 0) throw new DomainException("El programa no tiene objetivos específicos; no puede enviarse.");
        State = ProgramState.Submitted;
        ReviewComment = null;
    }

    public void Approve(DateTime atUtc)
    {
        if (State != ProgramState.Submitted) throw new DomainException("Solo un programa enviado puede aprobarse.");
        State = ProgramState.Approved;
        ApprovedAtUtc = atUtc;
    }

    /// <summary>The Junta returns the program to draft with its comments.</summary>
    public void Return(string comment)
    {
        if (State != ProgramState.Submitted) throw new DomainException("Solo un programa enviado puede devolverse.");
        ReviewComment = Require(comment, "Escriba los comentarios para devolver el programa.");
        State = ProgramState.Draft;
    }

    /// <summary>An approved program goes back to draft; the reason is kept in the audit trail.</summary>
    public void Reopen(string reason)
    {
        if (State != ProgramState.Approved) throw new DomainException("Solo un programa aprobado puede reabrirse.");
        Require(reason, "Escriba el motivo para reabrir el programa.");
        State = ProgramState.Draft;
    }

    public SpecificObjective AddObjective(int number, string text, ObjectiveGroup group)
    {
        EnsureEditable();
        if (Objectives.Any(o => o.Number == number))
            throw new DomainException($"Ya existe el objetivo {number}.");
        var objective = new SpecificObjective(this, number, text, group);
        _objectives.Add(objective);
        return objective;
    }

    /// <summary>Removes an objective with its lines; the others are numbered 1..n again in their order.</summary>
    public void RemoveObjective(SpecificObjective objective)
    {
        EnsureEditable();
        if (!_objectives.Remove(objective)) throw new DomainException("El objetivo no pertenece a este programa.");
        Renumber(_objectives.OrderBy(o => o.Number).ToList());
    }

    public Abbreviation AddAbbreviation(string acronym, string meaning)
    {
        EnsureEditable();
        var abbreviation = new Abbreviation(acronym, meaning, _abbreviations.Count + 1);
        _abbreviations.Add(abbreviation);
        return abbreviation;
    }

    /// <summary>
    /// "Abreviaturas y siglas" as the editor lists them, in order. A sigla already there keeps its row (its meaning
    /// or place may change), new ones are added and those no longer listed removed, so the history says exactly that.
    /// </summary>
    public void SetAbbreviations(IReadOnlyList<(string Acronym, string Meaning)> rows)
    {
        EnsureEditable();
        var unused = _abbreviations.OrderBy(a => a.Position).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var acronym = Require(rows[i].Acronym, "La sigla es obligatoria.");
            var meaning = Require(rows[i].Meaning, "El significado es obligatorio.");
            if (unused.FirstOrDefault(a => a.Acronym == acronym) is { } kept)
            {
                unused.Remove(kept);
                (kept.Meaning, kept.Position) = (meaning, i + 1);
            }
            else
            {
                _abbreviations.Add(new Abbreviation(acronym, meaning, i + 1));
            }
        }
        foreach (var removed in unused) _abbreviations.Remove(removed);
    }

    /// <summary>Renumbers the objectives 1..n in the given order (and their action lines with them).</summary>
    public void Renumber(IReadOnlyList<SpecificObjective> order)
    {
        EnsureEditable();
        if (order.Count != _objectives.Count || order.Except(_objectives).Any())
            throw new DomainException("El nuevo orden debe incluir todos los objetivos del programa.");
        for (var i = 0; i < order.Count; i++) order[i].Renumber(i + 1);
    }

    /// <summary>
    /// A new draft for <paramref name="year"/> with this program's content — texts, abbreviations,
    /// objectives, action lines with their months and indicators, settings — but no progress, no
    /// review comments and no signature date.
    /// </summary>
    public AnnualProgram CopyTo(int year)
    {
        var copy = new AnnualProgram(Unit, year)
        {
            Mission = Mission, Vision = Vision, Presentation = Presentation, LegalFramework = LegalFramework,
            OrganizationText = OrganizationText, OrganizationNote = OrganizationNote, GeneralObjective = GeneralObjective,
            FormatGeneralObjective = FormatGeneralObjective, ActionLinesIntro = ActionLinesIntro, ScheduleIntro = ScheduleIntro,
            IndicatorsIntro = IndicatorsIntro, GraceDays = GraceDays, GreenThreshold = GreenThreshold,
            YellowThreshold = YellowThreshold, OverachievementThreshold = OverachievementThreshold,
            Signature = new SignatureBlock { Name = Signature.Name, Title = Signature.Title, Place = Signature.Place },
        };
        copy._abbreviations.AddRange(_abbreviations.OrderBy(a => a.Position).Select(a => new Abbreviation(a.Acronym, a.Meaning, a.Position)));
        foreach (var objective in Objectives.OrderBy(o => o.Number))
        {
            var o = copy.AddObjective(objective.Number, objective.Text, objective.Group);
            o.Describe(objective.Text, objective.Group, objective.ProgramName, objective.Policies, objective.FormatText);
            o.WordActionLinesSection(objective.ActionLinesText, objective.ActionLinesHeader);
            foreach (var line in objective.ActionLines.OrderBy(l => l.Position))
            {
                var l = o.AddActionLine(line.Text, line.FirstMonth, line.LastMonth, line.Number);
                l.SetSchedule(line.Schedule);
                if (line.Indicator is { } indicator) l.SetIndicator(indicator.Copy());
            }
        }
        return copy;
    }

    public IEnumerable<ActionLine> ActionLines() =>
        Objectives.OrderBy(o => o.Number).SelectMany(o => o.ActionLines.OrderBy(a => a.Position));

    internal static string Require(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException(message) : text.Trim();
}

/// <summary>The texts of the program document (sections 1–6 and the closing).</summary>
public sealed record ProgramTexts
{
    public string? Mission { get; init; }
    public string? Vision { get; init; }
    public string? Presentation { get; init; }
    public string? LegalFramework { get; init; }
    public string? OrganizationText { get; init; }
    public string? OrganizationNote { get; init; }
    public string? GeneralObjective { get; init; }
    public string? FormatGeneralObjective { get; init; }
    public string? ActionLinesIntro { get; init; }
    public string? ScheduleIntro { get; init; }
    public string? IndicatorsIntro { get; init; }
    public string? SourceNotes { get; init; }
    public SignatureBlock Signature { get; init; } = new();
}

/// <summary>The closing of the document: "Atentamente", name, title, place and date.</summary>
public class SignatureBlock
{
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Place { get; init; }
    public DateOnly? Date { get; init; }
}

/// <summary>An entry of "Abreviaturas y siglas".</summary>
public class Abbreviation : Entity
{
    private Abbreviation() { }

    public Abbreviation(string acronym, string meaning, int position)
    {
        Acronym = AnnualProgram.Require(acronym, "La sigla es obligatoria.");
        Meaning = AnnualProgram.Require(meaning, "El significado es obligatorio.");
        Position = position;
    }

    public int ProgramId { get; private set; }
    public string Acronym { get; private set; } = "";
    public string Meaning { get; internal set; } = "";
    public int Position { get; internal set; }
}
