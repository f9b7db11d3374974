using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatUcsi.Domain.Notifications;

namespace PatUcsi.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.Key).HasMaxLength(Lengths.Label).IsRequired();
        message.HasIndex(m => m.Key).IsUnique(); // the same notice to the same user is queued once
        message.Property(m => m.ToUser).HasMaxLength(Lengths.User).IsRequired();
        message.Property(m => m.ToAddress).HasMaxLength(Lengths.User).IsRequired();
        message.Property(m => m.Subject).HasMaxLength(Lengths.Label).IsRequired();
        message.Property(m => m.Body).HasMaxLength(8000).IsRequired();
        message.Property(m => m.LastError).HasMaxLength(2000);
        message.Property(m => m.LockedBy).HasMaxLength(Lengths.Name);
        message.HasIndex(m => new { m.SentAtUtc, m.NextAttemptUtc }); // the sender's query: unsent and due
    }
}
