using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Programs;
using PatUcsi.Web.Infrastructure;

namespace PatUcsi.Web.Features.Programs;

/// <summary>
/// Names each changed row the way people know it ("Indicador de la línea 1.1 «…»", "Avance de la línea 1.1 en mayo"),
/// as it was at that change. Read from the audit trail itself, so deleted rows and renumbered lines are named too.
/// </summary>
public sealed class HistorySubjects
{
    /// <summary>The columns that point to the row a change belongs to, and that row's kind.</summary>
    private static readonly Dictionary<string, string> Parents = new()
    {
        ["ActionLineId"] = "ActionLine", ["IndicatorId"] = "Indicator", ["PeriodReportId"] = "PeriodReport",
        ["ProgressEntryId"] = "ProgressEntry",
    };

    private readonly Dictionary<(string Type, string Key), List<AuditEntry>> _rows;

    private HistorySubjects(Dictionary<(string Type, string Key), List<AuditEntry>> rows) => _rows = rows;

    /// <summary>Loads the history of the rows on the page and of the rows they belong to (a few small queries).</summary>
    public static async Task<HistorySubjects> LoadAsync(PatDbContext db, int programId, IReadOnlyList<AuditEntry> page, CancellationToken ct)
    {
        var rows = new Dictionary<(string Type, string Key), List<AuditEntry>>();
        var wanted = page.Select(e => (e.EntityType, e.EntityKey)).Concat(page.SelectMany(References)).ToHashSet();
        for (var round = 0; round < 4 && wanted.Count > 0; round++)
        {
            var types = wanted.Select(w => w.Item1).Distinct().ToList();
            var keys = wanted.Select(w => w.Item2).Distinct().ToList();
            var found = new List<AuditEntry>();
            foreach (var chunk in keys.Chunk(500)) // each key is a parameter: stay far below every server's limit
                found.AddRange(await db.AuditEntries.AsNoTracking()
                    .Where(a => a.ProgramId == programId && types.Contains(a.EntityType) && chunk.Contains(a.EntityKey)).ToListAsync(ct));
            found = found.OrderBy(a => a.At).ThenBy(a => a.Id).ToList();
            foreach (var w in wanted) rows[w] = [];
            foreach (var a in found.Where(a => wanted.Contains((a.EntityType, a.EntityKey)))) rows[(a.EntityType, a.EntityKey)].Add(a);
            wanted = found.SelectMany(References).Where(r => !rows.ContainsKey(r)).ToHashSet();
        }
        return new HistorySubjects(rows);
    }

    private static IEnumerable<(string, string)> References(AuditEntry entry) =>
        Values(entry.After).Concat(Values(entry.Before))
            .Where(v => Parents.ContainsKey(v.Key) && v.Value.ValueKind == JsonValueKind.Number)
            .Select(v => (Parents[v.Key], v.Value.ToString()));

    /// <summary>"Indicador de la línea 1.1 «Informe…»": what changed, named as it was at <paramref name="entry"/>.</summary>
    public string Name(AuditEntry entry)
    {
        var what = AuditLabels.Entity(entry.EntityType);
        var state = State(entry.EntityType, entry.EntityKey, entry);
        return entry.EntityType switch
        {
            "AnnualProgram" => what,
            "Abbreviation" => $"{what} {Text(state, "Acronym")}",
            "SpecificObjective" => $"{what} {Text(state, "Number")}",
            "ActionLine" => $"{what} {Text(state, "Number")}",
            "Indicator" => $"{what} de la línea {Line(state, entry)} «{Text(state, "Name")}»",
            "PeriodGoal" => $"{what} que termina en {Month(state, "LastMonth")}, {IndicatorLine(state, entry)}",
            "PeriodReport" => $"{what} de {Month(state, "Month")}",
            "ProgressEntry" => $"{what} de la línea {Line(state, entry)} en {ReportMonth(state, entry)}",
            "Evidence" => $"{what} «{Text(state, "FileName") ?? Text(state, "Reference")}»{EntryOf(state, entry)}",
            "ReportEvent" => $"{what} de {ReportMonth(state, entry)}",
            _ => what,
        };
    }

    private string Line(Dictionary<string, JsonElement> state, AuditEntry at) =>
        Parent(state, "ActionLineId", at) is { } line ? Text(line, "Number") ?? "?" : "?";

    private string IndicatorLine(Dictionary<string, JsonElement> state, AuditEntry at) =>
        Parent(state, "IndicatorId", at) is { } indicator ? $"de la línea {Line(indicator, at)}" : "";

    private string ReportMonth(Dictionary<string, JsonElement> state, AuditEntry at) =>
        Parent(state, "PeriodReportId", at) is { } report ? Month(report, "Month") : "?";

    private string EntryOf(Dictionary<string, JsonElement> state, AuditEntry at) =>
        Parent(state, "ProgressEntryId", at) is { } entry ? $" de la línea {Line(entry, at)} en {ReportMonth(entry, at)}" : "";

    private Dictionary<string, JsonElement>? Parent(Dictionary<string, JsonElement> state, string column, AuditEntry at) =>
        state.TryGetValue(column, out var id) && id.ValueKind == JsonValueKind.Number ? State(Parents[column], id.ToString(), at) : null;

    /// <summary>The row's values as of that change: inserted values, then every later change up to it (a deleted row's last values).</summary>
    private Dictionary<string, JsonElement> State(string type, string key, AuditEntry at)
    {
        var state = new Dictionary<string, JsonElement>();
        foreach (var row in _rows.GetValueOrDefault((type, key)) ?? [])
        {
            if (row.At > at.At) break;
            foreach (var (field, value) in Values(row.After ?? row.Before)) state[field] = value;
        }
        // A row changed only before the history kept it still names itself by what the change says.
        foreach (var (field, value) in Values(at.EntityType == type && at.EntityKey == key ? at.Before : null))
            state.TryAdd(field, value);
        return state;
    }

    private static string? Text(Dictionary<string, JsonElement> state, string field) =>
        state.TryGetValue(field, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;

    private static string Month(Dictionary<string, JsonElement> state, string field) =>
        int.TryParse(Text(state, field), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? Months.Name(m) : "?";

    private static Dictionary<string, JsonElement> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
}
