using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Data.Configurations;

internal sealed class PeriodReportConfiguration : IEntityTypeConfiguration<PeriodReport>
{
    public void Configure(EntityTypeBuilder<PeriodReport> report)
    {
        report.ToTable("PeriodReports");
        report.HasOne(r => r.Program).WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        report.HasIndex(r => new { r.ProgramId, r.Month }).IsUnique();
        report.Property(r => r.SubmittedBy).HasMaxLength(Lengths.User);
        report.Property(r => r.ApprovedBy).HasMaxLength(Lengths.User);
        report.Property(r => r.Version).IsConcurrencyToken();
        report.HasMany(r => r.Entries).WithOne().HasForeignKey(e => e.PeriodReportId).OnDelete(DeleteBehavior.Cascade);
        report.HasMany(r => r.History).WithOne().HasForeignKey(e => e.PeriodReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgressEntryConfiguration : IEntityTypeConfiguration<ProgressEntry>
{
    public void Configure(EntityTypeBuilder<ProgressEntry> entry)
    {
        entry.ToTable("ProgressEntries");
        entry.Property(e => e.Value1).HasPrecision(18, 4);
        entry.Property(e => e.Value2).HasPrecision(18, 4);
        entry.Property(e => e.Version).IsConcurrencyToken();
        entry.HasIndex(e => new { e.PeriodReportId, e.ActionLineId }).IsUnique();
        // Progress keeps its action line: a line with reported progress cannot be deleted.
        entry.HasOne<ActionLine>().WithMany().HasForeignKey(e => e.ActionLineId).OnDelete(DeleteBehavior.Restrict);
        entry.HasMany(e => e.Evidence).WithOne().HasForeignKey(e => e.ProgressEntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> evidence)
    {
        evidence.ToTable("Evidence");
        evidence.Property(e => e.Reference).HasMaxLength(Lengths.Label);
        evidence.Property(e => e.FileName).HasMaxLength(Lengths.FileName);
        evidence.Property(e => e.StoredName).HasMaxLength(Lengths.FileName);
        evidence.Property(e => e.ContentType).HasMaxLength(Lengths.Name);
        evidence.Property(e => e.AddedBy).HasMaxLength(Lengths.User).IsRequired();
    }
}

internal sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> reportEvent)
    {
        reportEvent.ToTable("ReportEvents");
        reportEvent.Property(e => e.User).HasMaxLength(Lengths.User).IsRequired();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.ToTable("AuditEntries");
        audit.Property(a => a.User).HasMaxLength(Lengths.User).IsRequired();
        audit.Property(a => a.EntityType).HasMaxLength(Lengths.Name).IsRequired();
        audit.Property(a => a.EntityKey).HasMaxLength(Lengths.Name).IsRequired();
        audit.Property(a => a.Address).HasMaxLength(Lengths.Address);
        audit.HasIndex(a => new { a.ProgramId, a.At });
        audit.HasIndex(a => new { a.EntityType, a.EntityKey });
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> key) => key.ToTable("DataProtectionKeys");
}
