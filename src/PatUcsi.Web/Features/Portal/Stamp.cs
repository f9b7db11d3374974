using PatUcsi.Data;
using PatUcsi.Domain;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Web.Features.Portal;

/// <summary>The "publicado el … · cifras al …" line every public page carries.</summary>
public static class Stamp
{
    public static string Of(PublishedProgram program, TimeProvider clock) =>
        $"{Published(program, clock)} · {FiguresAsOf(program)}";

    public static string Published(PublishedProgram program, TimeProvider clock) =>
        program.ApprovedAtUtc is { } at ? $"Publicado el {Display.LongDate(DateOnly.FromDateTime(clock.ToLocal(at)))}" : "Publicado";

    public static string FiguresAsOf(PublishedProgram program) =>
        program.FiguresAsOf is { } asOf ? $"cifras al {Display.LongDate(asOf)}" : "sin informes aprobados todavía: cada indicador PENDIENTE";

    /// <summary>For a page of several programs: the latest publication and the latest cut-off among them.</summary>
    public static string Of(IReadOnlyCollection<PublishedProgram> programs, TimeProvider clock)
    {
        if (programs.Count == 0) return "Sin programas publicados.";
        var latest = programs.MaxBy(p => p.UpdatedAtUtc ?? DateTime.MinValue)!;
        var figures = programs.Select(p => p.FiguresAsOf).Max();
        return $"Última publicación: {(latest.UpdatedAtUtc is { } at ? Display.LongDate(DateOnly.FromDateTime(clock.ToLocal(at))) : "—")} · " +
               (figures is { } f ? $"cifras al {Display.LongDate(f)} (la más reciente)" : "sin informes aprobados todavía");
    }
}
