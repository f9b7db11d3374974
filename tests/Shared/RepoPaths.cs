namespace PatUcsi.Tests;

/// <summary>Folders of the repository, found from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedData => Path.Combine(Root, "seed-data");

    /// <summary>The text of the official UCSI 2024 document the seed data was taken from.</summary>
    public static string SourceDocument => Path.Combine(SeedData, "source", "pat-ucsi-2024.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PatUcsi.sln"))) return dir.FullName;
        throw new InvalidOperationException("PatUcsi.sln not found above " + AppContext.BaseDirectory);
    }
}
