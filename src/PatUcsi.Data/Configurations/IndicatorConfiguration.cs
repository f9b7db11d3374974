using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatUcsi.Domain.Indicators;

namespace PatUcsi.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.ToTable("Indicators");
        indicator.Property(i => i.Name).IsRequired();
        indicator.Property(i => i.Value1Label).HasMaxLength(Lengths.Label);
        indicator.Property(i => i.Value2Label).HasMaxLength(Lengths.Label);
        indicator.Property(i => i.UnitOfMeasure).HasMaxLength(Lengths.Name);
        indicator.Property(i => i.GoalText).HasMaxLength(Lengths.Name);
        indicator.Property(i => i.Budget).HasMaxLength(Lengths.Name);
        indicator.Property(i => i.VerifiableIn).HasMaxLength(Lengths.Label);
        indicator.Property(i => i.Baseline).HasPrecision(18, 4);
        indicator.Property(i => i.Goal).HasPrecision(18, 4);
        indicator.Property(i => i.GreenThreshold).HasPrecision(9, 2);
        indicator.Property(i => i.YellowThreshold).HasPrecision(9, 2);
        indicator.Property(i => i.OverachievementThreshold).HasPrecision(9, 2);
        indicator.Property(i => i.Version).IsConcurrencyToken();
        indicator.HasIndex(i => i.ActionLineId).IsUnique();
        indicator.HasMany(i => i.PeriodGoals).WithOne().HasForeignKey(g => g.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeriodGoalConfiguration : IEntityTypeConfiguration<PeriodGoal>
{
    public void Configure(EntityTypeBuilder<PeriodGoal> goal)
    {
        goal.ToTable("PeriodGoals");
        goal.Property(g => g.Goal).HasPrecision(18, 4);
        goal.HasIndex(g => new { g.IndicatorId, g.LastMonth }).IsUnique();
    }
}
