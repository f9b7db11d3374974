namespace PatUcsi.Domain.Calculation;

public enum TrafficLight
{
    /// <summary>Nothing is due yet, or the comparison is not applicable.</summary>
    None = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,
}

/// <summary>
/// Semáforo limits on "avance respecto de lo programado": green from <see cref="Green"/>, yellow from
/// <see cref="Yellow"/>, red below; above <see cref="Overachievement"/> the goal was probably set too low.
/// </summary>
public sealed record TrafficLightThresholds(decimal Green, decimal Yellow, decimal Overachievement)
{
    public static readonly TrafficLightThresholds Default = new(90, 70, 130);

    public string? Validate()
    {
        if (Yellow < 0) return "El umbral amarillo no puede ser negativo.";
        if (Green < Yellow) return "El umbral verde debe ser mayor o igual que el amarillo.";
        if (Overachievement < Green) return "El umbral de sobrecumplimiento debe ser mayor o igual que el verde.";
        return null;
    }

    public TrafficLight Classify(decimal? progress) => progress switch
    {
        null => TrafficLight.None,
        var p when p >= Green => TrafficLight.Green,
        var p when p >= Yellow => TrafficLight.Yellow,
        _ => TrafficLight.Red,
    };

    public bool IsOverachievement(decimal? progress) => progress > Overachievement;
}
