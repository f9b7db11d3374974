using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Domain.Reporting;

public sealed record PeriodReportLine(
    string Number,
    string Activity,
    string Indicator,
    bool IsRatio,
    string? Value1Label,
    string? Value2Label,
    decimal? Value1,
    decimal? Value2,
    string? Narrative,
    IReadOnlyList<string> Evidence,
    IndicatorFigures? Figures,
    string? ReviewComment)
{
    public string Values => IsRatio
        ? $"Valor 1: {(Value1 is { } a ? Display.Number(a) : "—")} · Valor 2: {(Value2 is { } b ? Display.Number(b) : "—")}"
        : $"Unidades: {(Value1 is { } u ? Display.Number(u) : "—")}";

    public string Status => Figures is null ? "SIN MESES" : OfficialTerms.Statuses[Figures.Status];
}

/// <summary>
/// The informe de avance of one program and month, as its PDF and Excel print it: every line reported,
/// with values, narrative, evidence, % cumplido and estatus, and who approved it — or "NO APROBADO".
/// </summary>
public sealed record PeriodReportView(
    string UnitShortName,
    string UnitName,
    int Year,
    int Month,
    ReportState State,
    string? SubmittedBy,
    /// <summary>In the institute's time zone, as every printed time.</summary>
    DateTime? SubmittedAt,
    string? ApprovedBy,
    /// <summary>In the institute's time zone.</summary>
    DateTime? ApprovedAt,
    bool IsLate,
    DateOnly DueDate,
    DateOnly AsOf,
    IReadOnlyList<PeriodReportLine> Lines)
{
    public bool IsApproved => State == ReportState.Approved;

    public string Title => $"INFORME DE AVANCE DE {Programs.Months.Name(Month).ToUpperInvariant()} {Year}";

    /// <summary>Who approved it and when, or why the figures are not official.</summary>
    public string ApprovalText => IsApproved
        ? $"Aprobado por {ApprovedBy} el {Display.LongDateTime(ApprovedAt!.Value)}."
        : $"NO APROBADO · {OfficialTerms.ReportStates[State]}: las cifras son preliminares.";

    public string? LateText => IsLate ? $"Entregado fuera de plazo (fecha límite: {Display.LongDate(DueDate)})." : null;

    /// <param name="report">The month's report; null when nothing has been captured.</param>
    /// <param name="program">The program with its figures (official rows for an approved report, preliminary otherwise).</param>
    /// <param name="clock">The institute's clock, which turns the stored (UTC) times into the printed ones.</param>
    public static PeriodReportView Build(ProgramReport program, int month, PeriodReport? report, int graceDays, TimeProvider clock)
    {
        var rows = program.Rows.ToDictionary(r => r.ActionLineId);
        var approved = report?.State == ReportState.Approved;
        var lines = (report?.Entries ?? [])
            .Where(e => rows.ContainsKey(e.ActionLineId))
            .Select(e => (Entry: e, Row: rows[e.ActionLineId]))
            .OrderBy(x => x.Row.ObjectiveNumber).ThenBy(x => x.Row.ActionLineNumber, StringComparer.Ordinal)
            .Select(x => new PeriodReportLine(
                x.Row.ActionLineNumber, x.Row.Activity, x.Row.Name, x.Row.IsRatio, x.Row.Value1Label, x.Row.Value2Label,
                x.Entry.Value1, x.Entry.Value2, x.Entry.Narrative,
                x.Entry.Evidence.Select(v => v.Reference ?? v.FileName ?? "").ToList(),
                approved ? x.Row.Figures : x.Row.Preliminary, x.Entry.ReviewComment))
            .ToList();
        var due = new ReportingPeriod(program.Year, Indicators.Frequency.Monthly, month, month).DueDate(graceDays);
        return new PeriodReportView(program.UnitShortName, program.UnitName, program.Year, month, report?.State ?? ReportState.Draft,
            report?.SubmittedBy, Local(report?.SubmittedAt), report?.ApprovedBy, Local(report?.ApprovedAt), report?.IsLate ?? false, due, program.AsOf, lines);

        DateTime? Local(DateTime? utc) => utc is { } at ? clock.ToLocal(at) : null;
    }
}
