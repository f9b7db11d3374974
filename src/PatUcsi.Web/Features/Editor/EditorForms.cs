using System.ComponentModel.DataAnnotations;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Input;
using PatUcsi.Domain.Programs;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Editor;

/// <summary>Every text section of the program, the signature block and the calculation settings.</summary>
public sealed class TextsForm : IValidatableObject
{
    private const int Long = 20000;
    private const string TooLong = "El texto no puede pasar de {1} caracteres.";

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }

    [Display(Name = "Misión"), StringLength(Long, ErrorMessage = TooLong)] public string? Mission { get; set; }
    [Display(Name = "Visión"), StringLength(Long, ErrorMessage = TooLong)] public string? Vision { get; set; }
    [Display(Name = "Presentación"), StringLength(Long, ErrorMessage = TooLong)] public string? Presentation { get; set; }
    [Display(Name = "1. Marco legal"), StringLength(Long, ErrorMessage = TooLong)] public string? LegalFramework { get; set; }
    [Display(Name = "2. Estructura organizacional"), StringLength(Long, ErrorMessage = TooLong)] public string? OrganizationText { get; set; }
    [Display(Name = "Nota de la estructura organizacional"), StringLength(Long, ErrorMessage = TooLong)] public string? OrganizationNote { get; set; }
    [Display(Name = "3. Objetivo general"), StringLength(Long, ErrorMessage = TooLong)] public string? GeneralObjective { get; set; }
    [Display(Name = "Objetivo general en los formatos de indicadores"), StringLength(Long, ErrorMessage = TooLong)] public string? FormatGeneralObjective { get; set; }
    [Display(Name = "Introducción de 5. Líneas de acción"), StringLength(Long, ErrorMessage = TooLong)] public string? ActionLinesIntro { get; set; }
    [Display(Name = "Introducción de 6. Cronograma"), StringLength(Long, ErrorMessage = TooLong)] public string? ScheduleIntro { get; set; }
    [Display(Name = "Introducción de 7. Indicadores y metas"), StringLength(Long, ErrorMessage = TooLong)] public string? IndicatorsIntro { get; set; }

    [Display(Name = "Nombre de quien firma"), StringLength(200, ErrorMessage = TooLong)] public string? SignatureName { get; set; }
    [Display(Name = "Cargo"), StringLength(500, ErrorMessage = TooLong)] public string? SignatureTitle { get; set; }
    [Display(Name = "Lugar"), StringLength(200, ErrorMessage = TooLong)] public string? SignaturePlace { get; set; }
    [Display(Name = "Fecha de firma")] public DateOnly? SignatureDate { get; set; }

    [Display(Name = "Días de gracia"), Range(0, 60, ErrorMessage = "Los días de gracia deben estar entre {1} y {2}.")]
    public int GraceDays { get; set; } = AnnualProgram.DefaultGraceDays;
    [Display(Name = "Semáforo verde desde (%)"), NumberLimit(Limit.Threshold)]
    public decimal GreenThreshold { get; set; }
    [Display(Name = "Semáforo amarillo desde (%)"), NumberLimit(Limit.Threshold)]
    public decimal YellowThreshold { get; set; }
    [Display(Name = "Sobrecumplimiento arriba de (%)"), NumberLimit(Limit.Threshold)]
    public decimal OverachievementThreshold { get; set; }

    public TrafficLightThresholds Thresholds => new(GreenThreshold, YellowThreshold, OverachievementThreshold);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Thresholds.Validate() is { } error)
            yield return new ValidationResult(error, [nameof(YellowThreshold)]);
        if (SignatureDate is { Year: < 2000 or > 2100 })
            yield return new ValidationResult("La fecha de firma debe estar entre los años 2000 y 2100.", [nameof(SignatureDate)]);
    }
}

public sealed class AbbreviationRow
{
    [StringLength(60, ErrorMessage = "La sigla no puede pasar de {1} caracteres.")] public string? Acronym { get; set; }
    [StringLength(500, ErrorMessage = "El significado no puede pasar de {1} caracteres.")] public string? Meaning { get; set; }
}

public sealed class AbbreviationsForm : IValidatableObject
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }
    public List<AbbreviationRow> Rows { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            var (acronym, meaning) = (Rows[i].Acronym, Rows[i].Meaning);
            if (string.IsNullOrWhiteSpace(acronym) != string.IsNullOrWhiteSpace(meaning))
                yield return new ValidationResult($"Renglón {i + 1}: escriba la sigla y su significado, o deje ambos vacíos para quitarla.",
                    [$"Rows[{i}].{(string.IsNullOrWhiteSpace(acronym) ? nameof(AbbreviationRow.Acronym) : nameof(AbbreviationRow.Meaning))}"]);
        }
    }
}

public sealed class ObjectiveForm
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }

    [Display(Name = "Número"), Range(1, 999, ErrorMessage = "El número debe estar entre {1} y {2}.")]
    public int Number { get; set; }

    [Display(Name = "Objetivo específico"), Required(ErrorMessage = "Escriba el objetivo."), StringLength(4000, ErrorMessage = "El texto no puede pasar de {1} caracteres.")]
    public string Text { get; set; } = "";

    [Display(Name = "Grupo (formato de indicadores)")]
    public ObjectiveGroup Group { get; set; }

    [Display(Name = "Nombre del programa / Programa"), StringLength(4000, ErrorMessage = "El texto no puede pasar de {1} caracteres.")]
    public string? ProgramName { get; set; }

    [Display(Name = "Políticas generales / Políticas"), StringLength(4000, ErrorMessage = "El texto no puede pasar de {1} caracteres.")]
    public string? Policies { get; set; }

    [Display(Name = "Objetivo como aparece en el formato (si difiere)"), StringLength(4000, ErrorMessage = "El texto no puede pasar de {1} caracteres.")]
    public string? FormatText { get; set; }

    [Display(Name = "Objetivo como aparece en 5. Líneas de acción (si difiere)"), StringLength(4000, ErrorMessage = "El texto no puede pasar de {1} caracteres.")]
    public string? ActionLinesText { get; set; }

    [Display(Name = "Encabezado de sus líneas en 5. Líneas de acción"), StringLength(100, ErrorMessage = "El texto no puede pasar de {1} caracteres.")]
    public string? ActionLinesHeader { get; set; }
}

public sealed class ActionLineForm : IValidatableObject
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }

    [Display(Name = "Número"), Required(ErrorMessage = "Escriba el número de la línea (por ejemplo 6.2)."),
     RegularExpression(@"^\d{1,3}(\.\d{1,3}){0,3}$", ErrorMessage = "El número debe tener la forma 6.2.")]
    public string Number { get; set; } = "";

    [Display(Name = "Línea de acción"), Required(ErrorMessage = "Escriba la línea de acción."), StringLength(4000, ErrorMessage = "El texto no puede pasar de {1} caracteres.")]
    public string Text { get; set; } = "";

    [Display(Name = "Mes inicial"), Range(1, 12, ErrorMessage = "El mes debe estar entre {1} y {2}.")]
    public int? FirstMonth { get; set; }

    [Display(Name = "Mes final"), Range(1, 12, ErrorMessage = "El mes debe estar entre {1} y {2}.")]
    public int? LastMonth { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((FirstMonth is null) != (LastMonth is null))
            yield return new ValidationResult("Indique el mes inicial y el mes final, o ninguno de los dos.",
                [FirstMonth is null ? nameof(FirstMonth) : nameof(LastMonth)]);
        else if (FirstMonth > LastMonth)
            yield return new ValidationResult("El mes inicial no puede ser posterior al mes final.", [nameof(LastMonth)]);
    }
}

public sealed class IndicatorForm : IValidatableObject
{
    private const string TooLong = "El texto no puede pasar de {1} caracteres.";

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int Version { get; set; }

    [Display(Name = "Indicador"), Required(ErrorMessage = "Escriba el nombre del indicador."), StringLength(4000, ErrorMessage = TooLong)]
    public string Name { get; set; } = "";
    [Display(Name = "Dimensión")] public Dimension? Dimension { get; set; }
    [Display(Name = "Tipo de indicador")] public IndicatorType Type { get; set; }
    [Display(Name = "Método de cálculo"), StringLength(4000, ErrorMessage = TooLong)] public string? CalculationMethod { get; set; }
    [Display(Name = "Valor de cálculo 1 (qué cuenta)"), StringLength(500, ErrorMessage = TooLong)] public string? Value1Label { get; set; }
    [Display(Name = "Valor de cálculo 2 (qué cuenta)"), StringLength(500, ErrorMessage = TooLong)] public string? Value2Label { get; set; }
    [Display(Name = "Frecuencia de medición")] public Frequency Frequency { get; set; } = Frequency.Monthly;
    [Display(Name = "Unidad de medida"), StringLength(200, ErrorMessage = TooLong)] public string? UnitOfMeasure { get; set; }
    [Display(Name = "Línea base (como se escribe)"), StringLength(4000, ErrorMessage = TooLong)] public string? BaselineText { get; set; }
    [Display(Name = "Línea base (número)"), NumberLimit(Limit.Quantity)]
    public decimal? Baseline { get; set; }
    [Display(Name = "Meta"), Required(ErrorMessage = "Escriba la meta."), NumberLimit(Limit.Quantity)]
    public decimal? Goal { get; set; }
    [Display(Name = "Meta como se escribe (si difiere, p. ej. 100%)"), StringLength(200, ErrorMessage = TooLong)] public string? GoalText { get; set; }
    [Display(Name = "Tendencia")] public Trend Trend { get; set; }
    [Display(Name = "Presupuesto"), StringLength(200, ErrorMessage = TooLong)] public string? Budget { get; set; }
    [Display(Name = "Observaciones"), StringLength(4000, ErrorMessage = TooLong)] public string? Observations { get; set; }
    [Display(Name = "Metas alcanzadas verificables en"), StringLength(500, ErrorMessage = TooLong)] public string? VerifiableIn { get; set; }
    [Display(Name = "Los valores de los periodos se suman (acumulable)")] public bool Accumulates { get; set; } = true;
    [Display(Name = "Actividad como aparece en el formato (si difiere)"), StringLength(4000, ErrorMessage = TooLong)] public string? ActivityText { get; set; }
    [Display(Name = "Verde desde (%)"), NumberLimit(Limit.Threshold)] public decimal? GreenThreshold { get; set; }
    [Display(Name = "Amarillo desde (%)"), NumberLimit(Limit.Threshold)] public decimal? YellowThreshold { get; set; }
    [Display(Name = "Sobrecumplimiento arriba de (%)"), NumberLimit(Limit.Threshold)] public decimal? OverachievementThreshold { get; set; }

    /// <summary>Calendarización de metas: the goal of the period ending in each month (empty: none).</summary>
    public Dictionary<int, decimal?> PeriodGoals { get; set; } = [];

    public TrafficLightThresholds? Thresholds =>
        GreenThreshold is { } g && YellowThreshold is { } y && OverachievementThreshold is { } o ? new(g, y, o) : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var set = new[] { GreenThreshold, YellowThreshold, OverachievementThreshold }.Count(t => t is not null);
        if (set is 1 or 2)
            yield return new ValidationResult("Escriba los tres umbrales del semáforo, o ninguno para usar los del programa.", [nameof(GreenThreshold)]);
        else if (Thresholds?.Validate() is { } error)
            yield return new ValidationResult(error, [nameof(YellowThreshold)]);
        foreach (var (month, goal) in PeriodGoals)
        {
            if (month is < 1 or > 12)
                yield return new ValidationResult("La calendarización de metas solo tiene los meses 1 a 12.");
            else if (NumberLimits.Quantity.Check(goal) is { } error)
                yield return new ValidationResult($"La meta del periodo que termina en {Months.Name(month)} {error}.", [$"PeriodGoals[{month}]"]);
        }
        if (Goal is { } annual && GoalRules.PeriodGoalsError(Type, Accumulates, annual, PeriodGoals.Values.OfType<decimal>()) is { } sumError)
            yield return new ValidationResult(sumError); // about the goals together: shown above the form
        if (Type != IndicatorType.Count && (string.IsNullOrWhiteSpace(Value1Label) || string.IsNullOrWhiteSpace(Value2Label)))
            yield return new ValidationResult("Un indicador de porcentaje, razón o índice necesita decir qué cuentan el valor de cálculo 1 y el 2.",
                [string.IsNullOrWhiteSpace(Value1Label) ? nameof(Value1Label) : nameof(Value2Label)]);
    }
}
