using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;

namespace PatUcsi.Tests;

/// <summary>A database's tables as text: each row its values joined, the rows sorted, to compare two databases.</summary>
public static class TableDump
{
    /// <summary>Every table of the model and the migrations history, each with every column it has in this database.</summary>
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(PatDbContext db, IReadOnlyDictionary<string, string[]>? columns = null)
    {
        var names = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Append("__EFMigrationsHistory").Distinct();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var list = columns?.GetValueOrDefault(name) is { } wanted ? string.Join(", ", wanted.Select(c => $"\"{c}\"")) : "*";
            if (columns is not null && !columns.ContainsKey(name)) continue;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {list} FROM \"{name}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            result[name] = rows;
        }
        await connection.CloseAsync();
        return result;
    }

    /// <summary>The columns of each table that exists in this database.</summary>
    public static async Task<Dictionary<string, string[]>> ColumnsAsync(DbConnection connection, IEnumerable<string> tables)
    {
        var result = new Dictionary<string, string[]>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
            try
            {
                await using var reader = await command.ExecuteReaderAsync();
                result[table] = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            }
            catch (DbException)
            {
                // the table is not there (yet)
            }
        }
        return result;
    }
}
