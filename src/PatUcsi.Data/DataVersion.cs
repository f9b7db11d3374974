using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatUcsi.Data;

/// <summary>
/// One row counting the saves that changed domain data: every audited save adds one in its own transaction, so a
/// reader sees a new value exactly when the change is committed (the update's row lock orders concurrent saves,
/// which the audit's identity values do not on a server database). Cached reports are keyed by it.
/// </summary>
public sealed class DataVersion
{
    public const int RowId = 1;

    public int Id { get; private set; } = RowId;
    public long Value { get; private set; }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> version)
    {
        version.ToTable("DataVersion");
        version.Property(v => v.Id).ValueGeneratedNever();
        version.HasData(new { Id = DataVersion.RowId, Value = 0L });
    }
}

/// <summary>
/// The data version as the public portal keys its cache by, without a query per request: read again after any save
/// made in this process, and otherwise at most a second old (another instance's save shows within a second). The
/// staff's pages read the row itself on every request.
/// </summary>
public sealed class RecentDataVersion
{
    /// <summary>Saves committed in this process (every context counts here, whichever app or test made it).</summary>
    private static long _localSaves;

    private sealed record Reading(long Version, long LocalSaves, long AtMilliseconds);

    private Reading? _last;

    internal static void Saved() => Interlocked.Increment(ref _localSaves);

    public async ValueTask<long> CurrentAsync(PatDbContext db, CancellationToken ct = default)
    {
        // The count is taken before the query: a save that ends during it makes the next request read again.
        var saves = Interlocked.Read(ref _localSaves);
        var now = Environment.TickCount64;
        if (_last is { } last && last.LocalSaves == saves && now - last.AtMilliseconds < 1000) return last.Version;
        var version = await db.DataVersionAsync(ct);
        _last = new Reading(version, saves, now);
        return version;
    }
}
