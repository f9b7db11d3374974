using System.Globalization;

namespace PatUcsi.Domain.Input;

/// <summary>
/// How a number typed by a person is read. es-MX users write the decimal comma as often as the point,
/// so "1,5" and "1.5" are both 1.5. Anything that could be read two ways — thousands separators
/// ("1,5,3", "1.000,5"), spaces inside, exponents ("1e3"), words ("NaN") — is refused, never guessed.
/// The rules are listed in docs/entrada.md.
/// </summary>
public static class NumberInput
{
    /// <summary>More digits than any stored column holds (numeric(18,4)) are refused before parsing.</summary>
    private const int MaxDigits = 18;

    /// <summary>Reads <paramref name="text"/>; empty text is no value. Returns the Spanish reason when it is not a number.</summary>
    public static (decimal? Value, string? Error) Parse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return (null, null);
        var negative = s[0] == '-';
        var body = negative || s[0] == '+' ? s[1..] : s;
        var separators = body.Count(c => c is ',' or '.');
        if (separators > 1)
            return (null, "use un solo signo decimal (coma o punto) y ningún separador de miles, por ejemplo 1500 o 1,5");
        if (body.Length == 0 || !body.All(c => c is >= '0' and <= '9' or ',' or '.') || body.All(c => c is ',' or '.'))
            return (null, "escriba solo cifras, con coma o punto para los decimales, por ejemplo 12 o 1,5");
        if (body.Count(char.IsAsciiDigit) > MaxDigits)
            return (null, "el número tiene demasiadas cifras");
        var value = decimal.Parse(body.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return (negative ? -value : value, null);
    }
}

/// <summary>The range and precision a stored number may take (both providers' columns hold it).</summary>
public sealed record NumberLimits(decimal Min, decimal Max, int Decimals)
{
    /// <summary>Counts, valores de cálculo, metas and líneas base: up to a thousand million, four decimals (numeric(18,4)).</summary>
    public static readonly NumberLimits Quantity = new(0, 1_000_000_000, 4);

    /// <summary>Semáforo thresholds: a percentage up to 1000, two decimals (numeric(9,2)).</summary>
    public static readonly NumberLimits Threshold = new(0, 1000, 2);

    /// <summary>Null when <paramref name="value"/> is within the limits; otherwise the Spanish reason.</summary>
    public string? Check(decimal? value)
    {
        if (value is not { } v) return null;
        if (v < Min || v > Max)
            return $"debe estar entre {Min.ToString(CultureInfo.InvariantCulture)} y {Max.ToString(CultureInfo.InvariantCulture)}"; // as it would be typed
        if (v.Scale > Decimals && decimal.Round(v, Decimals) != v)
            return $"admite como máximo {Decimals} decimales";
        return null;
    }
}
