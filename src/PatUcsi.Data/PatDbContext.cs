using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data.Auditing;
using PatUcsi.Data.Identity;
using PatUcsi.Domain;
using PatUcsi.Domain.Auditing;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Units;

namespace PatUcsi.Data;

public class PatDbContext(DbContextOptions<PatDbContext> options, IAuditContext? audit = null, TimeProvider? clock = null)
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
    /// <summary>The keys that protect sign-in and form cookies, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PatDbContext).Assembly);
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
        if (transaction is not null) await transaction.CommitAsync(ct);
        return saved;
    }

    /// <summary>The program a domain entity belongs to, looked up through its parents.</summary>
    internal int? ProgramIdOf(object entity) => entity switch
    {
        AnnualProgram p => p.Id,
        Abbreviation a => a.ProgramId,
        SpecificObjective o => o.ProgramId,
        ActionLine l => Find<SpecificObjective>(l.ObjectiveId)?.ProgramId,
        Indicator i => Find<ActionLine>(i.ActionLineId) is { } line ? ProgramIdOf(line) : null,
        PeriodGoal g => Find<Indicator>(g.IndicatorId) is { } indicator ? ProgramIdOf(indicator) : null,
        PeriodReport r => r.ProgramId,
        ProgressEntry e => Find<PeriodReport>(e.PeriodReportId)?.ProgramId,
        Evidence ev => Find<ProgressEntry>(ev.ProgressEntryId) is { } entry ? ProgramIdOf(entry) : null,
        ReportEvent re => Find<PeriodReport>(re.PeriodReportId)?.ProgramId,
        _ => null,
    };
}
