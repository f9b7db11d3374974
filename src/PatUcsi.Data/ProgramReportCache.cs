using Microsoft.Extensions.Caching.Memory;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Data;

/// <summary>
/// Program reports computed once per (program, data version, date, cut-off) and kept in memory: the program page,
/// the homes and the documents read them many times between two saves. A save changes the data version (see
/// <see cref="DataVersion"/>), so no instance of the app ever serves figures older than the last committed save;
/// reading the version is one query of one row. The reports are immutable records, shared between requests.
/// </summary>
public sealed class ProgramReportCache : IDisposable
{
    /// <summary>Reports kept at most (the least used go first); a report of a large program is about a megabyte.</summary>
    private const int Capacity = 64;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public async Task<ProgramReport?> GetAsync(PatDbContext db, int programId, DateOnly asOf, DateOnly? approvedBy = null, CancellationToken ct = default) =>
        (await GetManyAsync(db, [programId], asOf, approvedBy, ct)).GetValueOrDefault(programId);

    /// <summary>The reports of several programs, reading the data version once.</summary>
    public async Task<Dictionary<int, ProgramReport>> GetManyAsync(PatDbContext db, IReadOnlyCollection<int> programIds, DateOnly asOf,
        DateOnly? approvedBy = null, CancellationToken ct = default)
    {
        var result = new Dictionary<int, ProgramReport>();
        if (programIds.Count == 0) return result;
        var version = await db.DataVersionAsync(ct);
        var missing = new List<int>();
        foreach (var id in programIds)
        {
            if (_cache.TryGetValue((id, version, asOf, approvedBy), out ProgramReport? report)) result[id] = report!;
            else missing.Add(id);
        }
        if (missing.Count == 0) return result;
        foreach (var (id, report) in await db.ProgramReportsAsync(missing, asOf, approvedBy, ct))
        {
            _cache.Set((id, version, asOf, approvedBy), report, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
            result[id] = report;
        }
        return result;
    }

    /// <summary>
    /// The program as <see cref="ProgramQueries.LoadForProgressAsync(PatDbContext, int, CancellationToken)"/> loads it, kept per
    /// (program, data version) for pages that only read it (the months' list and a month's page ask for it on every
    /// visit). It is shared between requests and detached from any context: never change it, load the program to change it.
    /// </summary>
    public async Task<AnnualProgram?> ProgramToReadAsync(PatDbContext db, int programId, CancellationToken ct = default)
    {
        var key = (nameof(ProgramToReadAsync), programId, await db.DataVersionAsync(ct));
        if (_cache.TryGetValue(key, out AnnualProgram? program)) return program;
        program = await db.LoadForProgressAsync(programId, ct);
        if (program is null) return null;
        var graph = new HashSet<object>(ReferenceEqualityComparer.Instance) { program, program.Unit };
        foreach (var objective in program.Objectives)
        {
            graph.Add(objective);
            foreach (var line in objective.ActionLines)
            {
                graph.Add(line);
                if (line.Indicator is not { } indicator) continue;
                graph.Add(indicator);
                foreach (var goal in indicator.PeriodGoals) graph.Add(goal);
            }
        }
        // Detached, or a later query of this request (its reports) would be fixed up into the graph other requests share.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => graph.Contains(e.Entity)).ToList())
            entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        _cache.Set(key, program, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return program;
    }

    public void Dispose() => _cache.Dispose();
}
