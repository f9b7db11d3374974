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

    /// <summary>One page rendered at 72 dpi (a pixel a point), as rows of RGB pixels.</summary>
    public static (int Width, int Height, byte[] Rgb) Pixels(string pdf, int page)
    {
        var prefix = Path.Combine(Folder, $"{Path.GetFileNameWithoutExtension(pdf)}-pixeles");
        Run("pdftoppm", $"-r 72 -f {page} -l {page} -singlefile \"{pdf}\" \"{prefix}\"");
        var bytes = File.ReadAllBytes(prefix + ".ppm");
        // Binary PPM: "P6", width, height, maximum value, each followed by one whitespace, then the pixels.
        var (fields, at) = (new List<int>(), 2);
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)bytes[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at])) at++;
            fields.Add(int.Parse(System.Text.Encoding.ASCII.GetString(bytes, start, at - start), System.Globalization.CultureInfo.InvariantCulture));
        }
        return (fields[0], fields[1], bytes[(at + 1)..]);
    }

    /// <summary>Top to bottom, for each pixel row holding this exact colour, its longest horizontal run (a bar's length).</summary>
    public static IReadOnlyList<int> Runs((int Width, int Height, byte[] Rgb) image, byte r, byte g, byte b)
    {
        var runs = new List<int>();
        for (var y = 0; y < image.Height; y++)
        {
            var (run, longest) = (0, 0);
            for (var x = 0; x < image.Width; x++)
            {
                var i = (y * image.Width + x) * 3;
                run = image.Rgb[i] == r && image.Rgb[i + 1] == g && image.Rgb[i + 2] == b ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
            if (longest > 0) runs.Add(longest);
        }
        return runs;
    }

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
