namespace PatUcsi.Domain.Programs;

/// <summary>
/// The months of the year an action line is scheduled in (the shaded cells of the cronograma),
/// kept as twelve bits so it stores as one integer on every database.
/// </summary>
public readonly record struct MonthSet(int Bits)
{
    public static readonly MonthSet Empty = new(0);

    public static MonthSet Range(int first, int last)
    {
        Months.Check(first);
        Months.Check(last);
        if (first > last) throw new DomainException("El mes inicial no puede ser posterior al mes final.");
        var bits = 0;
        for (var m = first; m <= last; m++) bits |= 1 << (m - 1);
        return new MonthSet(bits);
    }

    public static MonthSet Of(IEnumerable<int> months) =>
        new(months.Aggregate(0, (bits, m) => { Months.Check(m); return bits | (1 << (m - 1)); }));

    public bool Contains(int month) => month is >= 1 and <= 12 && (Bits & (1 << (month - 1))) != 0;

    public MonthSet Toggle(int month)
    {
        Months.Check(month);
        return new MonthSet(Bits ^ (1 << (month - 1)));
    }

    public IEnumerable<int> List() => Enumerable.Range(1, 12).Where(Contains);

    public bool IsEmpty => Bits == 0;

    public override string ToString() => string.Join(",", List());
}

/// <summary>Month numbers and their Spanish names.</summary>
public static class Months
{
    private static readonly string[] Names =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    private static readonly string[] Abbreviations =
        ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"];

    public static string Name(int month) { Check(month); return Names[month - 1]; }

    public static string Abbreviation(int month) { Check(month); return Abbreviations[month - 1]; }

    public static void Check(int month)
    {
        if (month is < 1 or > 12) throw new DomainException($"El mes debe estar entre 1 y 12 (se recibió {month}).");
    }
}
