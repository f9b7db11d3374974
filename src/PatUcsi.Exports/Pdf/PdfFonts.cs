using PdfSharp.Fonts;

namespace PatUcsi.Exports.Pdf;

/// <summary>
/// PDFsharp set up once per process: the AGPL license acknowledged (the project is AGPL-3.0 because of
/// it) and the fonts bundled with PDFsharp (Segoe WP), which work offline and are embedded in every file.
/// </summary>
public static class PdfFonts
{
    public const string Family = "Segoe WP";
    private static readonly Lock Gate = new();
    private static bool _ready;

    public static void EnsureReady()
    {
        lock (Gate)
        {
            if (_ready) return;
            GlobalFontSettings.FontResolver ??= new BundledFonts();
            _ready = true;
        }
    }

    private sealed class BundledFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? "SegoeWP-Bold" : "SegoeWP", false, isItalic);

        public byte[] GetFont(string faceName) =>
            faceName == "SegoeWP-Bold" ? PdfSharp.WPFonts.FontDataHelper.SegoeWPBold : PdfSharp.WPFonts.FontDataHelper.SegoeWP;
    }
}
