using System.Diagnostics;
using PatUcsi.Tests;

namespace PatUcsi.Exports.Tests;

/// <summary>Reads PDFs back with poppler-utils (pdftotext, pdffonts, pdftoppm), as a person's tools would.</summary>
public static class Poppler
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts", "pdf")).FullName;

    public static string Save(byte[] pdf, string name)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>The text of each page, in layout order.</summary>
    public static IReadOnlyList<string> Pages(string pdf) =>
        Run("pdftotext", $"-layout -enc UTF-8 \"{pdf}\" -").Split('\f').Where(p => p.Length > 0).ToList();

    public static string Fonts(string pdf) => Run("pdffonts", $"\"{pdf}\"");

    /// <summary>Renders pages to PNG (first..last) beside the PDF, to look at.</summary>
    public static void Images(string pdf, int first, int last, int dpi = 60) =>
        Run("pdftoppm", $"-png -r {dpi} -f {first} -l {last} \"{pdf}\" \"{Path.ChangeExtension(pdf, null)}\"");

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
                            ?? throw new InvalidOperationException($"{tool} did not start: install poppler-utils (./test.sh does).");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
