namespace PatUcsi.Web.Tests;

/// <summary>Figures of the durability runs (writers, saves, kills): in the test's output and in artifacts/durabilidad.txt, which test.sh empties before the run and prints after it.</summary>
internal static class Figures
{
    private static readonly Lock Gate = new();
    private static readonly string File = Path.Combine(Directory.CreateDirectory(Path.Combine(PatUcsi.Tests.RepoPaths.Root, "artifacts")).FullName, "durabilidad.txt");

    public static void Print(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        lock (Gate) System.IO.File.AppendAllText(File, line + Environment.NewLine);
    }
}
