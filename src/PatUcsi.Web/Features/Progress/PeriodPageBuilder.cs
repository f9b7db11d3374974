using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Web.Features.Progress;

/// <summary>Loads a program's month for the capture and review page, with live figures per line.</summary>
public static class PeriodPageBuilder
{
    /// <summary>The lines whose indicator has a period ending in <paramref name="month"/>.</summary>
    public static IEnumerable<(ActionLine Line, ReportingPeriod Period)> LinesDue(AnnualProgram program, int month) =>
        from line in program.ActionLines()
        let definition = line.Indicator?.Definition()
        where definition is not null
        let period = definition.Periods.FirstOrDefault(p => p.LastMonth == month)
        where period is not null
        select (line, period);

    /// <summary>Months whose due date has passed with lines to report and no report sent or approved.</summary>
    public static IEnumerable<(int Month, DateOnly DueDate, ReportState? State)> PendingMonths(
        AnnualProgram program, IReadOnlyCollection<PeriodReport> reports, DateOnly today)
    {
        for (var month = 1; month <= 12; month++)
        {
            var due = new ReportingPeriod(program.Year, PatUcsi.Domain.Indicators.Frequency.Monthly, month, month).DueDate(program.GraceDays);
            var report = reports.FirstOrDefault(r => r.Month == month);
            if (today > due && report is not { State: ReportState.Submitted or ReportState.Approved } && LinesDue(program, month).Any())
                yield return (month, due, report?.State);
        }
    }

    public static Task<PeriodReport?> LoadReportAsync(PatDbContext db, int programId, int month) =>
        db.ReportsOf(programId).Include(r => r.Entries).ThenInclude(e => e.Evidence).Include(r => r.History)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Month == month);

    /// <param name="posted">What the user sent, shown again (and counted as preliminary) after a refused save.</param>
    public static async Task<PeriodPageModel> BuildAsync(PatDbContext db, AnnualProgram program, PeriodReport? report, int month,
        DateOnly today, PeriodForm? posted, bool canCapture, bool canApprove, long maxUploadBytes)
    {
        var (official, preliminary) = await db.ProgressValuesAsync(program.Id, today);
        // The month's figures are those of its close: programmed up to and including the period that ends in it.
        var dueDate = new ReportingPeriod(program.Year, PatUcsi.Domain.Indicators.Frequency.Monthly, month, month).DueDate(program.GraceDays);
        var close = dueDate.AddDays(1);
        var lines = new List<PeriodLine>();
        var form = posted ?? new PeriodForm { ReportVersion = report?.Version ?? 0 };
        foreach (var (line, period) in LinesDue(program, month))
        {
            var entry = report?.Entries.FirstOrDefault(e => e.ActionLineId == line.Id);
            var input = posted?.Lines.FirstOrDefault(l => l.ActionLineId == line.Id);
            if (posted is null)
            {
                input = new LineInput { ActionLineId = line.Id, Version = entry?.Version ?? 0, Value1 = entry?.Value1, Value2 = entry?.Value2, Narrative = entry?.Narrative };
                form.Lines.Add(input);
            }
            // Preliminary: everything approved or sent, with this month replaced by what is on screen.
            var typed = input is { Value1: { } v1 } ? new PeriodValue(month, v1, input.Value2) : null;
            var others = preliminary.GetValueOrDefault(line.Id, []).Where(v => v.Month != month);
            var definition = line.Indicator!.Definition()!;
            lines.Add(new PeriodLine(line, line.Indicator, period, entry,
                IndicatorCalculator.Compute(definition, official.GetValueOrDefault(line.Id, []), close),
                IndicatorCalculator.Compute(definition, typed is null ? others : others.Append(typed), close)));
        }
        return new PeriodPageModel(program, month, report, lines, form, dueDate, today, canCapture, canApprove, maxUploadBytes);
    }
}
