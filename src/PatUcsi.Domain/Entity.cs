namespace PatUcsi.Domain;

/// <summary>Base of every stored entity: an integer key the database assigns.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
}

/// <summary>
/// Entities two people can edit at once carry a version the database checks on every write,
/// so a stale write is refused instead of silently overwriting (optimistic concurrency).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A business rule was broken; the message is Spanish and meant for the user.</summary>
public sealed class DomainException(string message) : Exception(message);
