using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Publishing;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Domain.Tests;

/// <summary>What the public portal may show of a program's progress.</summary>
public class PublicationTests
{
    [Fact]
    public void The_figures_are_as_of_the_end_of_the_latest_approved_month()
    {
        Assert.Null(Publication.FiguresAsOf(2024, []));
        Assert.Equal(new DateOnly(2024, 5, 31), Publication.FiguresAsOf(2024, [3, 5, 1]));
        Assert.Equal(new DateOnly(2024, 2, 29), Publication.FiguresAsOf(2024, [2]));
        Assert.Equal(new DateOnly(2025, 2, 28), Publication.FiguresAsOf(2025, [2]));
    }

    [Fact]
    public void Only_approved_months_count_and_none_is_marked_late()
    {
        IReadOnlyList<PeriodValue> official = [new(1, 2)];
        IReadOnlyList<PeriodValue> preliminary = [new(1, 2), new(2, 987654)];
        var snapshot = new ProgressSnapshot(
            new Dictionary<int, IReadOnlyList<PeriodValue>> { [7] = official },
            new Dictionary<int, IReadOnlyList<PeriodValue>> { [7] = preliminary },
            new Dictionary<(int, int), (ReportState, bool)>
            {
                [(7, 1)] = (ReportState.Approved, true), [(7, 2)] = (ReportState.Submitted, false), [(7, 3)] = (ReportState.Returned, true),
            });

        var shown = Publication.OfficialOnly(snapshot);

        Assert.Same(official, shown.Preliminary[7]);
        Assert.Equal([(7, 1)], shown.Reported.Keys);
        Assert.Equal((ReportState.Approved, false), shown.Reported[(7, 1)]);
    }
}
