namespace PatUcsi.Domain.Notifications;

/// <summary>The kinds of e-mail a user may choose to receive (all, unless the user turns some off).</summary>
[Flags]
public enum EmailTopics
{
    None = 0,

    /// <summary>A monthly report sent, returned, approved or reopened.</summary>
    Reports = 1,

    /// <summary>An annual program sent to the Junta, returned or approved.</summary>
    Programs = 2,

    /// <summary>A report's due date coming or passed.</summary>
    Reminders = 4,

    All = Reports | Programs | Reminders,
}
