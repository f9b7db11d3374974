using PatUcsi.Domain.Calculation;
using PatUcsi.Domain.Programs;

namespace PatUcsi.Domain.Progress;

public enum ReportState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    /// <summary>Returned by the Titular with comments: editable again, like a draft.</summary>
    Returned = 3,
}

public enum ReportAction { Submitted = 0, Approved = 1, Returned = 2, Reopened = 3 }

/// <summary>
/// The progress of one program for one reporting month (informe de avance). Only an approved report
/// counts in the official figures, and an approved report is locked until the Titular reopens it.
/// </summary>
public class PeriodReport : Entity, IVersioned
{
    private PeriodReport() { }

    public PeriodReport(AnnualProgram program, int month)
    {
        Months.Check(month);
        Program = program;
        ProgramId = program.Id;
        Month = month;
    }

    public int ProgramId { get; private set; }
    public AnnualProgram Program { get; private set; } = null!;
    /// <summary>The reporting month: every period that ends in it is reported here.</summary>
    public int Month { get; private set; }
    public ReportState State { get; private set; } = ReportState.Draft;
    public string? SubmittedBy { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    /// <summary>The Titular's comment on the whole report when it was returned.</summary>
    public string? ReviewComment { get; private set; }
    /// <summary>Submitted after the period's due date (last day plus grace days).</summary>
    public bool IsLate { get; private set; }
    private readonly List<ProgressEntry> _entries = [];
    private readonly List<ReportEvent> _history = [];

    public IReadOnlyList<ProgressEntry> Entries => _entries;
    public IReadOnlyList<ReportEvent> History => _history;
    public int Version { get; set; }

    public bool IsEditable => State is ReportState.Draft or ReportState.Returned;

    /// <summary>Values that count in the official figures.</summary>
    public bool IsOfficial => State == ReportState.Approved;

    /// <summary>Values shown as preliminary: sent, not yet approved.</summary>
    public bool IsPreliminary => State == ReportState.Submitted;

    public DateOnly DueDate(int graceDays) =>
        new ReportingPeriod(Program.Year, Indicators.Frequency.Monthly, Month, Month).DueDate(graceDays);

    public void EnsureEditable()
    {
        if (!IsEditable)
            throw new DomainException(State == ReportState.Approved
                ? "El informe está aprobado y bloqueado; el Titular debe reabrirlo para modificarlo."
                : "El informe fue enviado al Titular; no puede modificarse hasta que lo apruebe o lo devuelva.");
    }

    /// <summary>Records (or replaces) the values of one action line for this period.</summary>
    public ProgressEntry Record(int actionLineId, decimal? value1, decimal? value2, string? narrative)
    {
        EnsureEditable();
        var entry = _entries.FirstOrDefault(e => e.ActionLineId == actionLineId);
        if (entry is null)
        {
            entry = new ProgressEntry(actionLineId);
            _entries.Add(entry);
        }
        entry.Value1 = value1;
        entry.Value2 = value2;
        entry.Narrative = string.IsNullOrWhiteSpace(narrative) ? null : narrative.Trim();
        return entry;
    }

    /// <summary>Takes a line out of the report (its values and evidence); returns the stored files it leaves behind.</summary>
    public IReadOnlyList<string> Remove(int actionLineId)
    {
        EnsureEditable();
        if (_entries.FirstOrDefault(e => e.ActionLineId == actionLineId) is not { } entry) return [];
        _entries.Remove(entry);
        return entry.Evidence.Select(e => e.StoredName).OfType<string>().ToList();
    }

    public void AddEvidence(int actionLineId, Evidence evidence)
    {
        EnsureEditable();
        Entry(actionLineId).EvidenceList.Add(evidence);
    }

    /// <summary>Removes the line's evidence with these ids (ids of other lines remove nothing); returns their stored files.</summary>
    public IReadOnlyList<string> RemoveEvidence(int actionLineId, IReadOnlyCollection<int> evidenceIds)
    {
        EnsureEditable();
        var list = Entry(actionLineId).EvidenceList;
        var removed = list.Where(e => evidenceIds.Contains(e.Id)).ToList();
        list.RemoveAll(removed.Contains);
        return removed.Select(e => e.StoredName).OfType<string>().ToList();
    }

    private ProgressEntry Entry(int actionLineId) =>
        _entries.FirstOrDefault(e => e.ActionLineId == actionLineId) ?? throw new DomainException("La línea no tiene avance en este informe.");

    /// <summary>Sends the report; it is late when the institute's date of sending is after the due date.</summary>
    public void Submit(string user, Moment at, int graceDays)
    {
        if (!IsEditable) throw new DomainException("Solo un informe en borrador o devuelto puede enviarse.");
        if (Entries.Count == 0) throw new DomainException("El informe no tiene avances capturados; no puede enviarse.");
        State = ReportState.Submitted;
        SubmittedBy = user;
        SubmittedAt = at.Utc;
        IsLate = at.Date > DueDate(graceDays);
        Log(ReportAction.Submitted, user, at.Utc, null);
    }

    public void Approve(string user, DateTime at)
    {
        if (State != ReportState.Submitted) throw new DomainException("Solo un informe enviado puede aprobarse.");
        State = ReportState.Approved;
        ApprovedBy = user;
        ApprovedAt = at;
        ReviewComment = null;
        foreach (var entry in Entries) entry.ReviewComment = null;
        Log(ReportAction.Approved, user, at, null);
    }

    /// <summary>Returns the report to the Capturista with a comment for the report and/or per line.</summary>
    public void Return(string user, DateTime at, string? comment, IReadOnlyDictionary<int, string>? lineComments = null)
    {
        if (State != ReportState.Submitted) throw new DomainException("Solo un informe enviado puede devolverse.");
        // Only comments on the report's own lines count: one keyed to any other line is no comment at all.
        var lines = lineComments?.Where(c => !string.IsNullOrWhiteSpace(c.Value) && Entries.Any(e => e.ActionLineId == c.Key)).ToDictionary() ?? [];
        if (string.IsNullOrWhiteSpace(comment) && lines.Count == 0)
            throw new DomainException("Escriba un comentario para devolver el informe.");
        foreach (var entry in Entries)
            entry.ReviewComment = lines.TryGetValue(entry.ActionLineId, out var c) ? c.Trim() : null;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        State = ReportState.Returned;
        Log(ReportAction.Returned, user, at, ReviewComment);
    }

    /// <summary>Unlocks an approved report; it stops counting until it is approved again.</summary>
    public void Reopen(string user, DateTime at, string reason)
    {
        if (State != ReportState.Approved) throw new DomainException("Solo un informe aprobado puede reabrirse.");
        var why = AnnualProgram.Require(reason, "Escriba el motivo para reabrir el informe.");
        State = ReportState.Draft;
        ApprovedBy = null;
        ApprovedAt = null;
        Log(ReportAction.Reopened, user, at, why);
    }

    private void Log(ReportAction action, string user, DateTime at, string? comment) =>
        _history.Add(new ReportEvent(action, user, at, comment));
}

/// <summary>The values, narrative and evidence of one action line in one period report.</summary>
public class ProgressEntry : Entity, IVersioned
{
    private ProgressEntry() { }

    internal ProgressEntry(int actionLineId) => ActionLineId = actionLineId;

    public int PeriodReportId { get; private set; }
    public int ActionLineId { get; private set; }
    /// <summary>Units for a count; valor de cálculo 1 for a ratio.</summary>
    public decimal? Value1 { get; internal set; }
    /// <summary>Valor de cálculo 2 (ratios only).</summary>
    public decimal? Value2 { get; internal set; }
    public string? Narrative { get; internal set; }
    /// <summary>The Titular's comment on this line when the report was returned.</summary>
    public string? ReviewComment { get; internal set; }
    private readonly List<Evidence> _evidence = [];

    public IReadOnlyList<Evidence> Evidence => _evidence;

    /// <summary>Changed only through the report, which checks it is editable.</summary>
    internal List<Evidence> EvidenceList => _evidence;
    public int Version { get; set; }
}

/// <summary>A file uploaded as evidence, or a reference to one (document number, URL).</summary>
public class Evidence : Entity
{
    private Evidence() { }

    public Evidence(string? reference, string? fileName, string? storedName, string? contentType, long? size, string addedBy, DateTime addedAt)
    {
        if (string.IsNullOrWhiteSpace(reference) && string.IsNullOrWhiteSpace(storedName))
            throw new DomainException("La evidencia debe ser un archivo o una referencia.");
        Reference = reference?.Trim();
        FileName = fileName;
        StoredName = storedName;
        ContentType = contentType;
        Size = size;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public int ProgressEntryId { get; private set; }
    public string? Reference { get; private set; }
    /// <summary>The name the user's file had; shown, never used as a path.</summary>
    public string? FileName { get; private set; }
    /// <summary>The server's own name for the stored file.</summary>
    public string? StoredName { get; private set; }
    public string? ContentType { get; private set; }
    public long? Size { get; private set; }
    public string AddedBy { get; private set; } = "";
    public DateTime AddedAt { get; private set; }
}

/// <summary>One step of a report's history: who did what, when, and why.</summary>
public class ReportEvent : Entity
{
    private ReportEvent() { }

    public ReportEvent(ReportAction action, string user, DateTime at, string? comment)
    {
        Action = action;
        User = user;
        At = at;
        Comment = comment;
    }

    public int PeriodReportId { get; private set; }
    public ReportAction Action { get; private set; }
    public string User { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Comment { get; private set; }
}
