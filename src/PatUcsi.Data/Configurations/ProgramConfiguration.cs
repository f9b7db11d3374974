using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Data.Configurations;

internal sealed class ProgramConfiguration : IEntityTypeConfiguration<AnnualProgram>
{
    public void Configure(EntityTypeBuilder<AnnualProgram> program)
    {
        program.ToTable("Programs");
        program.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        program.HasIndex(p => new { p.UnitId, p.Year }).IsUnique();
        program.Property(p => p.Version).IsConcurrencyToken();
        program.Property(p => p.GreenThreshold).HasPrecision(9, 2);
        program.Property(p => p.YellowThreshold).HasPrecision(9, 2);
        program.Property(p => p.OverachievementThreshold).HasPrecision(9, 2);
        program.Ignore(p => p.Thresholds);
        program.ComplexProperty(p => p.Signature, signature =>
        {
            signature.Property(s => s.Name).HasColumnName("SignatureName").HasMaxLength(Lengths.Name);
            signature.Property(s => s.Title).HasColumnName("SignatureTitle").HasMaxLength(Lengths.Label);
            signature.Property(s => s.Place).HasColumnName("SignaturePlace").HasMaxLength(Lengths.Name);
            signature.Property(s => s.Date).HasColumnName("SignatureDate");
        });
        program.HasMany(p => p.Abbreviations).WithOne().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);
        program.HasMany(p => p.Objectives).WithOne(o => o.Program).HasForeignKey(o => o.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AbbreviationConfiguration : IEntityTypeConfiguration<Abbreviation>
{
    public void Configure(EntityTypeBuilder<Abbreviation> abbreviation)
    {
        abbreviation.ToTable("Abbreviations");
        abbreviation.Property(a => a.Acronym).HasMaxLength(Lengths.Acronym).IsRequired();
        abbreviation.Property(a => a.Meaning).HasMaxLength(Lengths.Label).IsRequired();
        abbreviation.HasIndex(a => new { a.ProgramId, a.Position });
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<SpecificObjective>
{
    public void Configure(EntityTypeBuilder<SpecificObjective> objective)
    {
        objective.ToTable("Objectives");
        objective.Property(o => o.Text).IsRequired();
        objective.Property(o => o.Version).IsConcurrencyToken();
        // Not unique: renumbering swaps numbers within one save.
        objective.HasIndex(o => new { o.ProgramId, o.Number });
        objective.Ignore(o => o.Format);
        objective.HasMany(o => o.ActionLines).WithOne(a => a.Objective).HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionLineConfiguration : IEntityTypeConfiguration<ActionLine>
{
    public void Configure(EntityTypeBuilder<ActionLine> line)
    {
        line.ToTable("ActionLines");
        line.Property(a => a.Number).HasMaxLength(Lengths.Number).IsRequired();
        line.Property(a => a.Text).IsRequired();
        line.Property(a => a.Version).IsConcurrencyToken();
        line.Property(a => a.Schedule).HasConversion(m => m.Bits, bits => new MonthSet(bits)).HasColumnName("ScheduledMonths");
        line.HasIndex(a => new { a.ObjectiveId, a.Position });
        line.HasOne(a => a.Indicator).WithOne(i => i.ActionLine)
            .HasForeignKey<Domain.Indicators.Indicator>(i => i.ActionLineId).OnDelete(DeleteBehavior.Cascade);
    }
}
