using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Domain.Notifications;

/// <summary>A notice about to be e-mailed: what it says and where in the app it is acted on.</summary>
public sealed record Notice(string Subject, string Body, string Path);

/// <summary>The e-mails' Spanish texts, one function per event (pure: the same event always says the same).</summary>
public static class Messages
{
    private static string Period(int month, int year) => $"{Months.Name(month)} {year}";

    public static Notice Report(ReportAction action, string unit, int year, int month, int programId, string by, string? comment)
    {
        var path = $"/programas/{programId}/avance/{month}";
        var period = Period(month, year);
        var withComment = comment is { Length: > 0 } c ? $"\n\nComentarios: «{c}»" : "";
        return action switch
        {
            ReportAction.Submitted => new($"Informe de {period} enviado para su revisión ({unit})",
                $"{by} envió el informe de avance de {period} de {unit}. Revíselo para aprobarlo o devolverlo con comentarios.", path),
            ReportAction.Returned => new($"Informe de {period} devuelto con comentarios ({unit})",
                $"El Titular devolvió el informe de avance de {period} de {unit} para su corrección.{withComment}", path),
            ReportAction.Approved => new($"Informe de {period} aprobado ({unit})",
                $"El informe de avance de {period} de {unit} fue aprobado y cuenta en las cifras oficiales.", path),
            _ => new($"Informe de {period} reabierto ({unit})",
                $"El Titular reabrió el informe de avance de {period} de {unit}; debe aprobarse de nuevo.{withComment}", path),
        };
    }

    public static Notice ProgramChange(ProgramState state, bool returned, string unit, int year, int programId, string? comment)
    {
        var path = $"/programas/{programId}";
        var program = $"Programa Anual de Trabajo {year} de {unit}";
        return (state, returned) switch
        {
            (ProgramState.Submitted, _) => new($"{program} enviado a la Junta", $"El {program} fue enviado para su revisión y aprobación.", path),
            (ProgramState.Approved, _) => new($"{program} aprobado", $"La Junta Estatal Ejecutiva aprobó el {program}.", path),
            _ => new($"{program} devuelto con comentarios", $"La Junta Estatal Ejecutiva devolvió el {program} para su corrección." +
                (comment is { Length: > 0 } c ? $"\n\nComentarios: «{c}»" : ""), path),
        };
    }

    /// <summary>Before a due date (days left) or the day after it passed (days left below zero).</summary>
    public static Notice Reminder(string unit, int year, int month, int programId, DateOnly dueDate, int daysLeft) =>
        daysLeft >= 0
            ? new($"Recordatorio: el informe de {Period(month, year)} vence el {Display.LongDate(dueDate)} ({unit})",
                $"Faltan {daysLeft} {(daysLeft == 1 ? "día" : "días")} para la fecha límite del informe de avance de {Period(month, year)} de {unit}: {Display.LongDate(dueDate)}.",
                $"/programas/{programId}/avance/{month}")
            : new($"Informe de {Period(month, year)} vencido ({unit})",
                $"El informe de avance de {Period(month, year)} de {unit} venció el {Display.LongDate(dueDate)} sin enviarse. Captúrelo y envíelo cuanto antes.",
                $"/programas/{programId}/avance/{month}");
}
