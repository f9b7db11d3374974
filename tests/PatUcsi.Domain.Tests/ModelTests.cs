using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Domain.Tests;

public class ModelTests
{
    [Fact]
    public void A_month_range_sets_its_months()
    {
        var set = MonthSet.Range(3, 5);

        Assert.Equal([3, 4, 5], set.List());
        Assert.True(set.Contains(4));
        Assert.False(set.Contains(6));
        Assert.Equal(0b11100, set.Bits);
    }

    [Fact]
    public void Toggling_a_month_adds_or_removes_it()
    {
        var set = MonthSet.Range(1, 2).Toggle(2).Toggle(12);

        Assert.Equal([1, 12], set.List());
        Assert.Equal(set, MonthSet.Of([12, 1]));
        Assert.Throws<DomainException>(() => set.Toggle(13));
    }

    [Fact]
    public void Setting_months_of_an_action_line_shades_that_range()
    {
        var line = new AnnualProgram(new Units.Unit("UCSI", "Unidad"), 2024)
            .AddObjective(1, "Objetivo", ObjectiveGroup.UnitActivities)
            .AddActionLine("Línea", 4, 5);

        Assert.Equal((4, 5), (line.FirstMonth, line.LastMonth));
        Assert.Equal([4, 5], line.Schedule.List());
        Assert.Equal("1.1", line.Number);
        Assert.Throws<DomainException>(() => line.SetMonths(5, 4));
    }

    [Theory]
    [InlineData("bimestral", Frequency.Bimonthly)]
    [InlineData("Bimestral", Frequency.Bimonthly)]
    [InlineData("MENSUAL", Frequency.Monthly)]
    [InlineData(" Anual ", Frequency.Annual)]
    public void Frequencies_are_read_as_people_write_them(string text, Frequency expected) =>
        Assert.Equal(expected, OfficialTerms.Parse(OfficialTerms.Frequencies, text));

    [Fact]
    public void Accents_do_not_matter_when_reading_official_words()
    {
        Assert.Equal(Trend.Decrease, OfficialTerms.Parse(OfficialTerms.Trends, "Reduccion"));
        Assert.Equal(Dimension.Economy, OfficialTerms.Parse(OfficialTerms.Dimensions, "ECONOMÍA"));
        Assert.Equal(IndicatorType.Index, OfficialTerms.Parse(OfficialTerms.Types, "indice"));
        Assert.Null(OfficialTerms.Parse(OfficialTerms.Trends, "Otra"));
        Assert.Null(OfficialTerms.Parse(OfficialTerms.Trends, null));
    }

    [Fact]
    public void Every_value_has_its_official_word()
    {
        Assert.Equal(Enum.GetValues<IndicatorStatus>().Length, OfficialTerms.Statuses.Count);
        Assert.Equal(Enum.GetValues<Frequency>().Length, OfficialTerms.Frequencies.Count);
        Assert.Equal(Enum.GetValues<TrafficLight>().Length, OfficialTerms.TrafficLights.Count);
        Assert.Equal("NO CUMPLIDA", OfficialTerms.Statuses[IndicatorStatus.NotMet]);
    }

    [Fact]
    public void Program_year_must_be_plausible() =>
        Assert.Throws<DomainException>(() => new AnnualProgram(new Units.Unit("UCSI", "Unidad"), 1999));
}
