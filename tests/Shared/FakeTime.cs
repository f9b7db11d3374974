namespace PatUcsi.Tests;

/// <summary>A clock the test sets and moves; the app reads it through its institute clock (La Paz).</summary>
public sealed class FakeTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
