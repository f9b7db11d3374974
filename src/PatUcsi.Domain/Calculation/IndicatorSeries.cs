namespace PatUcsi.Domain.Calculation;

/// <summary>
/// One period of an indicator's tracking (seguimiento), as of a date: the figures at the period's close, computed by
/// <see cref="IndicatorCalculator"/> with the values reported up to that period, so that the last closed period of
/// the series and the indicator's official figures are the same numbers.
/// </summary>
/// <param name="Programmed">Meta programada at the close (accumulated where the indicator accumulates).</param>
/// <param name="Achieved">Meta alcanzada at the close (accumulated where the indicator accumulates); null while the period is open and unreported.</param>
/// <param name="Value1">The period's own valor 1 (units for a count); null when not reported.</param>
/// <param name="Value2">The period's own valor 2 (ratios); null for counts or when not reported.</param>
/// <param name="Percent">Avance respecto de lo programado at the close; null while nothing is due or while open.</param>
/// <param name="IsClosed">The period's due date has passed as of the series' date.</param>
public sealed record PeriodPoint(
    ReportingPeriod Period,
    decimal? Programmed,
    decimal? Achieved,
    decimal? Value1,
    decimal? Value2,
    decimal? Percent,
    TrafficLight TrafficLight,
    bool IsClosed);

public static class IndicatorSeries
{
    /// <summary>
    /// Every period of the indicator: programada always (the plan), alcanzada and % once the period is closed or has a
    /// value (an early report counts as soon as it is approved, as it does in the official figures).
    /// </summary>
    public static IReadOnlyList<PeriodPoint> Build(IndicatorDefinition definition, IReadOnlyCollection<PeriodValue> values, DateOnly asOf) =>
        definition.Periods.Select(period =>
        {
            // The day after the period's due date: exactly the periods up to this one are due.
            var close = period.DueDate(definition.GraceDays).AddDays(1);
            var own = values.LastOrDefault(v => v.Month == period.LastMonth);
            var isClosed = period.IsDue(asOf, definition.GraceDays);
            var figures = IndicatorCalculator.Compute(definition, values.Where(v => v.Month <= period.LastMonth), close);
            var counts = isClosed || own is not null;
            return new PeriodPoint(
                period,
                figures.ProgrammedToDate,
                counts && figures.HasValues ? figures.Achieved : counts && !definition.IsRatio ? 0 : null,
                own?.Value1,
                definition.IsRatio ? own?.Value2 : null,
                counts ? figures.ProgressVsProgrammed : null,
                counts ? figures.TrafficLight : TrafficLight.None,
                isClosed);
        }).ToList();
}
