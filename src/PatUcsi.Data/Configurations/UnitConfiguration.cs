using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Units;

namespace PatUcsi.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.ToTable("Units");
        unit.Property(u => u.ShortName).HasMaxLength(Lengths.ShortName).IsRequired();
        unit.Property(u => u.Name).HasMaxLength(Lengths.Name).IsRequired();
        unit.Property(u => u.HeadName).HasMaxLength(Lengths.Name);
        unit.Property(u => u.HeadTitle).HasMaxLength(Lengths.Name);
        unit.Property(u => u.Version).IsConcurrencyToken();
        unit.HasIndex(u => u.ShortName).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(Lengths.Name).IsRequired();
        // Users from before the setting get every e-mail; the sentinel is no real value, so a user's own None is saved as None.
        user.Property(u => u.EmailTopics).HasDefaultValue(Domain.Notifications.EmailTopics.All).HasSentinel((Domain.Notifications.EmailTopics)(-1));
        user.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Column lengths shared by the mapping and the forms' validation.</summary>
public static class Lengths
{
    public const int ShortName = 20;
    public const int Name = 200;
    public const int Number = 20;
    public const int Acronym = 60;
    public const int Label = 500;
    public const int FileName = 260;
    public const int User = 256;
    /// <summary>The longest IPv6 text form (with an embedded IPv4 address).</summary>
    public const int Address = 45;
}
