namespace PatUcsi.Web.Infrastructure.Email;

/// <summary>The "Email" settings. With no Host the app sends no e-mail (the Pendientes page still lists everything).</summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>MailKit's SecureSocketOptions: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Programa Anual de Trabajo <pat@localhost>";
    /// <summary>The app's public address, for the links in the messages (https://pat.ieebcs.org.mx).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";
    /// <summary>Days before a due date when the reminder goes out.</summary>
    public int ReminderDays { get; set; } = 5;
    /// <summary>How often the outbox is looked at.</summary>
    public double PollSeconds { get; set; } = 15;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
