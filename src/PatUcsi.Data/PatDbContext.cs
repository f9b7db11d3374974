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
    : IdentityDbContext<AppUser>(options)
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PatDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, bumping the version of every edited entity (so a stale copy is refused) and writing one
    /// audit entry per inserted, updated or deleted domain entity, in the same transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = AuditTrail.Capture(this);
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var at = Clock.GetUtcNow().UtcDateTime;
            AuditEntries.AddRange(changes.Select(c => c.ToEntry(this, at, _audit)));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
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
