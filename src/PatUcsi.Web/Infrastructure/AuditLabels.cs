using System.Globalization;
using System.Text.Json;
using PatUcsi.Domain;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Web.Infrastructure;

/// <summary>The history in the institute's words: what changed, each field by its Spanish name, each value as the pages write it.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Entities = new()
    {
        ["Unit"] = "Unidad", ["AnnualProgram"] = "Programa", ["Abbreviation"] = "Abreviatura",
        ["SpecificObjective"] = "Objetivo específico", ["ActionLine"] = "Línea de acción", ["Indicator"] = "Indicador",
        ["PeriodGoal"] = "Meta del periodo", ["PeriodReport"] = "Informe de avance", ["ProgressEntry"] = "Avance",
        ["Evidence"] = "Evidencia", ["ReportEvent"] = "Movimiento del informe", ["AppUser"] = "Usuario",
    };

    /// <summary>The kinds of change the history can be filtered by, with the entities each takes in.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, string[] Entities)> Kinds =
    [
        ("programa", "Textos y estado del programa", ["AnnualProgram", "Abbreviation"]),
        ("objetivos", "Objetivos y líneas de acción", ["SpecificObjective", "ActionLine"]),
        ("indicadores", "Indicadores y metas", ["Indicator", "PeriodGoal"]),
        ("avance", "Avances e informes", ["PeriodReport", "ProgressEntry", "Evidence", "ReportEvent"]),
    ];

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["State"] = "Estado", ["ReviewComment"] = "Comentario de revisión", ["Mission"] = "Misión", ["Vision"] = "Visión",
        ["Presentation"] = "Presentación", ["LegalFramework"] = "Marco legal", ["OrganizationText"] = "Estructura organizacional",
        ["OrganizationNote"] = "Nota de la estructura organizacional", ["GeneralObjective"] = "Objetivo general",
        ["FormatGeneralObjective"] = "Objetivo general en los formatos", ["ActionLinesIntro"] = "Introducción de líneas de acción",
        ["ScheduleIntro"] = "Introducción del cronograma", ["IndicatorsIntro"] = "Introducción de indicadores y metas",
        ["SourceNotes"] = "Notas sobre el documento fuente", ["Signature.Name"] = "Nombre de quien firma", ["Signature.Title"] = "Cargo de quien firma",
        ["Signature.Place"] = "Lugar de firma", ["Signature.Date"] = "Fecha de firma", ["GraceDays"] = "Días de gracia",
        ["GreenThreshold"] = "Semáforo verde desde (%)", ["YellowThreshold"] = "Semáforo amarillo desde (%)",
        ["OverachievementThreshold"] = "Sobrecumplimiento arriba de (%)", ["Year"] = "Ejercicio",
        ["Acronym"] = "Sigla", ["Meaning"] = "Significado", ["Position"] = "Orden", ["Number"] = "Número", ["Text"] = "Texto",
        ["Group"] = "Grupo", ["ProgramName"] = "Nombre del programa", ["Policies"] = "Políticas", ["FormatText"] = "Texto en el formato",
        ["ActionLinesText"] = "Texto en 5. Líneas de acción", ["ActionLinesHeader"] = "Encabezado en 5. Líneas de acción",
        ["FirstMonth"] = "Mes inicial", ["LastMonth"] = "Mes final", ["Schedule"] = "Meses del cronograma",
        ["Name"] = "Nombre", ["Dimension"] = "Dimensión", ["Type"] = "Tipo de indicador", ["CalculationMethod"] = "Método de cálculo",
        ["Value1Label"] = "Valor de cálculo 1", ["Value2Label"] = "Valor de cálculo 2", ["Frequency"] = "Frecuencia de medición",
        ["UnitOfMeasure"] = "Unidad de medida", ["BaselineText"] = "Línea base (como se escribe)", ["Baseline"] = "Línea base",
        ["Goal"] = "Meta", ["GoalText"] = "Meta como se escribe", ["Trend"] = "Tendencia", ["Budget"] = "Presupuesto",
        ["Observations"] = "Observaciones", ["VerifiableIn"] = "Metas alcanzadas verificables en", ["Accumulates"] = "Acumulable",
        ["ActivityText"] = "Actividad en el formato", ["IsCancelled"] = "Cancelado", ["CancellationReason"] = "Justificación de la cancelación",
        ["Month"] = "Mes", ["SubmittedBy"] = "Enviado por", ["SubmittedAt"] = "Enviado el", ["ApprovedBy"] = "Aprobado por",
        ["ApprovedAt"] = "Aprobado el", ["IsLate"] = "Fuera de plazo", ["Value1"] = "Valor (unidades o valor 1)", ["Value2"] = "Valor 2",
        ["Narrative"] = "Descripción", ["Reference"] = "Referencia", ["FileName"] = "Archivo", ["Size"] = "Tamaño",
        ["AddedBy"] = "Agregado por", ["AddedAt"] = "Agregado el", ["Action"] = "Movimiento", ["User"] = "Usuario", ["At"] = "Fecha",
        ["Comment"] = "Comentario", ["ShortName"] = "Siglas", ["HeadName"] = "Titular", ["HeadTitle"] = "Cargo del Titular",
        ["IsActive"] = "Activo", ["FullName"] = "Nombre completo", ["Role"] = "Rol",
    };

    public static string Entity(string type) => Entities.GetValueOrDefault(type, type);

    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Insert => "Alta",
        AuditAction.Update => "Cambio",
        _ => "Baja",
    };

    /// <summary>Keys and versions are how the database links rows; people see the rows themselves.</summary>
    public static bool IsShown(string field) =>
        Fields.ContainsKey(field) && field is not ("Id" or "Version");

    public static string Field(string field) => Fields.GetValueOrDefault(field, field);

    /// <summary>A stored value as the pages write it: Spanish words for states and choices, Sí/No, month names, local times.</summary>
    public static string Value(string entity, string field, JsonElement value, TimeProvider clock)
    {
        if (value.ValueKind == JsonValueKind.Null) return "—";
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean() ? "Sí" : "No";
        var text = value.ToString();
        return field switch
        {
            "State" when entity == "AnnualProgram" => Term(OfficialTerms.ProgramStates, text),
            "State" => Term(OfficialTerms.ReportStates, text),
            "Group" => Term(OfficialTerms.Groups, text),
            "Type" => Term(OfficialTerms.Types, text),
            "Frequency" => Term(OfficialTerms.Frequencies, text),
            "Trend" => Term(OfficialTerms.Trends, text),
            "Dimension" => Term(OfficialTerms.Dimensions, text),
            "Action" when Enum.TryParse<ReportAction>(text, out var action) => action switch
            {
                ReportAction.Submitted => "Envío al Titular", ReportAction.Approved => "Aprobación", ReportAction.Returned => "Devolución", _ => "Reapertura",
            },
            "FirstMonth" or "LastMonth" or "Month" when int.TryParse(text, out var month) && month is >= 1 and <= 12 => Months.Name(month),
            "Schedule" => text.Length == 0 ? "—" : string.Join(", ", text.Split(',').Select(m => int.TryParse(m, out var n) && n is >= 1 and <= 12 ? Months.Name(n) : m)),
            "Signature.Date" when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Format.LongDate(date),
            "Size" when long.TryParse(text, out var bytes) => PatUcsi.Web.Features.Progress.EvidenceStore.Size(bytes),
            _ when field.EndsWith("At", StringComparison.Ordinal) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                => Format.DateTime(clock.ToLocal(at)),
            _ when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) => Display.Number(number),
            _ => text,
        };
    }

    private static string Term<T>(IReadOnlyDictionary<T, string> terms, string name) where T : struct, Enum =>
        Enum.TryParse<T>(name, out var value) && terms.TryGetValue(value, out var word) ? word : name;
}
