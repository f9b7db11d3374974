namespace PatUcsi.Domain.Notifications;

/// <summary>
/// An e-mail waiting to be delivered: written in the same transaction as the change that causes it, delivered later by
/// the app's sender with retries. <see cref="Key"/> is unique, so the same notice (a reminder of one period to one user)
/// is never queued twice.
/// </summary>
public class OutboxMessage : Entity
{
    /// <summary>Attempts before a message is left as failed (about a day with the backoff below).</summary>
    public const int MaxAttempts = 8;

    private OutboxMessage() { }

    public OutboxMessage(string key, string toUser, string toAddress, string subject, string body, DateTime createdAtUtc)
    {
        Key = key;
        ToUser = toUser;
        ToAddress = toAddress;
        Subject = subject;
        Body = body;
        CreatedAtUtc = createdAtUtc;
        NextAttemptUtc = createdAtUtc;
    }

    public string Key { get; private set; } = "";
    public string ToUser { get; private set; } = "";
    public string ToAddress { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptUtc { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Which instance of the app is sending it, until when (another instance takes it only after that).</summary>
    public string? LockedBy { get; private set; }
    public DateTime? LockedUntilUtc { get; private set; }

    public bool IsFailed => SentAtUtc is null && Attempts >= MaxAttempts;

    /// <summary>
    /// A failed message goes back to the queue with its attempts from zero (the administrator fixed the server's
    /// settings, or the address): sent on the sender's next round. Returns false for one that has not failed.
    /// </summary>
    public bool Retry(DateTime nowUtc)
    {
        if (!IsFailed) return false;
        Attempts = 0;
        NextAttemptUtc = nowUtc;
        return true;
    }

    /// <summary>1, 2, 4 … minutes after each failed attempt, at most two hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(120, Math.Pow(2, Math.Max(0, attempts - 1))));
}
