namespace PatUcsi.Domain.Reporting;

/// <summary>
/// Titles of the official formats, word for word as the source document prints them (their columns are
/// <see cref="IndicatorTable"/>, <see cref="ScheduleTable"/> and <see cref="TransparencyTable"/>).
/// </summary>
public static class OfficialFormats
{
    public const string Institute = "INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR";
    public const string ByUnitTitle = "FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO";
    public const string TransversalTitle = "FORMATO DE PROGRAMAS ANUALES DE TRABAJO";
    public const string TransversalLabel = "OBJETIVOS CON TRANSVERSALIDAD";

    public static IReadOnlyList<string> ByUnitHeaders => IndicatorTable.ByUnit.Headers;

    public static IReadOnlyList<string> TransversalHeaders => IndicatorTable.Transversal.Headers;

    /// <summary>The title rows above the "por órgano" table.</summary>
    public static IReadOnlyList<string> ByUnitTitles(ProgramReport r) =>
        [Institute, ByUnitTitle, $"PROGRAMA ANUAL DE TRABAJO {r.Year}", r.UnitName.ToUpperInvariant(), .. r.FormatGeneralObjective];

    /// <summary>The title rows above the transversal table.</summary>
    public static IReadOnlyList<string> TransversalTitles(ProgramReport r) =>
        [Institute, TransversalTitle, $"Programa Anual de Trabajo {r.UnitShortName} {r.Year}",
         $"{r.UnitName.ToUpperInvariant()}   {TransversalLabel}", string.Join(" ", r.FormatGeneralObjective)];

    /// <summary>"PROGRAMA ANUAL DE TRABAJO DE LA UNIDAD DE … PARA EL EJERCICIO 2024".</summary>
    public static string DocumentTitle(string unitName, int year) =>
        $"PROGRAMA ANUAL DE TRABAJO DE LA {unitName.ToUpperInvariant()} PARA EL EJERCICIO {year}";
}
