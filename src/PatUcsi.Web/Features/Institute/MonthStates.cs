using PatUcsi.Domain.Reporting;

namespace PatUcsi.Web.Features.Institute;

/// <summary>How the grid writes a month: a word (never colour alone) and the class that colours its cell.</summary>
public static class MonthStates
{
    public static string Label(MonthCell cell) => cell.State switch
    {
        MonthState.Approved => "Aprobado",
        MonthState.Sent => "Enviado",
        MonthState.Returned => "Devuelto",
        MonthState.InCapture => "En captura",
        MonthState.Overdue => "Vencido",
        MonthState.Upcoming => "Por venir",
        _ => "Sin informe",
    } + (cell.IsLate && cell.State is MonthState.Approved or MonthState.Sent ? ", fuera de plazo" : "");

    public static string Css(MonthCell cell) => cell.State switch
    {
        MonthState.Approved => "month-approved",
        MonthState.Sent => "month-sent",
        MonthState.Returned or MonthState.InCapture => "month-capture",
        MonthState.Overdue => "month-overdue",
        _ => "month-none",
    } + (cell.IsLate && cell.State is MonthState.Approved or MonthState.Sent ? " month-late" : "");

    /// <summary>The grid's legend, in the order of the work.</summary>
    public static readonly (string Css, string Label)[] Legend =
    [
        ("month-none", "Por venir o sin informe"), ("month-capture", "En captura o devuelto"), ("month-sent", "Enviado al Titular"),
        ("month-approved", "Aprobado"), ("month-overdue", "Vencido"), ("month-late", "Fuera de plazo (borde)"),
    ];
}
