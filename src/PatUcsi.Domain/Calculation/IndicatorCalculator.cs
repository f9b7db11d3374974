using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Domain.Calculation;

/// <summary>Estatus de la actividad.</summary>
public enum IndicatorStatus
{
    Pending = 0,
    InProgress = 1,
    Late = 2,
    Met = 3,
    NotMet = 4,
    Cancelled = 5,
}

/// <summary>Everything the calculation needs to know of an indicator, independent of storage.</summary>
public sealed record IndicatorDefinition(
    int Year,
    IndicatorType Type,
    Trend Trend,
    decimal Goal,
    bool Accumulates,
    Frequency Frequency,
    int FirstMonth,
    int LastMonth,
    int GraceDays,
    TrafficLightThresholds Thresholds,
    IReadOnlyDictionary<int, decimal>? PeriodGoals = null,
    bool IsCancelled = false,
    MonthSet? Schedule = null)
{
    public bool IsRatio => Type != IndicatorType.Count;

    /// <summary>100 for a percentage, 1 for a ratio or an index.</summary>
    public decimal Factor => Type == IndicatorType.Percentage ? 100 : 1;

    /// <summary>The periods from the first to the last month that hold a shaded month of the cronograma (all of them without one).</summary>
    public IReadOnlyList<ReportingPeriod> Periods => Schedule is { } months
        ? ReportingCalendar.Periods(Year, Frequency, months)
        : ReportingCalendar.Periods(Year, Frequency, FirstMonth, LastMonth);
}

/// <summary>The value reported for the period that ends in <paramref name="Month"/>: units, or valor 1 and valor 2.</summary>
public sealed record PeriodValue(int Month, decimal Value1, decimal? Value2 = null);

/// <summary>The computed figures of an indicator as of a reference date.</summary>
public sealed record IndicatorFigures(
    decimal Achieved,
    bool HasValues,
    decimal Remaining,
    decimal? Percent,
    decimal? ProgrammedToDate,
    decimal? ProgressVsProgrammed,
    TrafficLight TrafficLight,
    bool Overachievement,
    IndicatorStatus Status,
    int DuePeriods,
    int TotalPeriods,
    IReadOnlyList<int> MonthsWithoutCases)
{
    /// <summary>Why the figures could not be computed (a stored value out of every range); null when they were.</summary>
    public string? Error { get; init; }
}

/// <summary>
/// Turns reported values into the official figures (meta alcanzada, meta por alcanzar, % cumplido,
/// meta programada a la fecha, semáforo, estatus). The rules are written out in docs/calculo.md.
/// The caller chooses the values: approved ones for the official figures, approved plus submitted
/// (plus what is being typed) for the preliminary ones.
/// </summary>
public static class IndicatorCalculator
{
    public static IndicatorFigures Compute(IndicatorDefinition definition, IEnumerable<PeriodValue> values, DateOnly referenceDate)
    {
        try
        {
            return ComputeChecked(definition, values, referenceDate);
        }
        catch (ArithmeticException)
        {
            // A value stored before the input ranges existed (too large, or valores 2 adding up to 0) must not take the
            // whole program down: this indicator says so, the rest is computed.
            return new IndicatorFigures(0, false, 0, null, null, null, TrafficLight.None, false, IndicatorStatus.Pending, 0, definition.Periods.Count, [])
            {
                Error = "Un valor capturado está fuera del rango permitido; corrija el avance de este indicador.",
            };
        }
    }

    private static IndicatorFigures ComputeChecked(IndicatorDefinition definition, IEnumerable<PeriodValue> values, DateOnly referenceDate)
    {
        var periods = definition.Periods;
        var periodMonths = periods.Select(p => p.LastMonth).ToHashSet();
        // One value per period; values for months that close no period of this indicator do not count.
        var reported = values
            .Where(v => periodMonths.Contains(v.Month))
            .GroupBy(v => v.Month)
            .Select(g => g.Last())
            .OrderBy(v => v.Month)
            .ToList();

        var due = periods.Where(p => p.IsDue(referenceDate, definition.GraceDays)).ToList();
        var (achieved, counted, withoutCases) = Achieved(definition, reported);
        var hasValues = counted > 0;

        var percent = hasValues
            ? Compliance.Round(Compliance.Percent(definition.Trend, definition.Goal, achieved))
            : ZeroUnlessNotApplicable(definition.Trend, definition.Goal);

        var programmed = ProgrammedToDate(definition, periods, due);
        decimal? progress = programmed is null
            ? null
            : hasValues
                ? Compliance.Round(Compliance.Percent(definition.Trend, programmed.Value, achieved))
                : ZeroUnlessNotApplicable(definition.Trend, programmed.Value);

        var thresholds = definition.Thresholds;
        var trafficLight = thresholds.Classify(progress);
        var status = Status(definition, referenceDate, hasValues, percent, trafficLight, lastIsDue: due.Count == periods.Count);

        return new IndicatorFigures(
            Achieved: achieved,
            HasValues: hasValues,
            Remaining: Compliance.Remaining(definition.Trend, definition.Goal, achieved),
            Percent: percent,
            ProgrammedToDate: programmed,
            ProgressVsProgrammed: progress,
            TrafficLight: trafficLight,
            Overachievement: thresholds.IsOverachievement(progress),
            Status: status,
            DuePeriods: due.Count,
            TotalPeriods: periods.Count,
            MonthsWithoutCases: withoutCases);
    }

    /// <summary>
    /// Meta alcanzada. Counts: the sum (accumulating) or the latest value. Ratios: Σvalor1/Σvalor2 × factor
    /// (accumulating) or the latest period's ratio; a period with valor 2 = 0 has no cases and is left out.
    /// </summary>
    private static (decimal Achieved, int Counted, IReadOnlyList<int> WithoutCases) Achieved(
        IndicatorDefinition definition, IReadOnlyList<PeriodValue> reported)
    {
        if (!definition.IsRatio)
        {
            if (reported.Count == 0) return (0, 0, []);
            var units = definition.Accumulates ? reported.Sum(v => v.Value1) : reported[^1].Value1;
            return (units, reported.Count, []);
        }

        var withoutCases = reported.Where(v => (v.Value2 ?? 0) == 0).Select(v => v.Month).ToList();
        var withCases = reported.Where(v => (v.Value2 ?? 0) != 0).ToList();
        if (withCases.Count == 0) return (0, 0, withoutCases);
        var ratio = definition.Accumulates
            ? withCases.Sum(v => v.Value1) / withCases.Sum(v => v.Value2!.Value)
            : withCases[^1].Value1 / withCases[^1].Value2!.Value;
        return (ratio * definition.Factor, withCases.Count, withoutCases);
    }

    /// <summary>
    /// Meta programada a la fecha: the per-period goals of the due periods where they are set; otherwise,
    /// for accumulating counts, the goal prorated by due periods, and for the rest the goal itself once a
    /// period is due. Null while nothing is due.
    /// </summary>
    private static decimal? ProgrammedToDate(
        IndicatorDefinition definition, IReadOnlyList<ReportingPeriod> periods, IReadOnlyList<ReportingPeriod> due)
    {
        if (due.Count == 0) return null;
        var accumulatingCount = !definition.IsRatio && definition.Accumulates;
        var periodGoals = definition.PeriodGoals;
        if (periodGoals is { Count: > 0 })
        {
            if (accumulatingCount)
                return due.Sum(p => periodGoals.GetValueOrDefault(p.LastMonth));
            var latest = due.LastOrDefault(p => periodGoals.ContainsKey(p.LastMonth));
            return latest is null ? definition.Goal : periodGoals[latest.LastMonth];
        }
        return accumulatingCount ? definition.Goal * due.Count / periods.Count : definition.Goal;
    }

    private static IndicatorStatus Status(
        IndicatorDefinition definition, DateOnly referenceDate, bool hasValues, decimal? percent, TrafficLight trafficLight, bool lastIsDue)
    {
        if (definition.IsCancelled) return IndicatorStatus.Cancelled;
        var met = percent >= 100 && (definition.Trend == Trend.Increase || lastIsDue);
        if (met) return IndicatorStatus.Met;
        if (lastIsDue && percent is not null) return IndicatorStatus.NotMet;
        var started = hasValues || referenceDate >= new DateOnly(definition.Year, definition.FirstMonth, 1);
        if (!started) return IndicatorStatus.Pending;
        return trafficLight == TrafficLight.Red ? IndicatorStatus.Late : IndicatorStatus.InProgress;
    }

    /// <summary>With nothing reported the percentage is 0, unless no percentage applies at all.</summary>
    private static decimal? ZeroUnlessNotApplicable(Trend trend, decimal goal) =>
        Compliance.Percent(trend, goal, 0) is null ? null : 0;

    /// <summary>
    /// Checks one period's values before they are stored. Returns a Spanish message, or null when valid.
    /// </summary>
    public static string? Validate(IndicatorType type, decimal? value1, decimal? value2)
    {
        if (type == IndicatorType.Count)
            return value1 switch
            {
                null => "Capture las unidades cumplidas en el periodo.",
                < 0 => "Las unidades cumplidas no pueden ser negativas.",
                _ => null,
            };
        if (value1 is null || value2 is null) return "Capture el valor de cálculo 1 y el valor de cálculo 2.";
        if (value1 < 0 || value2 < 0) return "Los valores de cálculo no pueden ser negativos.";
        if (type == IndicatorType.Percentage && value1 > value2)
            return "En un indicador de porcentaje el valor de cálculo 1 no puede ser mayor que el valor de cálculo 2.";
        return null;
    }
}
