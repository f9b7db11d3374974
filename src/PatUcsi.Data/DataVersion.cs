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
