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
    public string Number { get; set; } = "";
    /// <summary>Order within the objective.</summary>
    public int Position { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Mes inicial; null where the source document does not give it.</summary>
    public int? FirstMonth { get; private set; }
    /// <summary>Mes final; null where the source document does not give it.</summary>
    public int? LastMonth { get; private set; }
    /// <summary>The shaded months of the cronograma.</summary>
    public MonthSet Schedule { get; set; }
    public Indicator? Indicator { get; private set; }
    public int Version { get; set; }

    /// <summary>Sets first and last month; the schedule becomes that range.</summary>
    public void SetMonths(int first, int last)
    {
        Schedule = MonthSet.Range(first, last);
        FirstMonth = first;
        LastMonth = last;
    }

    public Indicator SetIndicator(Indicator indicator)
    {
        Objective.Program.EnsureEditable();
        indicator.ActionLine = this;
        Indicator = indicator;
        return indicator;
    }
}
