using System.ComponentModel.DataAnnotations;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Progress;

/// <summary>What the capture form posts: one block per action line due in the month.</summary>
public sealed class PeriodForm
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int ReportVersion { get; set; }
    /// <summary>"guardar" (save as draft) or "enviar" (save and send to the Titular).</summary>
    [RegularExpression("^(guardar|enviar)$", ErrorMessage = "Elija guardar el borrador o enviarlo al Titular.")]
    public string? Accion { get; set; }
    public List<LineInput> Lines { get; set; } = [];
}

public sealed class LineInput
{
    public int ActionLineId { get; set; }
    // Required, not BindRequired: a required property in an element would make the list binder try one element past the last.
    [Required] public int? Version { get; set; }
    [Display(Name = "Valor"), NumberLimit(Limit.Quantity)] public decimal? Value1 { get; set; }
    [Display(Name = "Valor de cálculo 2"), NumberLimit(Limit.Quantity)] public decimal? Value2 { get; set; }
    [StringLength(4000, ErrorMessage = "La descripción no puede pasar de {1} caracteres.")] public string? Narrative { get; set; }
    [StringLength(500, ErrorMessage = "La referencia no puede pasar de {1} caracteres.")] public string? Reference { get; set; }
    public IFormFile? File { get; set; }
    public List<int> RemoveEvidence { get; set; } = [];
    /// <summary>The values the user was asked about and confirmed by saving again (see <see cref="ValuesKey"/>).</summary>
    [StringLength(100, ErrorMessage = "La página estaba incompleta; vuelva a abrirla.")] public string? ConfirmedValues { get; set; }

    public string ValuesKey => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Value1}|{Value2}");

    public bool IsEmpty => Value1 is null && Value2 is null && string.IsNullOrWhiteSpace(Narrative);
}

public sealed class ReviewInput : IValidatableObject
{
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindRequired] public int ReportVersion { get; set; }
    [StringLength(4000, ErrorMessage = "El comentario no puede pasar de {1} caracteres.")] public string? Comment { get; set; }
    /// <summary>Comments per action line id, when returning.</summary>
    public Dictionary<int, string> LineComments { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LineComments.Count > 500) yield return new ValidationResult("Hay demasiados comentarios por línea.");
        foreach (var (lineId, comment) in LineComments)
            if (comment?.Length > 4000)
                yield return new ValidationResult("El comentario de una línea no puede pasar de 4000 caracteres.", [$"LineComments[{lineId}]"]);
    }
}

/// <summary>One action line due in the month, with its figures next to its input.</summary>
public sealed record PeriodLine(
    ActionLine Line,
    Indicator Indicator,
    ReportingPeriod Period,
    ProgressEntry? Entry,
    IndicatorFigures Official,
    IndicatorFigures Preliminary);

public sealed record PeriodPageModel(
    AnnualProgram Program,
    int Month,
    PeriodReport? Report,
    IReadOnlyList<PeriodLine> Lines,
    PeriodForm Form,
    DateOnly DueDate,
    DateOnly Today,
    bool CanCapture,
    bool CanApprove,
    long MaxUploadBytes)
{
    public ReportState State => Report?.State ?? ReportState.Draft;
    public bool IsEditable => CanCapture && (Report?.IsEditable ?? true) && Program.State == ProgramState.Approved;
    public bool IsOverdue => Today > DueDate && State is ReportState.Draft or ReportState.Returned;
}

/// <summary>A month of the program in the progress overview.</summary>
public sealed record MonthSummary(int Month, int LinesDue, ReportState? State, bool IsLate, DateOnly DueDate, bool IsDue);
