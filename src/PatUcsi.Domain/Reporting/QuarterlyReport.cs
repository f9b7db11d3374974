using PatUcsi.Domain.Calculation;

namespace PatUcsi.Domain.Reporting;

/// <summary>An indicator in red at the cut-off, with what its unit wrote about it.</summary>
public sealed record RedIndicator(string UnitShortName, string ActionLineNumber, string Name, decimal? Programmed, IndicatorFigures Figures, string? Observations);

/// <summary>
/// Informe trimestral de avance del PAT institucional, for the Consejo General: every unit's figures as of the quarter's
/// last day (counting the approvals given until the report is made, as the transparency format does), the summary, and
/// the indicators in red. The PDF and the workbook render this one model.
/// </summary>
public sealed record QuarterlyReport(int Quarter, DateOnly MadeOn, InstituteOverview Overview)
{
    public int Year => Overview.Year;

    public DateOnly CutOff => TransparencyTable.Quarter(Year, Quarter).Last;

    public string Title => $"Informe trimestral de avance del Programa Anual de Trabajo institucional {Year}";

    public string Subtitle => $"Trimestre {Quarter} (cifras al {Display.LongDate(CutOff)})";

    public string CutOffText => TransparencyTable.CutOff(CutOff, MadeOn);

    public IReadOnlyList<UnitYear> Units => Overview.Units;

    public IReadOnlyList<RedIndicator> Red =>
    [
        .. Units.Where(u => u.Report is not null).SelectMany(u => u.Report!.Rows
            .Where(r => r.Figures is { TrafficLight: TrafficLight.Red } && !r.IsCancelled)
            .Select(r => new RedIndicator(u.UnitShortName, r.ActionLineNumber, r.Name, r.Figures!.ProgrammedToDate, r.Figures, r.ObservationsWithMarks))),
    ];
}
