using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatUcsi.Data.Seeding;

/// <summary>
/// A program in the seed-data format (docs/seed-format.md): plain JSON, one field per line, long
/// texts as lists of paragraphs, official words ("Bimestral", "Incremento") as written.
/// </summary>
public sealed class ProgramDocument
{
    public const string FormatName = "pat-ucsi/1";

    public string Format { get; set; } = "";
    public UnitDocument Unit { get; set; } = new();
    public int Year { get; set; }
    /// <summary>Borrador, Enviado a la Junta or Aprobado.</summary>
    public string? State { get; set; }
    public List<string>? Mission { get; set; }
    public List<string>? Vision { get; set; }
    public List<AbbreviationDocument> Abbreviations { get; set; } = [];
    public List<string>? Presentation { get; set; }
    public List<string>? LegalFramework { get; set; }
    public List<string>? OrganizationText { get; set; }
    public List<string>? OrganizationNote { get; set; }
    public List<string>? GeneralObjective { get; set; }
    public List<string>? FormatGeneralObjective { get; set; }
    public List<string>? ActionLinesIntro { get; set; }
    public List<string>? ScheduleIntro { get; set; }
    public List<string>? IndicatorsIntro { get; set; }
    public SignatureDocument? Signature { get; set; }
    public List<string>? SourceNotes { get; set; }
    public List<ObjectiveDocument> Objectives { get; set; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed class UnitDocument
{
    public string ShortName { get; set; } = "";
    public string Name { get; set; } = "";
    public string? HeadName { get; set; }
    public string? HeadTitle { get; set; }
}

public sealed class UnitsDocument
{
    public const string FormatName = "pat-ucsi/units/1";

    public string Format { get; set; } = "";
    public List<UnitDocument> Units { get; set; } = [];
}

public sealed class AbbreviationDocument
{
    public string Acronym { get; set; } = "";
    public string Meaning { get; set; } = "";
}

public sealed class SignatureDocument
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Place { get; set; }
    public DateOnly? Date { get; set; }
}

public sealed class ObjectiveDocument
{
    public int Number { get; set; }
    /// <summary>"Actividades de la Unidad" or "Objetivos con transversalidad".</summary>
    public string Group { get; set; } = "";
    public string Text { get; set; } = "";
    public string? FormatText { get; set; }
    /// <summary>The objective as section 5 writes it, where it differs from <see cref="Text"/>.</summary>
    public string? ActionLinesText { get; set; }
    /// <summary>Section 5's column header over the objective's lines, where it is not "Línea de acción".</summary>
    public string? ActionLinesHeader { get; set; }
    public string? ProgramName { get; set; }
    public string? Policies { get; set; }
    public List<ActionLineDocument> ActionLines { get; set; } = [];
}

public sealed class ActionLineDocument
{
    public string Number { get; set; } = "";
    public string Text { get; set; } = "";
    public int? FirstMonth { get; set; }
    public int? LastMonth { get; set; }
    /// <summary>The shaded months of the cronograma; absent means first to last month.</summary>
    public List<int>? Schedule { get; set; }
    public IndicatorDocument? Indicator { get; set; }
}

public sealed class IndicatorDocument
{
    public string Name { get; set; } = "";
    public string? Dimension { get; set; }
    public string Type { get; set; } = "";
    public string? CalculationMethod { get; set; }
    public string? Value1Label { get; set; }
    public string? Value2Label { get; set; }
    public string Frequency { get; set; } = "";
    public string? UnitOfMeasure { get; set; }
    public string? BaselineText { get; set; }
    public decimal? Baseline { get; set; }
    public decimal Goal { get; set; }
    public string? GoalText { get; set; }
    public string Trend { get; set; } = "";
    public string? Budget { get; set; }
    public string? Observations { get; set; }
    public string? VerifiableIn { get; set; }
    public bool Accumulates { get; set; } = true;
    public string? ActivityText { get; set; }
    /// <summary>Calendarización de metas: the goal of the period ending in each month ("2": 1).</summary>
    public Dictionary<int, decimal>? PeriodGoals { get; set; }
}
