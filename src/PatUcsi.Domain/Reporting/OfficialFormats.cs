namespace PatUcsi.Domain.Reporting;

/// <summary>
/// Titles and column headers of the two official indicator formats, word for word as the source
/// document prints them (including its "PRESUPUESTO 2023 PROYECTADO").
/// </summary>
public static class OfficialFormats
{
    public const string Institute = "INSTITUTO ESTATAL ELECTORAL DE BAJA CALIFORNIA SUR";
    public const string ByUnitTitle = "FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO";
    public const string TransversalTitle = "FORMATO DE PROGRAMAS ANUALES DE TRABAJO";
    public const string TransversalLabel = "OBJETIVOS CON TRANSVERSALIDAD";

    public static readonly IReadOnlyList<string> ByUnitHeaders =
    [
        "NÚMERO", "POLÍTICAS GENERALES", "NOMBRE DEL PROGRAMA", "OBJETIVO ESPECÍFICO", "ACTIVIDAD", "MES INICIAL",
        "MES FINAL", "INDICADOR", "MÉTODO DE CÁLCULO", "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "META",
        "PRESUPUESTO", "OBSERVACIONES", "UNIDADES CUMPLIDAS AL MOMENTO", "PORCENTAJE CUMPLIDO (%)", "ESTATUS",
    ];

    public static readonly IReadOnlyList<string> TransversalHeaders =
    [
        "NÚMERO", "PROGRAMA", "POLÍTICAS", "OBJETIVO ESPECÍFICO", "LÍNEA DE ACCIÓN", "MES INICIAL", "MES FINAL",
        "DIMENSIÓN DEL INDICADOR (Eficacia, Eficiencia, Economía, Calidad)", "INDICADOR (Porcentaje, Índice, Razón)",
        "MÉTODO DE CÁLCULO", "FRECUENCIA DE MEDICIÓN", "UNIDAD DE MEDIDA", "LÍNEA BASE (Valor inicial del Indicador)",
        "META PROPUESTA (Logros del Indicador)", "TENDENCIA (Incremento, Reducción, Constante)",
        "PRESUPUESTO 2023 PROYECTADO", "OBSERVACIONES", "VALOR DE CÁLCULO 1", "VALOR DE CÁLCULO 2",
        "META ALCANZADA (Límites a la fecha)", "META PROPUESTA vs (1) META ALCANZADA (= Meta por alcanzar)",
        "METAS ALCANZADAS VERIFICABLES en", "PORCENTAJE DE LA META CUMPLIDO (%)", "ESTATUS DE la actividad",
    ];

    /// <summary>
    /// Hidden columns the app writes after the official ones: what the formats do not show but is needed
    /// to read the workbook back into the same program.
    /// </summary>
    public static readonly IReadOnlyList<string> HiddenHeaders = ["TIPO DE INDICADOR", "META COMO SE ESCRIBE", "ACUMULABLE"];

    /// <summary>The row under the transversal headers that groups its columns: (first column, text).</summary>
    public static readonly IReadOnlyList<(int Column, string Text)> TransversalGroupRow =
    [
        (0, "Características del Indicador"), (10, "Dato"), (15, "Dato"), (17, "Fórmula"), (19, "Fórmula"), (21, "Tabla"),
    ];

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
