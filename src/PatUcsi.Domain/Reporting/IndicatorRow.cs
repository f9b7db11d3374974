using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Domain.Reporting;

/// <summary>
/// One indicator of an official format with everything the formats print or the workbook carries, typed as the
/// model holds it (enums stay enums: the columns of <see cref="IndicatorColumns"/> write the official words).
/// </summary>
public sealed record IndicatorRow
{
    public required IndicatorFormat Format { get; init; }
    public required int ActionLineId { get; init; }
    public required int IndicatorId { get; init; }
    public required int IndicatorVersion { get; init; }

    public required int ObjectiveNumber { get; init; }
    /// <summary>Rows of this objective in its table, on its first row; 0 on the others (merged cells).</summary>
    public required int ObjectiveRowSpan { get; init; }
    public string? ProgramName { get; init; }
    public string? Policies { get; init; }
    /// <summary>The objective as the format writes it (its own wording where it differs from section 4).</summary>
    public required string ObjectiveText { get; init; }

    public required string ActionLineNumber { get; init; }
    /// <summary>The activity as the format writes it (its own wording where it differs from the cronograma).</summary>
    public required string Activity { get; init; }
    public int? FirstMonth { get; init; }
    public int? LastMonth { get; init; }

    public required string Name { get; init; }
    public Dimension? Dimension { get; init; }
    public required IndicatorType Type { get; init; }
    public string? CalculationMethod { get; init; }
    public required Frequency Frequency { get; init; }
    public string? UnitOfMeasure { get; init; }
    public string? BaselineText { get; init; }
    public decimal? BaselineValue { get; init; }
    public required decimal Goal { get; init; }
    /// <summary>The meta as written where it differs from the plain number ("100%").</summary>
    public string? GoalText { get; init; }
    public required Trend Trend { get; init; }
    public string? Budget { get; init; }
    public string? Observations { get; init; }
    public string? Value1Label { get; init; }
    public string? Value2Label { get; init; }
    public string? VerifiableIn { get; init; }
    public required bool Accumulates { get; init; }
    /// <summary>Calendarización de metas: the goal of the period that ends in each month.</summary>
    public IReadOnlyDictionary<int, decimal> PeriodGoals { get; init; } = new Dictionary<int, decimal>();
    public bool IsCancelled { get; init; }

    /// <summary>Official figures (approved reports); null while the line has no months.</summary>
    public IndicatorFigures? Figures { get; init; }
    /// <summary>The same counting reports not yet approved.</summary>
    public IndicatorFigures? Preliminary { get; init; }
    public IReadOnlyList<PeriodMark> Timeline { get; init; } = [];
    /// <summary>Seguimiento: the official figures period by period (what the tracking table and the charts show).</summary>
    public IReadOnlyList<PeriodPoint> Series { get; init; } = [];

    public bool IsRatio => Type != IndicatorType.Count;

    /// <summary>In the annual program as approved: nothing achieved yet (0) and every indicator PENDIENTE, as the signed document prints it.</summary>
    public bool AsApproved { get; init; }

    /// <summary>Línea base as the formats print it: as written, or the number.</summary>
    public string? Baseline => BaselineText ?? Display.Plain(BaselineValue);

    /// <summary>Meta as the formats print it: as written ("100%"), or the number.</summary>
    public string GoalShown => GoalText ?? Display.Plain(Goal)!;

    /// <summary>The periods reported after their due date.</summary>
    public IEnumerable<ReportingPeriod> LatePeriods =>
        Timeline.Where(m => m.IsLate && m.Kind is PeriodMarkKind.Approved or PeriodMarkKind.Submitted).Select(m => m.Period);

    /// <summary>OBSERVACIONES as the formats print them: the indicator's own, then the late and cancelled marks.</summary>
    public string? ObservationsWithMarks
    {
        get
        {
            var late = LatePeriods.Select(p => p.Label).ToList();
            var parts = new[]
            {
                Observations, DirectionNote, late.Count == 0 ? null : $"Reportado fuera de plazo: {string.Join(", ", late)}.", IsCancelled ? "CANCELADA." : null,
            };
            return string.Join(" ", parts.Where(t => t is not null)) is { Length: > 0 } text ? text : null;
        }
    }

    /// <summary>
    /// The por órgano format has no TENDENCIA column: a Reducción indicator says its direction in its observations
    /// (its figures read the other way round).
    /// </summary>
    public string? DirectionNote => Format == IndicatorFormat.ByUnit && Trend == Trend.Decrease ? ReductionNote : null;

    public const string ReductionNote = "Tendencia: Reducción (se cumple con valores iguales o menores a la meta).";

    /// <summary>"6.1 Desarrollar…" in the por órgano format; the line's text alone in the transversal one.</summary>
    public string ActivityCell => Format == IndicatorFormat.ByUnit ? $"{ActionLineNumber} {Activity}" : Activity;

    public string StatusText =>
        AsApproved ? OfficialTerms.Statuses[IndicatorStatus.Pending] : Figures is null ? "SIN MESES" : OfficialTerms.Statuses[Figures.Status];

    internal static IndicatorRow From(ActionLine line, SpecificObjective objective, int rowSpan, DateOnly asOf, ProgressSnapshot progress)
    {
        var i = line.Indicator!;
        var definition = i.Definition();
        var official = progress.Official.GetValueOrDefault(line.Id) ?? [];
        return new IndicatorRow
        {
            Format = objective.Format, ActionLineId = line.Id, IndicatorId = i.Id, IndicatorVersion = i.Version,
            ObjectiveNumber = objective.Number, ObjectiveRowSpan = rowSpan, ProgramName = objective.ProgramName, Policies = objective.Policies,
            ObjectiveText = objective.FormatText ?? objective.Text,
            ActionLineNumber = line.Number, Activity = i.ActivityText ?? line.Text, FirstMonth = line.FirstMonth, LastMonth = line.LastMonth,
            Name = i.Name, Dimension = i.Dimension, Type = i.Type, CalculationMethod = i.CalculationMethod, Frequency = i.Frequency,
            UnitOfMeasure = i.UnitOfMeasure, BaselineText = i.BaselineText, BaselineValue = i.Baseline, Goal = i.Goal, GoalText = i.GoalText,
            Trend = i.Trend, Budget = i.Budget, Observations = i.Observations, Value1Label = i.Value1Label, Value2Label = i.Value2Label,
            VerifiableIn = i.VerifiableIn, Accumulates = i.Accumulates, IsCancelled = i.IsCancelled,
            PeriodGoals = i.PeriodGoals.ToDictionary(g => g.LastMonth, g => g.Goal),
            Figures = definition is null ? null : IndicatorCalculator.Compute(definition, official, asOf),
            Series = definition is null ? [] : IndicatorSeries.Build(definition, official, asOf),
            Preliminary = definition is null ? null : IndicatorCalculator.Compute(definition, progress.Preliminary.GetValueOrDefault(line.Id) ?? [], asOf),
            Timeline = definition is null ? [] : progress.Timeline(line.Id, definition, asOf),
        };
    }
}
