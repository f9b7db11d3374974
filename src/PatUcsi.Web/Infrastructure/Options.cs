using Microsoft.AspNetCore.Mvc.Rendering;

namespace PatUcsi.Web.Infrastructure;

/// <summary>Select-list options from the official Spanish words of an enum.</summary>
public static class Options
{
    public static IEnumerable<SelectListItem> For<T>(IReadOnlyDictionary<T, string> terms, string? emptyLabel = null) where T : struct, Enum
    {
        if (emptyLabel is not null) yield return new SelectListItem(emptyLabel, "");
        foreach (var (value, label) in terms) yield return new SelectListItem(label, value.ToString());
    }

    public static IEnumerable<SelectListItem> Months(string emptyLabel) =>
        new[] { new SelectListItem(emptyLabel, "") }.Concat(Enumerable.Range(1, 12).Select(m =>
            new SelectListItem($"{m} · {Domain.Programs.Months.Name(m)}", m.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
