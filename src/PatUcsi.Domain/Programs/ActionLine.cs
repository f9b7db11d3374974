using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Programs;

/// <summary>A línea de acción: what the unit does for an objective, when, and how it is measured.</summary>
public class ActionLine : Entity, IVersioned
{
    private ActionLine() { }

    internal ActionLine(SpecificObjective objective, string number, int position, string text)
    {
        Objective = objective;
        Number = AnnualProgram.Require(number, "El número de la línea de acción es obligatorio.");
        Position = position;
        Text = AnnualProgram.Require(text, "El texto de la línea de acción es obligatorio.");
    }

    public int ObjectiveId { get; private set; }
    public SpecificObjective Objective { get; private set; } = null!;
    /// <summary>Number as written, e.g. "6.2".</summary>
    public string Number { get; internal set; } = "";
    /// <summary>Order within the objective.</summary>
    public int Position { get; private set; }
    public string Text { get; private set; } = "";
    /// <summary>Mes inicial: the first shaded month of the cronograma; null where the line has no months.</summary>
    public int? FirstMonth { get; private set; }
    /// <summary>Mes final: the last shaded month of the cronograma; null where the line has no months.</summary>
    public int? LastMonth { get; private set; }
    /// <summary>
    /// The shaded months of the cronograma: the one source of the line's months. Mes inicial and final are its
    /// first and last, and the indicator reports the periods that hold a shaded month (see <see cref="Indicators.Indicator.Definition"/>).
    /// </summary>
    public MonthSet Schedule { get; private set; }
    public Indicator? Indicator { get; private set; }
    public int Version { get; set; }

    /// <summary>Corrects the line's number and text, in a draft.</summary>
    public void Revise(string number, string text)
    {
        Objective.Program.EnsureEditable();
        Number = AnnualProgram.Require(number, "El número de la línea de acción es obligatorio.");
        Text = AnnualProgram.Require(text, "El texto de la línea de acción es obligatorio.");
    }

    /// <summary>Sets first and last month; the schedule becomes that range.</summary>
    public void SetMonths(int first, int last) => SetSchedule(MonthSet.Range(first, last));

    /// <summary>Shades or clears one month of the cronograma (the editor's grid); see <see cref="ReviseMonths"/>.</summary>
    public void ToggleMonth(int month, IReadOnlyCollection<int> reportedMonths) => ReviseMonths(Schedule.Toggle(month), reportedMonths);

    /// <summary>
    /// The editor's change of the line's months, in a draft only. Once a period of the line has been sent, even if it
    /// was returned or reopened since (<paramref name="reportedMonths"/>), its months decide which periods those reports belong to: they are fixed.
    /// </summary>
    public void ReviseMonths(MonthSet months, IReadOnlyCollection<int> reportedMonths)
    {
        Objective.Program.EnsureEditable();
        if (months == Schedule) return;
        if (reportedMonths.Count > 0)
            throw new DomainException(
                $"La línea {Number} tiene avances ya enviados ({string.Join(", ", reportedMonths.Order().Select(Months.Name))}): " +
                "sus meses ya no pueden cambiar, porque cambiarían los periodos ya reportados.");
        SetSchedule(months);
    }

    /// <summary>The shaded months; mes inicial and final follow them.</summary>
    public void SetSchedule(MonthSet months)
    {
        Schedule = months;
        FirstMonth = months.IsEmpty ? null : months.List().First();
        LastMonth = months.IsEmpty ? null : months.List().Last();
    }

    public Indicator SetIndicator(Indicator indicator)
    {
        Objective.Program.EnsureEditable();
        indicator.ActionLine = this;
        Indicator = indicator;
        return indicator;
    }
}
