using PatUcsi.Domain.Auditing;

namespace PatUcsi.Web.Infrastructure;

/// <summary>Spanish names for what the history shows.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Entities = new()
    {
        ["Unit"] = "Unidad", ["AnnualProgram"] = "Programa", ["Abbreviation"] = "Abreviatura",
        ["SpecificObjective"] = "Objetivo específico", ["ActionLine"] = "Línea de acción", ["Indicator"] = "Indicador",
        ["PeriodGoal"] = "Meta del periodo", ["PeriodReport"] = "Informe de avance", ["ProgressEntry"] = "Avance",
        ["Evidence"] = "Evidencia", ["ReportEvent"] = "Movimiento del informe",
    };

    public static string Entity(string type) => Entities.GetValueOrDefault(type, type);

    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Insert => "Alta",
        AuditAction.Update => "Cambio",
        _ => "Baja",
    };
}
