namespace PatUcsi.Domain;

/// <summary>One instant as it is stored (UTC) and as the institute reads it (its own time zone).</summary>
public readonly record struct Moment(DateTime Utc, DateTime Local)
{
    /// <summary>The institute's calendar date at that instant: what due dates and late marks compare.</summary>
    public DateOnly Date => DateOnly.FromDateTime(Local);
}

/// <summary>
/// The one clock of the app: the real (or a test's fake) time, read in the institute's time zone. Every due
/// date, late mark, "cifras al" cut-off and printed time comes from it, so nothing depends on the server's zone.
/// </summary>
public sealed class InstituteClock(TimeProvider time, TimeZoneInfo zone) : TimeProvider
{
    /// <summary>La Paz, Baja California Sur (UTC−7 all year since Mexico dropped daylight saving time in 2022).</summary>
    public const string DefaultZoneId = "America/Mazatlan";

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        time.CreateTimer(callback, state, dueTime, period);

    /// <summary>The zone named by <paramref name="id"/>; the default one even where the system has no time zone data.</summary>
    public static TimeZoneInfo Zone(string? id)
    {
        id = string.IsNullOrWhiteSpace(id) ? DefaultZoneId : id.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == DefaultZoneId)
        {
            return TimeZoneInfo.CreateCustomTimeZone(DefaultZoneId, TimeSpan.FromHours(-7), "La Paz, Baja California Sur", "MST");
        }
    }

    /// <summary>The institute's clock over the system's, in the default zone (for tools and tests without configuration).</summary>
    public static InstituteClock Default { get; } = new(System, Zone(null));
}

public static class ClockReadings
{
    public static Moment Now(this TimeProvider clock) => clock.At(clock.GetUtcNow().UtcDateTime);

    /// <summary>A stored (UTC) instant with the institute's reading of it.</summary>
    public static Moment At(this TimeProvider clock, DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.ToLocal(utc));

    public static DateOnly Today(this TimeProvider clock) => clock.Now().Date;

    /// <summary>A stored (UTC) time as the institute reads it.</summary>
    public static DateTime ToLocal(this TimeProvider clock, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone);

    /// <summary>The last instant (UTC) of <paramref name="date"/> in the institute: the cut-off of figures "al" that date.</summary>
    public static DateTime EndOfDayUtc(this TimeProvider clock, DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Unspecified), clock.LocalTimeZone);
}
