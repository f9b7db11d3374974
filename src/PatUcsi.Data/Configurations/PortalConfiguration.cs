using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatUcsi.Domain.Publishing;

namespace PatUcsi.Data.Configurations;

internal sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> settings)
    {
        settings.ToTable("PortalSettings");
        settings.Property(s => s.Id).ValueGeneratedNever(); // one row, id 1
    }
}
