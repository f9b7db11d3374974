namespace PatUcsi.Domain.Units;

/// <summary>An órgano of the institute (UCSI, DEOE, DEAF…): each keeps its own annual program.</summary>
public class Unit : Entity, IVersioned
{
    private Unit() { }

    public Unit(string shortName, string name, string? headName = null, string? headTitle = null)
    {
        ShortName = shortName.Trim();
        Name = name.Trim();
        HeadName = headName;
        HeadTitle = headTitle;
    }

    public string ShortName { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Name of the Titular (head of the unit), as signed on the program.</summary>
    public string? HeadName { get; set; }
    /// <summary>Title of the Titular, e.g. "Titular de la Unidad de Cómputo y Servicios Informáticos".</summary>
    public string? HeadTitle { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
