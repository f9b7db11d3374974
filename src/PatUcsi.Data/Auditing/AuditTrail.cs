using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PatUcsi.Domain;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Data.Auditing;

/// <summary>One change to audit, captured before the save (when the old values are still known).</summary>
internal sealed class AuditTrail
{
    // Accents are kept as they are, so the history reads as written.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly EntityEntry _entry;
    private readonly AuditAction _action;
    private readonly string? _before;
    private readonly string? _after;
    private readonly string? _key;
    private readonly int? _programId;

    private AuditTrail(PatDbContext db, EntityEntry entry)
    {
        _entry = entry;
        switch (entry.State)
        {
            case EntityState.Added:
                _action = AuditAction.Insert;
                break; // key and values are known only after the insert
            case EntityState.Deleted:
                _action = AuditAction.Delete;
                _before = Serialize(AllProperties(entry), p => p.OriginalValue);
                _key = KeyOf(entry);
                _programId = db.ProgramIdOf(entry);
                break;
            default:
                _action = AuditAction.Update;
                var changed = AllProperties(entry).Where(p => Changed(p.Property)).ToList();
                _before = Serialize(changed, p => p.OriginalValue);
                _after = Serialize(changed, p => p.CurrentValue);
                _key = KeyOf(entry);
                break;
        }
    }

    /// <summary>Bumps versions of edited entities and captures every domain change that must be audited.</summary>
    public static List<AuditTrail> Capture(PatDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var trails = new List<AuditTrail>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is not Entity || entry.Entity is AuditEntry) continue;
            if (entry.State is EntityState.Detached or EntityState.Unchanged) continue;
            if (entry.State == EntityState.Modified && !AllProperties(entry).Any(p => Changed(p.Property)))
                continue;
            if (entry.Entity is IVersioned && entry.State == EntityState.Modified)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
            trails.Add(new AuditTrail(db, entry));
        }
        return trails;
    }

    public AuditEntry ToEntry(PatDbContext db, DateTime at, IAuditContext audit)
    {
        var after = _action == AuditAction.Insert ? Serialize(AllProperties(_entry), p => p.CurrentValue) : _after;
        var key = _key ?? KeyOf(_entry);
        var programId = _action == AuditAction.Delete ? _programId : db.ProgramIdOf(_entry);
        return new AuditEntry(at, audit.UserName, _action, _entry.Metadata.ClrType.Name, key, programId, _before, after, audit.Reason, audit.Address);
    }

    /// <summary>
    /// The audit rows, inserted with plain multi-row INSERTs in the provider's own quoting (100 rows, 1,000
    /// parameters a statement: under every provider's limit).
    /// </summary>
    public static async Task InsertAsync(PatDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(type.GetTableName()!)} " +
                   $"({string.Join(", ", Columns.Select(c => sql.DelimitIdentifier(type.FindProperty(c)!.GetColumnName())))}) VALUES ";
        var mappings = Columns.Select(c => type.FindProperty(c)!.GetRelationalTypeMapping()).ToArray();
        await using var maker = db.Database.GetDbConnection().CreateCommand(); // makes the provider's parameters
        foreach (var chunk in entries.Chunk(100))
        {
            var parameters = new List<System.Data.Common.DbParameter>();
            var rows = chunk.Select(e =>
            {
                object?[] values = [e.At, e.User, (int)e.Action, e.EntityType, e.EntityKey, e.ProgramId, e.Before, e.After, e.Reason, e.Address];
                // Each value as EF would send it for its column (e.g. datetime2 on SQL Server, not datetime).
                return "(" + string.Join(", ", values.Select((v, i) =>
                {
                    var p = mappings[i].CreateParameter(maker, $"@a{parameters.Count}", v, nullable: true);
                    parameters.Add(p);
                    return p.ParameterName;
                })) + ")";
            });
            var text = head + string.Join(", ", rows.ToList());
            try
            {
                await db.Database.ExecuteSqlRawAsync(text, parameters, ct);
            }
            catch (System.Data.Common.DbException e)
            {
                // As any other failed save: the callers' handling of DbUpdateException applies.
                throw new DbUpdateException("No se pudo escribir la auditoría del cambio.", e);
            }
        }
    }

    private static readonly string[] Columns =
        [nameof(AuditEntry.At), nameof(AuditEntry.User), nameof(AuditEntry.Action), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityKey),
         nameof(AuditEntry.ProgramId), nameof(AuditEntry.Before), nameof(AuditEntry.After), nameof(AuditEntry.Reason), nameof(AuditEntry.Address)];

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    /// <summary>Scalar properties and those inside complex properties (named "Signature.Name").</summary>
    private static IEnumerable<(string Name, PropertyEntry Property)> AllProperties(EntityEntry entry) =>
        entry.Properties.Select(p => (p.Metadata.Name, p)).Concat(
            entry.ComplexProperties.SelectMany(c => c.Properties.Select(p => ($"{c.Metadata.Name}.{p.Metadata.Name}", p))));

    private static bool Changed(PropertyEntry property) =>
        property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);

    private static string Serialize(IEnumerable<(string Name, PropertyEntry Property)> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(
            new SortedDictionary<string, object?>(
                properties.ToDictionary(p => p.Name, p => Plain(value(p.Property))), StringComparer.Ordinal),
            Json);

    private static object? Plain(object? value) => value switch
    {
        MonthSet months => months.ToString(),
        Enum e => e.ToString(),
        _ => value,
    };
}
