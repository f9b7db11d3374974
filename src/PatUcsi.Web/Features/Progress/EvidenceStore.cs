using System.IO.Compression;

namespace PatUcsi.Web.Features.Progress;

public sealed class EvidenceOptions
{
    /// <summary>Where evidence files are kept: outside the web root (default App_Data/evidencia).</summary>
    public string? Folder { get; set; }
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

public sealed record StoredFile(string StoredName, string ContentType, long Size);

/// <summary>
/// Evidence files: checked by their content (not by the name the user gave), stored under a name the
/// server chooses, outside the web root, and read back only through the authorized download action.
/// </summary>
public sealed class EvidenceStore(Microsoft.Extensions.Options.IOptions<EvidenceOptions> options, IWebHostEnvironment environment)
{
    private sealed record Kind(string Extension, string ContentType, string[] Extensions);

    private static readonly Kind Pdf = new(".pdf", "application/pdf", [".pdf"]);
    private static readonly Kind Png = new(".png", "image/png", [".png"]);
    private static readonly Kind Jpeg = new(".jpg", "image/jpeg", [".jpg", ".jpeg"]);
    private static readonly Kind Gif = new(".gif", "image/gif", [".gif"]);
    private static readonly Kind Legacy = new(".bin", "application/octet-stream", [".doc", ".xls", ".ppt"]);
    private static readonly Dictionary<string, string> OfficeTypes = new()
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
    };

    public long MaxBytes => options.Value.MaxBytes;

    public string Folder => Directory.CreateDirectory(options.Value.Folder ?? Path.Combine(environment.ContentRootPath, "App_Data", "evidencia")).FullName;

    /// <summary>Stores the upload, or returns the Spanish reason it was refused.</summary>
    public async Task<(StoredFile? File, string? Error)> SaveAsync(IFormFile upload, CancellationToken ct)
    {
        if (upload.Length == 0) return (null, "El archivo está vacío.");
        if (upload.Length > MaxBytes)
            return (null, $"El archivo «{upload.FileName}» pesa {Size(upload.Length)}; el máximo es {Size(MaxBytes)}.");

        await using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        var detected = Detect(buffer, extension);
        if (detected is null)
            return (null, $"El archivo «{upload.FileName}» no es un PDF, una imagen (PNG, JPG, GIF) ni un documento de Office válido.");

        var storedName = $"{Guid.NewGuid():N}{detected.Value.Extension}";
        buffer.Position = 0;
        await using (var file = File.Create(Path.Combine(Folder, storedName)))
            await buffer.CopyToAsync(file, ct);
        return (new StoredFile(storedName, detected.Value.ContentType, upload.Length), null);
    }

    /// <summary>"10 MB", "1.5 MB", "900 KB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.GetCultureInfo("es-MX"), $"{bytes / (1024 * 1024.0):0.#} MB")
        : string.Create(System.Globalization.CultureInfo.GetCultureInfo("es-MX"), $"{Math.Max(1, bytes / 1024)} KB");

    /// <summary>Removes files stored by a save that was then refused, so none is left without its record.</summary>
    public void Delete(IEnumerable<string> storedNames)
    {
        foreach (var name in storedNames) File.Delete(Path.Combine(Folder, Path.GetFileName(name)));
    }

    public Stream Open(string storedName) =>
        File.OpenRead(Path.Combine(Folder, Path.GetFileName(storedName))); // the stored name never carries a path

    /// <summary>The kind of file by its first bytes; the user's extension must agree with it.</summary>
    private static (string Extension, string ContentType)? Detect(MemoryStream content, string extension)
    {
        var head = content.GetBuffer().AsSpan(0, (int)Math.Min(8, content.Length));
        Kind? kind = head switch
        {
            [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => Pdf,                         // %PDF-
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] => Png,
            [0xFF, 0xD8, 0xFF, ..] => Jpeg,
            [0x47, 0x49, 0x46, 0x38, ..] => Gif,                                // GIF8
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] => Legacy,         // Office 97-2003
            _ => null,
        };
        if (kind is not null)
            return kind.Extensions.Contains(extension)
                ? (kind == Legacy ? extension : kind.Extension, kind == Legacy ? OfficeTypes[extension] : kind.ContentType)
                : null;
        // Office Open XML: a zip whose parts say which document it is.
        if (head is not [0x50, 0x4B, 0x03, 0x04, ..] || !OfficeTypes.ContainsKey(extension) || extension is ".doc" or ".xls" or ".ppt")
            return null;
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var part = extension switch { ".docx" => "word/", ".xlsx" => "xl/", _ => "ppt/" };
            return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith(part, StringComparison.Ordinal))
                ? (extension, OfficeTypes[extension])
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
