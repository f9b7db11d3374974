using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Domain.Indicators;

/// <summary>The two official indicator formats.</summary>
public enum IndicatorFormat
{
    /// <summary>"FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO".</summary>
    ByUnit = 0,
    /// <summary>"OBJETIVOS CON TRANSVERSALIDAD".</summary>
    Transversal = 1,
}

public enum Dimension { Efficacy = 0, Efficiency = 1, Economy = 2, Quality = 3 }

/// <summary>How achievement is measured: an absolute count, or a ratio of valor 1 to valor 2.</summary>
public enum IndicatorType
{
    /// <summary>Absolute count of units (documents, reports…).</summary>
    Count = 0,
    /// <summary>valor 1 / valor 2 × 100; valor 1 may not exceed valor 2.</summary>
    Percentage = 1,
    /// <summary>valor 1 / valor 2.</summary>
    Ratio = 2,
    /// <summary>valor 1 / valor 2, read as an index.</summary>
    Index = 3,
}

/// <summary>Frecuencia de medición; the value is the number of months in one period.</summary>
public enum Frequency
{
    Monthly = 1,
    Bimonthly = 2,
    Quarterly = 3,
    FourMonthly = 4,
    Semiannual = 6,
    Annual = 12,
}

/// <summary>Tendencia: the direction in which the indicator should move.</summary>
public enum Trend { Increase = 0, Decrease = 1, Constant = 2 }

/// <summary>How an indicator's reported values become figures: once a period is reported these are fixed.</summary>
public sealed record Measurement(IndicatorType Type, Frequency Frequency, bool Accumulates, Trend Trend)
{
    public static readonly Measurement MonthlyCount = new(IndicatorType.Count, Frequency.Monthly, true, Trend.Increase);
}

/// <summary>What an indicator says: its name, goal and texts as in the official formats (they may be corrected).</summary>
public sealed record IndicatorDescription(string Name, decimal Goal)
{
    public Dimension? Dimension { get; init; }
    /// <summary>Método de cálculo as written.</summary>
    public string? CalculationMethod { get; init; }
    /// <summary>What valor de cálculo 1 counts (ratios only).</summary>
    public string? Value1Label { get; init; }
    /// <summary>What valor de cálculo 2 counts (ratios only).</summary>
    public string? Value2Label { get; init; }
    public string? UnitOfMeasure { get; init; }
    /// <summary>Línea base as written.</summary>
    public string? BaselineText { get; init; }
    public decimal? Baseline { get; init; }
    /// <summary>The goal as written, where it differs from the number (e.g. "100%").</summary>
    public string? GoalText { get; init; }
    /// <summary>Presupuesto as written.</summary>
    public string? Budget { get; init; }
    public string? Observations { get; init; }
    /// <summary>"Metas alcanzadas verificables en".</summary>
    public string? VerifiableIn { get; init; }
    /// <summary>The action line as written in the indicator format, where it differs from the line's text.</summary>
    public string? ActivityText { get; init; }
}

/// <summary>An indicator with its goal, as in the official formats.</summary>
public class Indicator : Entity, IVersioned
{
    private Indicator() { }

    public Indicator(IndicatorDescription description, Measurement measurement)
    {
        Apply(description);
        (Type, Frequency, Accumulates, Trend) = measurement;
    }

    public int ActionLineId { get; private set; }
    public ActionLine ActionLine { get; internal set; } = null!;

    public string Name { get; private set; } = "";
    public Dimension? Dimension { get; private set; }
    public IndicatorType Type { get; private set; }
    public string? CalculationMethod { get; private set; }
    public string? Value1Label { get; private set; }
    public string? Value2Label { get; private set; }
    public Frequency Frequency { get; private set; } = Frequency.Monthly;
    public string? UnitOfMeasure { get; private set; }
    public string? BaselineText { get; private set; }
    public decimal? Baseline { get; private set; }
    /// <summary>Meta propuesta.</summary>
    public decimal Goal { get; private set; }
    public string? GoalText { get; private set; }
    public Trend Trend { get; private set; } = Trend.Increase;
    public string? Budget { get; private set; }
    public string? Observations { get; private set; }
    public string? VerifiableIn { get; private set; }
    /// <summary>Whether period values add up (a count of documents) or each stands alone.</summary>
    public bool Accumulates { get; private set; } = true;
    public string? ActivityText { get; private set; }
    /// <summary>Per-indicator semáforo thresholds; null uses the program's.</summary>
    public decimal? GreenThreshold { get; private set; }
    public decimal? YellowThreshold { get; private set; }
    public decimal? OverachievementThreshold { get; private set; }

    public bool IsCancelled { get; private set; }
    public string? CancellationReason { get; private set; }

    /// <summary>Calendarización de metas: optional goal per period.</summary>
    private List<PeriodGoal> _periodGoals = [];

    public IReadOnlyList<PeriodGoal> PeriodGoals => _periodGoals;

    public int Version { get; set; }

    public Measurement Measurement => new(Type, Frequency, Accumulates, Trend);

    public IndicatorDescription Description => new(Name, Goal)
    {
        Dimension = Dimension, CalculationMethod = CalculationMethod, Value1Label = Value1Label, Value2Label = Value2Label,
        UnitOfMeasure = UnitOfMeasure, BaselineText = BaselineText, Baseline = Baseline, GoalText = GoalText, Budget = Budget,
        Observations = Observations, VerifiableIn = VerifiableIn, ActivityText = ActivityText,
    };

    /// <summary>Corrects the name, meta and texts, in a draft; each change is in the history.</summary>
    public void Describe(IndicatorDescription description)
    {
        EnsureEditable();
        Apply(description);
    }

    private void Apply(IndicatorDescription d)
    {
        Name = AnnualProgram.Require(d.Name, "El nombre del indicador es obligatorio.");
        if (d.Goal < 0) throw new DomainException("La meta no puede ser negativa.");
        (Dimension, CalculationMethod, Value1Label, Value2Label, UnitOfMeasure) = (d.Dimension, d.CalculationMethod, d.Value1Label, d.Value2Label, d.UnitOfMeasure);
        (BaselineText, Baseline, Goal, GoalText, Budget) = (d.BaselineText, d.Baseline, d.Goal, d.GoalText, d.Budget);
        (Observations, VerifiableIn, ActivityText) = (d.Observations, d.VerifiableIn, d.ActivityText);
    }

    // An indicator not yet on a line belongs to no program: nothing to protect.
    private void EnsureEditable() => ActionLine?.Objective.Program.EnsureEditable();

    public bool IsRatio => Type != IndicatorType.Count;

    /// <summary>
    /// Changes how the indicator is measured, in a draft: type, frequency, accumulation and tendencia decide how its
    /// reported values become figures. Once a period has been sent (<paramref name="reportedMonths"/>, see
    /// docs/calculo.md), changing them would silently change figures already reported, so it is refused; the meta and
    /// the texts may still be corrected (<see cref="Describe"/>, each change in the history).
    /// </summary>
    public void ChangeMeasurement(Measurement measurement, IReadOnlyCollection<int> reportedMonths)
    {
        EnsureEditable();
        if (measurement == Measurement) return;
        if (reportedMonths.Count > 0)
            throw new DomainException(
                $"La línea {ActionLine.Number} tiene avances ya enviados ({string.Join(", ", reportedMonths.Order().Select(Months.Name))}): " +
                "su tipo, frecuencia, acumulación y tendencia ya no pueden cambiar, porque cambiarían cifras ya reportadas. La meta y los textos sí pueden corregirse.");
        (Type, Frequency, Accumulates, Trend) = measurement;
    }

    /// <summary>Overrides the program's semáforo thresholds for this indicator; null goes back to the program's.</summary>
    public void OverrideThresholds(TrafficLightThresholds? thresholds)
    {
        EnsureEditable();
        if (thresholds?.Validate() is { } error) throw new DomainException(error);
        GreenThreshold = thresholds?.Green;
        YellowThreshold = thresholds?.Yellow;
        OverachievementThreshold = thresholds?.Overachievement;
    }

    public TrafficLightThresholds ThresholdsOr(TrafficLightThresholds programThresholds) =>
        GreenThreshold is { } green && YellowThreshold is { } yellow && OverachievementThreshold is { } over
            ? new TrafficLightThresholds(green, yellow, over)
            : programThresholds;

    /// <summary>
    /// What the calculation needs of this indicator; null while the action line has no months
    /// (the calculation cannot place its periods).
    /// </summary>
    public IndicatorDefinition? Definition()
    {
        var line = ActionLine;
        if (line.FirstMonth is not { } first || line.LastMonth is not { } last) return null;
        var program = line.Objective.Program;
        return new IndicatorDefinition(program.Year, Type, Trend, Goal, Accumulates, Frequency, first, last,
            program.GraceDays, ThresholdsOr(program.Thresholds),
            PeriodGoals.ToDictionary(g => g.LastMonth, g => g.Goal), IsCancelled, line.Schedule);
    }

    /// <summary>The same indicator for another program: every field and period goal, not the cancellation.</summary>
    public Indicator Copy()
    {
        var copy = (Indicator)MemberwiseClone();
        copy.Id = 0;
        copy.Version = 0;
        copy.ActionLine = null!;
        copy.ActionLineId = 0;
        copy.IsCancelled = false;
        copy.CancellationReason = null;
        copy._periodGoals = _periodGoals.Select(g => new PeriodGoal(g.LastMonth, g.Goal)).ToList();
        return copy;
    }

    /// <summary>The Titular cancels the indicator with a justification (estatus CANCELADA).</summary>
    public void Cancel(string justification)
    {
        CancellationReason = AnnualProgram.Require(justification, "Escriba la justificación de la cancelación.");
        IsCancelled = true;
    }

    public void Restore()
    {
        IsCancelled = false;
        CancellationReason = null;
    }

    /// <summary>Sets the goal of the period that ends in <paramref name="lastMonth"/>; null removes it.</summary>
    public void SetPeriodGoal(int lastMonth, decimal? goal)
    {
        EnsureEditable();
        Months.Check(lastMonth);
        if (goal < 0) throw new DomainException("La meta del periodo no puede ser negativa.");
        _periodGoals.RemoveAll(g => g.LastMonth == lastMonth);
        if (goal is not null) _periodGoals.Add(new PeriodGoal(lastMonth, goal.Value));
    }
}

/// <summary>The goal of one period (identified by its last month).</summary>
public class PeriodGoal : Entity
{
    private PeriodGoal() { }

    public PeriodGoal(int lastMonth, decimal goal)
    {
        LastMonth = lastMonth;
        Goal = goal;
    }

    public int IndicatorId { get; private set; }
    public int LastMonth { get; private set; }
    public decimal Goal { get; private set; }
}
