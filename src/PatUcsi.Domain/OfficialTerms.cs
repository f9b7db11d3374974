using System.Globalization;
using System.Text;
using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Domain;

/// <summary>
/// The official Spanish words for the model's values, as the formats write them, and their parsing
/// (accent- and case-insensitive, so "bimestral", "Bimestral" and "BIMESTRAL" all read the same).
/// </summary>
public static class OfficialTerms
{
    /// <summary>Section 5's column header over an objective's lines, unless the objective writes its own.</summary>
    public const string ActionLinesHeader = "Línea de acción";

    public static readonly IReadOnlyDictionary<Frequency, string> Frequencies = new Dictionary<Frequency, string>
    {
        [Frequency.Monthly] = "Mensual",
        [Frequency.Bimonthly] = "Bimestral",
        [Frequency.Quarterly] = "Trimestral",
        [Frequency.FourMonthly] = "Cuatrimestral",
        [Frequency.Semiannual] = "Semestral",
        [Frequency.Annual] = "Anual",
    };

    public static readonly IReadOnlyDictionary<Dimension, string> Dimensions = new Dictionary<Dimension, string>
    {
        [Dimension.Efficacy] = "Eficacia",
        [Dimension.Efficiency] = "Eficiencia",
        [Dimension.Economy] = "Economía",
        [Dimension.Quality] = "Calidad",
    };

    public static readonly IReadOnlyDictionary<IndicatorType, string> Types = new Dictionary<IndicatorType, string>
    {
        [IndicatorType.Count] = "Absoluto",
        [IndicatorType.Percentage] = "Porcentaje",
        [IndicatorType.Ratio] = "Razón",
        [IndicatorType.Index] = "Índice",
    };

    public static readonly IReadOnlyDictionary<Trend, string> Trends = new Dictionary<Trend, string>
    {
        [Trend.Increase] = "Incremento",
        [Trend.Decrease] = "Reducción",
        [Trend.Constant] = "Constante",
    };

    public static readonly IReadOnlyDictionary<IndicatorStatus, string> Statuses = new Dictionary<IndicatorStatus, string>
    {
        [IndicatorStatus.Pending] = "PENDIENTE",
        [IndicatorStatus.InProgress] = "EN PROCESO",
        [IndicatorStatus.Late] = "ATRASADA",
        [IndicatorStatus.Met] = "CUMPLIDA",
        [IndicatorStatus.NotMet] = "NO CUMPLIDA",
        [IndicatorStatus.Cancelled] = "CANCELADA",
    };

    public static readonly IReadOnlyDictionary<TrafficLight, string> TrafficLights = new Dictionary<TrafficLight, string>
    {
        [TrafficLight.None] = "Sin periodos vencidos",
        [TrafficLight.Green] = "Verde",
        [TrafficLight.Yellow] = "Amarillo",
        [TrafficLight.Red] = "Rojo",
    };

    public static readonly IReadOnlyDictionary<ObjectiveGroup, string> Groups = new Dictionary<ObjectiveGroup, string>
    {
        [ObjectiveGroup.UnitActivities] = "Actividades de la Unidad",
        [ObjectiveGroup.Transversal] = "Objetivos con transversalidad",
    };

    public static readonly IReadOnlyDictionary<ProgramState, string> ProgramStates = new Dictionary<ProgramState, string>
    {
        [ProgramState.Draft] = "Borrador",
        [ProgramState.Submitted] = "Enviado a la Junta",
        [ProgramState.Approved] = "Aprobado",
    };

    public static readonly IReadOnlyDictionary<ReportState, string> ReportStates = new Dictionary<ReportState, string>
    {
        [ReportState.Draft] = "Borrador",
        [ReportState.Submitted] = "Enviado",
        [ReportState.Approved] = "Aprobado",
        [ReportState.Returned] = "Devuelto",
    };

    /// <summary>Reads an official word back into its value; null when it is not one of them.</summary>
    public static T? Parse<T>(IReadOnlyDictionary<T, string> terms, string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = Fold(text);
        foreach (var (value, word) in terms)
            if (Fold(word) == key) return value;
        return null;
    }

    /// <summary>Upper case without accents, for comparing official words as people write them.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).ToUpperInvariant();
    }
}
