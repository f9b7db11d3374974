using System.Globalization;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;

namespace PatUcsi.Domain.Reporting;

/// <summary>
/// Every field of an indicator row that a format can show, each with its value and how the workbook writes it.
/// The formats (<see cref="IndicatorTable"/>) pick from these and give them their official headers.
/// </summary>
public static class IndicatorColumns
{
    public static readonly Column<IndicatorRow> Number = new("NÚMERO", CellKind.Whole, r => r.ObjectiveNumber.ToString(CultureInfo.InvariantCulture))
    { Value = r => r.ObjectiveNumber, PerObjective = true };
    public static readonly Column<IndicatorRow> Policies = new("POLÍTICAS", CellKind.Text, r => r.Policies) { PerObjective = true };
    public static readonly Column<IndicatorRow> ProgramName = new("PROGRAMA", CellKind.Text, r => r.ProgramName) { PerObjective = true };
    public static readonly Column<IndicatorRow> Objective = new("OBJETIVO ESPECÍFICO", CellKind.Text, r => r.ObjectiveText) { PerObjective = true };
    public static readonly Column<IndicatorRow> Activity = new("ACTIVIDAD", CellKind.Text, r => r.ActivityCell);
    public static readonly Column<IndicatorRow> FirstMonth = new("MES INICIAL", CellKind.Whole, r => Whole(r.FirstMonth)) { Value = r => r.FirstMonth };
    public static readonly Column<IndicatorRow> LastMonth = new("MES FINAL", CellKind.Whole, r => Whole(r.LastMonth)) { Value = r => r.LastMonth };
    public static readonly Column<IndicatorRow> Dimension = new("DIMENSIÓN", CellKind.Text, r => r.Dimension is { } d ? OfficialTerms.Dimensions[d] : null);
    public static readonly Column<IndicatorRow> Name = new("INDICADOR", CellKind.Text, r => r.Name);
    public static readonly Column<IndicatorRow> Method = new("MÉTODO DE CÁLCULO", CellKind.Text, r => r.CalculationMethod);
    public static readonly Column<IndicatorRow> Frequency = new("FRECUENCIA DE MEDICIÓN", CellKind.Text, r => OfficialTerms.Frequencies[r.Frequency]);
    public static readonly Column<IndicatorRow> UnitOfMeasure = new("UNIDAD DE MEDIDA", CellKind.Text, r => r.UnitOfMeasure);
    public static readonly Column<IndicatorRow> Baseline = new("LÍNEA BASE", CellKind.Text, r => r.Baseline);
    public static readonly Column<IndicatorRow> Goal = new("META", CellKind.Number, r => r.GoalShown) { Value = r => r.Goal };
    public static readonly Column<IndicatorRow> Trend = new("TENDENCIA", CellKind.Text, r => OfficialTerms.Trends[r.Trend]);
    public static readonly Column<IndicatorRow> Budget = new("PRESUPUESTO", CellKind.Text, r => r.Budget);
    public static readonly Column<IndicatorRow> Observations = new("OBSERVACIONES", CellKind.Text, r => r.ObservationsWithMarks);
    public static readonly Column<IndicatorRow> Value1 = new("VALOR DE CÁLCULO 1", CellKind.Text, r => r.Value1Label);
    public static readonly Column<IndicatorRow> Value2 = new("VALOR DE CÁLCULO 2", CellKind.Text, r => r.Value2Label);
    public static readonly Column<IndicatorRow> VerifiableIn = new("VERIFICABLE EN", CellKind.Text, r => r.VerifiableIn);

    /// <summary>Meta alcanzada: what was approved; empty in the workbook (and "—" on screen) while nothing has been.</summary>
    public static readonly Column<IndicatorRow> Achieved = new("META ALCANZADA", CellKind.Number, r => r.AsApproved ? "0" : Display.Achieved(r.Figures))
    { Value = r => r.Figures is { HasValues: true } f ? f.Achieved : r.AsApproved ? 0 : null };

    /// <summary>Meta por alcanzar, following the direction of the indicator.</summary>
    public static readonly Column<IndicatorRow> Remaining = new("META POR ALCANZAR", CellKind.Number,
        r => r.Figures is { } f ? Display.Number(Math.Round(f.Remaining, 2)) : "")
    {
        Value = r => Compliance.Remaining(r.Trend, r.Goal, r.Figures?.HasValues == true ? r.Figures.Achieved : 0),
        Formula = (r, cell) => r.Trend switch
        {
            Indicators.Trend.Increase => $"MAX({cell(Goal.Key)}-N({cell(Achieved.Key)}),0)",
            Indicators.Trend.Decrease => $"MAX(N({cell(Achieved.Key)})-{cell(Goal.Key)},0)",
            _ => $"ABS({cell(Goal.Key)}-N({cell(Achieved.Key)}))",
        },
    };

    /// <summary>% de la meta cumplido: one decimal on screen; the workbook keeps the exact fraction its formula gives.</summary>
    public static readonly Column<IndicatorRow> Percent = new("PORCENTAJE CUMPLIDO", CellKind.Percent, r => Display.Percent(r.Figures?.Percent))
    {
        // A goal of 0 that no percentage applies to caches the text "N/A".
        Value = r => Compliance.Percent(r.Trend, r.Goal, 0) is null ? null
            : r.Figures is { HasValues: true } f ? Compliance.Percent(r.Trend, r.Goal, f.Achieved)!.Value / 100 : 0,
        Formula = (r, cell) => (r.Trend, cell(Goal.Key), cell(Achieved.Key)) switch
        {
            (Indicators.Trend.Increase, var goal, var done) => $"IF({goal}=0,\"N/A\",IF({done}=\"\",0,{done}/{goal}))",
            (Indicators.Trend.Decrease, var goal, var done) => $"IF({done}=\"\",0,IF({goal}=0,IF({done}=0,1,0),IF({done}=0,1,{goal}/{done})))",
            (_, var goal, var done) => $"IF({goal}=0,\"N/A\",IF({done}=\"\",0,MAX(0,1-ABS({done}-{goal})/{goal})))",
        },
    };

    public static readonly Column<IndicatorRow> Status = new("ESTATUS", CellKind.Status, r => r.StatusText);

    // Carried by the workbook's hidden columns only: what no format shows but a program needs to be read back whole.
    public static readonly Column<IndicatorRow> LineNumber = new("NÚMERO DE LÍNEA", CellKind.Text, r => r.ActionLineNumber);
    public static readonly Column<IndicatorRow> Type = new("TIPO DE INDICADOR", CellKind.Text, r => OfficialTerms.Types[r.Type]);
    public static readonly Column<IndicatorRow> BaselineText = new("LÍNEA BASE COMO SE ESCRIBE", CellKind.Text, r => r.BaselineText);
    public static readonly Column<IndicatorRow> BaselineValue = new("LÍNEA BASE (NÚMERO)", CellKind.Number, r => Display.Plain(r.BaselineValue)) { Value = r => r.BaselineValue };
    public static readonly Column<IndicatorRow> GoalText = new("META COMO SE ESCRIBE", CellKind.Text, r => r.GoalShown);
    public static readonly Column<IndicatorRow> Accumulates = new("ACUMULABLE", CellKind.Text, r => r.Accumulates ? "Sí" : "No");
    public static readonly Column<IndicatorRow> PeriodGoals = new("METAS CALENDARIZADAS", CellKind.Text, r => PeriodGoalsText(r.PeriodGoals));

    /// <summary>
    /// The fields a program is made of (not the figures computed from its progress): every one that a format does not
    /// show goes to the workbook's hidden columns, so an exported workbook reads back into the same program.
    /// </summary>
    public static readonly IReadOnlyList<Column<IndicatorRow>> Stored =
    [
        Number, Policies, ProgramName, Objective, LineNumber, Activity, FirstMonth, LastMonth, Dimension, Name, Type, Method, Frequency,
        UnitOfMeasure, Baseline, BaselineText, BaselineValue, Goal, GoalText, Trend, Accumulates, PeriodGoals, Budget, Observations, Value1, Value2, VerifiableIn,
    ];

    /// <summary>"3: 2; 6: 4.5": the goal of the period ending in each month.</summary>
    public static string? PeriodGoalsText(IReadOnlyDictionary<int, decimal> goals) =>
        goals.Count == 0 ? null : string.Join("; ", goals.OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Value.ToString("0.####", CultureInfo.InvariantCulture)}"));

    private static string? Whole(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
