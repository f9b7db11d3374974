namespace PatUcsi.Domain.Publishing;

/// <summary>
/// Whether the public portal is open (one row). Until an administrator decides, the server's default applies: open
/// in Development, closed in Production, so nothing is published before someone chooses to.
/// </summary>
public class PortalSettings : Entity
{
    public const int RowId = 1;

    public PortalSettings() => Id = RowId;

    /// <summary>The administrator's choice; null: not decided yet (the server's default applies).</summary>
    public bool? Enabled { get; private set; }

    public void Open() => Enabled = true;

    public void Close() => Enabled = false;

    public bool IsOpen(bool serverDefault) => Enabled ?? serverDefault;
}
