using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Domain.Calculation;

/// <summary>One calendar reporting period of a year: a month, a bimester (Jan–Feb, Mar–Apr…), a quarter…</summary>
public sealed record ReportingPeriod(int Year, Frequency Frequency, int FirstMonth, int LastMonth)
{
    /// <summary>1-based position of the period in the year (the 3rd bimester is May–June).</summary>
    public int Index => LastMonth / (int)Frequency;

    public DateOnly LastDay => new(Year, LastMonth, DateTime.DaysInMonth(Year, LastMonth));

    /// <summary>The last day on which reporting is on time: the period's last day plus the grace days.</summary>
    public DateOnly DueDate(int graceDays) => LastDay.AddDays(graceDays);

    /// <summary>A period is due once its last day plus the grace days has passed.</summary>
    public bool IsDue(DateOnly referenceDate, int graceDays) => referenceDate > DueDate(graceDays);

    public bool HasStarted(DateOnly referenceDate) => referenceDate >= new DateOnly(Year, FirstMonth, 1);

    /// <summary>Spanish label, e.g. "mayo 2024" or "enero–febrero 2024".</summary>
    public string Label => FirstMonth == LastMonth
        ? $"{Months.Name(LastMonth)} {Year}"
        : $"{Months.Name(FirstMonth)}–{Months.Name(LastMonth)} {Year}";
}

public static class ReportingCalendar
{
    /// <summary>
    /// The calendar periods of <paramref name="frequency"/> in <paramref name="year"/> that overlap
    /// the months <paramref name="firstMonth"/>..<paramref name="lastMonth"/>.
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> Periods(int year, Frequency frequency, int firstMonth, int lastMonth)
    {
        Months.Check(firstMonth);
        Months.Check(lastMonth);
        if (firstMonth > lastMonth) throw new DomainException("El mes inicial no puede ser posterior al mes final.");
        var length = (int)frequency;
        var periods = new List<ReportingPeriod>();
        for (var start = 1; start <= 12; start += length)
        {
            var end = start + length - 1;
            if (end >= firstMonth && start <= lastMonth) periods.Add(new ReportingPeriod(year, frequency, start, end));
        }
        return periods;
    }

    /// <summary>The calendar periods of <paramref name="frequency"/> that hold at least one shaded month of the cronograma.</summary>
    public static IReadOnlyList<ReportingPeriod> Periods(int year, Frequency frequency, MonthSet months) =>
        months.IsEmpty
            ? []
            : Periods(year, frequency, months.List().First(), months.List().Last())
                .Where(p => Enumerable.Range(p.FirstMonth, p.LastMonth - p.FirstMonth + 1).Any(months.Contains)).ToList();

    /// <summary>Whether a period of <paramref name="frequency"/> ends in <paramref name="month"/>.</summary>
    public static bool EndsIn(Frequency frequency, int month) => month % (int)frequency == 0;
}
