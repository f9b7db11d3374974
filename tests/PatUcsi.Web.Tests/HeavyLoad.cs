namespace PatUcsi.Web.Tests;

/// <summary>
/// The load tests (many writers, processes killed, backups under writes) run alone, after the others: on two
/// cores they would starve the browser journeys' timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyLoad
{
    public const string Name = "Carga";
}
