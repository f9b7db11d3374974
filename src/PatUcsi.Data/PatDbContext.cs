using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PatUcsi.Data.Auditing;
using PatUcsi.Data.Identity;
using PatUcsi.Data.Notifications;
using PatUcsi.Domain.Notifications;
using PatUcsi.Domain;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Units;

namespace PatUcsi.Data;

public class PatDbContext(DbContextOptions<PatDbContext> options, IAuditContext? audit = null, TimeProvider? clock = null, MailSettings? mail = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    private readonly IAuditContext _audit = audit ?? new SystemAuditContext();

    /// <summary>The institute's clock: audit times, and the end of a day for figures "al" a date.</summary>
    public TimeProvider Clock { get; } = clock ?? InstituteClock.Default;

    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<AnnualProgram> Programs => Set<AnnualProgram>();
    public DbSet<Abbreviation> Abbreviations => Set<Abbreviation>();
    public DbSet<SpecificObjective> Objectives => Set<SpecificObjective>();
    public DbSet<ActionLine> ActionLines => Set<ActionLine>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<PeriodGoal> PeriodGoals => Set<PeriodGoal>();
    public DbSet<PeriodReport> PeriodReports => Set<PeriodReport>();
    public DbSet<ProgressEntry> ProgressEntries => Set<ProgressEntry>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    /// <summary>E-mails to deliver, written with the changes that cause them.</summary>
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Domain.Publishing.PortalSettings> PortalSettings => Set<Domain.Publishing.PortalSettings>();
    /// <summary>The keys that protect sign-in and form cookies, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PatDbContext).Assembly);
        // One model snapshot serves every provider (see DesignTimeFactory): each generated key says how each server
        // generates it, as the migrations do, whichever provider builds the model.
        foreach (var entity in builder.Model.GetEntityTypes())
            if (entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } id] && id.ClrType == typeof(int))
            {
                id.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
                id.SetValueGenerationStrategy(SqlServerValueGenerationStrategy.IdentityColumn);
            }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, bumping the version of every edited entity (so a stale copy is refused) and writing one
    /// audit entry per inserted, updated or deleted domain entity, in the same transaction. Under a retrying
    /// execution strategy (PostgreSQL, SQL Server) a transient failure runs the whole save again: nothing is
    /// accepted until it has committed, and the audit rows of a failed attempt are not kept.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Once, before any attempt: a retried save writes the same e-mails.
        if (mail is { Enabled: true }) await OutboxWriter.CollectAsync(this, mail, cancellationToken);
        // Inside the caller's transaction the caller decides about retrying.
        var saved = Database.CurrentTransaction is not null
            ? await SaveOnceAsync(ownTransaction: false, cancellationToken)
            : await Database.CreateExecutionStrategy().ExecuteAsync(ct => SaveOnceAsync(ownTransaction: true, ct), cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    private async Task<int> SaveOnceAsync(bool ownTransaction, CancellationToken ct)
    {
        var changes = AuditTrail.Capture(this);
        if (changes.Count == 0) return await base.SaveChangesAsync(false, ct);

        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(ct) : null;
        var saved = await base.SaveChangesAsync(false, ct);
        var at = Clock.GetUtcNow().UtcDateTime;
        // Written past the change tracker, which still holds the changes as unsaved until the commit.
        await AuditTrail.InsertAsync(this, changes.Select(c => c.ToEntry(this, at, _audit)).ToList(), ct);
        await DataVersions.ExecuteUpdateAsync(v => v.SetProperty(x => x.Value, x => x.Value + 1), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        RecentDataVersion.Saved();
        return saved;
    }

    /// <summary>The count of committed saves of domain data (see <see cref="DataVersion"/>).</summary>
    public Task<long> DataVersionAsync(CancellationToken ct = default) =>
        DataVersions.Where(v => v.Id == DataVersion.RowId).Select(v => v.Value).SingleAsync(ct);

    /// <summary>
    /// The program a domain entity belongs to, looked up through its parents. Read from the change tracker's
    /// values: during a save, keys the database just generated are there before they reach the objects.
    /// </summary>
    internal int? ProgramIdOf(EntityEntry entry) => entry.Entity switch
    {
        AnnualProgram => (int?)entry.Property(nameof(AnnualProgram.Id)).CurrentValue,
        Abbreviation or SpecificObjective or PeriodReport => (int?)entry.Property("ProgramId").CurrentValue,
        ActionLine => ParentProgramId(entry, nameof(ActionLine.ObjectiveId)),
        Indicator => ParentProgramId(entry, nameof(Indicator.ActionLineId)),
        PeriodGoal => ParentProgramId(entry, nameof(PeriodGoal.IndicatorId)),
        ProgressEntry => ParentProgramId(entry, nameof(ProgressEntry.PeriodReportId)),
        Domain.Progress.Evidence => ParentProgramId(entry, nameof(Domain.Progress.Evidence.ProgressEntryId)),
        ReportEvent => ParentProgramId(entry, "PeriodReportId"),
        _ => null,
    };

    private int? ParentProgramId(EntityEntry child, string foreignKey)
    {
        var key = child.Metadata.GetForeignKeys().Single(k => k.Properties.Any(p => p.Name == foreignKey));
        if (key.DependentToPrincipal is { } navigation && child.Reference(navigation.Name).TargetEntry is { } tracked) return ProgramIdOf(tracked);
        // Found among the tracked rows by its (possibly just generated) key, else read from the database.
        var parent = Find(key.PrincipalEntityType.ClrType, child.Property(foreignKey).CurrentValue);
        return parent is null ? null : ProgramIdOf(Entry(parent));
    }

}
