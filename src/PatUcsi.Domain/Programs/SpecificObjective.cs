using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Programs;

/// <summary>The two groups of the cronograma and of the indicator formats.</summary>
public enum ObjectiveGroup
{
    /// <summary>"Actividades de la Unidad": reported in the "por órgano" format.</summary>
    UnitActivities = 0,
    /// <summary>"Objetivos con transversalidad": reported in the transversal format.</summary>
    Transversal = 1,
}

/// <summary>An objetivo específico with its action lines.</summary>
public class SpecificObjective : Entity, IVersioned
{
    private SpecificObjective() { }

    internal SpecificObjective(AnnualProgram program, int number, string text, ObjectiveGroup group)
    {
        Program = program;
        Number = CheckNumber(number);
        Text = AnnualProgram.Require(text, "El texto del objetivo es obligatorio.");
        Group = group;
    }

    public int ProgramId { get; private set; }
    public AnnualProgram Program { get; private set; } = null!;
    public int Number { get; private set; }
    public string Text { get; private set; } = "";
    public ObjectiveGroup Group { get; private set; }
    /// <summary>"Nombre del programa" (por órgano) or "Programa" (transversal).</summary>
    public string? ProgramName { get; private set; }
    /// <summary>"Políticas generales" (por órgano) or "Políticas" (transversal).</summary>
    public string? Policies { get; private set; }
    /// <summary>The objective as written in the indicator format, where it differs from <see cref="Text"/>.</summary>
    public string? FormatText { get; private set; }
    /// <summary>The objective's heading as section 5 (líneas de acción) writes it, where it differs from <see cref="Text"/>.</summary>
    public string? ActionLinesText { get; private set; }
    /// <summary>Section 5's column header over this objective's lines as written ("Líneas de Acción"); null is "Línea de acción".</summary>
    public string? ActionLinesHeader { get; private set; }
    private readonly List<ActionLine> _actionLines = [];

    public IReadOnlyList<ActionLine> ActionLines => _actionLines;
    public int Version { get; set; }

    public IndicatorFormat Format => Group == ObjectiveGroup.Transversal ? IndicatorFormat.Transversal : IndicatorFormat.ByUnit;

    /// <summary>Corrects the objective's texts and group, in a draft.</summary>
    public void Describe(string text, ObjectiveGroup group, string? programName, string? policies, string? formatText)
    {
        Program.EnsureEditable();
        Text = AnnualProgram.Require(text, "El texto del objetivo es obligatorio.");
        (Group, ProgramName, Policies, FormatText) = (group, programName, policies, formatText);
    }

    /// <summary>Keeps section 5's own wording of this objective (each section of the source says it its own way), in a draft.</summary>
    public void WordActionLinesSection(string? heading, string? header)
    {
        Program.EnsureEditable();
        ActionLinesText = heading == Text ? null : heading;
        ActionLinesHeader = header == OfficialTerms.ActionLinesHeader ? null : header;
    }

    public ActionLine AddActionLine(string text, int? firstMonth = null, int? lastMonth = null, string? number = null)
    {
        Program.EnsureEditable();
        var position = _actionLines.Count == 0 ? 1 : _actionLines.Max(a => a.Position) + 1;
        var line = new ActionLine(this, number ?? $"{Number}.{position}", position, text);
        if (firstMonth is not null && lastMonth is not null) line.SetMonths(firstMonth.Value, lastMonth.Value);
        _actionLines.Add(line);
        return line;
    }

    public void RemoveActionLine(ActionLine line)
    {
        Program.EnsureEditable();
        if (!_actionLines.Remove(line)) throw new DomainException("La línea de acción no pertenece a este objetivo.");
    }

    internal void Renumber(int number)
    {
        Number = CheckNumber(number);
        foreach (var line in ActionLines) line.Number = $"{number}.{line.Position}";
    }

    private static int CheckNumber(int number) =>
        number is < 1 or > 999 ? throw new DomainException("El número del objetivo debe estar entre 1 y 999.") : number;
}
