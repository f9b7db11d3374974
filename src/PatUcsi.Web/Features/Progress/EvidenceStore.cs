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
        var name = DisplayName(upload.FileName);
        if (upload.Length > MaxBytes)
            return (null, $"El archivo «{name}» pesa {Size(upload.Length)}; el máximo es {Size(MaxBytes)}.");

        await using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        var detected = Detect(buffer, extension);
        if (detected is null)
            return (null, $"El archivo «{name}» no es un PDF, una imagen (PNG, JPG, GIF) ni un documento de Office válido, o lleva un programa dentro.");

        var storedName = $"{EvidenceWriter.Current.Tag}_{Guid.NewGuid():N}{detected.Value.Extension}";
        buffer.Position = 0;
        await using (var file = File.Create(Path.Combine(Folder, storedName)))
            await buffer.CopyToAsync(file, ct);
        return (new StoredFile(storedName, detected.Value.ContentType, upload.Length), null);
    }

    /// <summary>"10 MB", "1.5 MB", "900 KB", "512 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(Culture, $"{bytes / (1024 * 1024.0):0.#} MB"),
        >= 1024 => string.Create(Culture, $"{bytes / 1024} KB"),
        1 => "1 byte",
        _ => string.Create(Culture, $"{bytes} bytes"),
    };

    /// <summary>The name the user's file had, as shown and stored: no folders, no control characters, at most 200 characters.</summary>
    public static string DisplayName(string fileName)
    {
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();
        if (name.Length == 0) return "archivo";
        if (name.Length <= MaxNameLength) return name;
        var extension = Path.GetExtension(name);
        return extension.Length < 20 ? name[..(MaxNameLength - extension.Length - 1)] + "…" + extension : name[..MaxNameLength];
    }

    /// <summary>Removes files stored by a save that was then refused, or whose evidence was removed, so disk and table agree.</summary>
    public void Delete(IEnumerable<string> storedNames)
    {
        foreach (var name in storedNames) File.Delete(Path.Combine(Folder, Path.GetFileName(name)));
    }

    /// <summary>
    /// Deletes the files that no evidence row names (a save interrupted between writing its file and committing):
    /// those older than <paramref name="olderThanUtc"/>, and those whose writer was a process of this machine that
    /// is no longer running (a crash). Other files may belong to a save in progress, here or on another instance.
    /// </summary>
    public int DeleteOrphans(IReadOnlySet<string> known, DateTime olderThanUtc)
    {
        var deleted = 0;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            if (known.Contains(file.Name)) continue;
            if (file.LastWriteTimeUtc >= olderThanUtc && !EvidenceWriter.IsGone(file.Name)) continue;
            file.Delete();
            deleted++;
        }
        return deleted;
    }

    /// <summary>Whether the stored file is there (a restore without the evidence folder would lack it).</summary>
    public bool Exists(string storedName) => File.Exists(Path.Combine(Folder, Path.GetFileName(storedName)));

    public Stream Open(string storedName) =>
        File.OpenRead(Path.Combine(Folder, Path.GetFileName(storedName))); // the stored name never carries a path

    private const int MaxNameLength = 200;
    private static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("es-MX");

    /// <summary>The kind of file by its content; the user's extension must agree with it.</summary>
    private static (string Extension, string ContentType)? Detect(MemoryStream content, string extension)
    {
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        Kind? kind = bytes switch
        {
            [0x25, 0x50, 0x44, 0x46, 0x2D, ..] when EvidenceFormats.IsPdf(bytes) => Pdf,                        // %PDF-
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] when EvidenceFormats.IsPng(bytes) => Png,
            [0xFF, 0xD8, 0xFF, ..] when EvidenceFormats.IsJpeg(bytes) => Jpeg,
            [0x47, 0x49, 0x46, 0x38, ..] when EvidenceFormats.IsGif(bytes) => Gif,                             // GIF8
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] when !EvidenceFormats.CarriesExecutable(bytes) => Legacy, // Office 97-2003
            _ => null,
        };
        if (kind is not null)
            return kind.Extensions.Contains(extension)
                ? (kind == Legacy ? extension : kind.Extension, kind == Legacy ? OfficeTypes[extension] : kind.ContentType)
                : null;
        if (bytes is not [0x50, 0x4B, 0x03, 0x04, ..] || !OfficeTypes.ContainsKey(extension) || extension is ".doc" or ".xls" or ".ppt")
            return null;
        content.Position = 0;
        return EvidenceFormats.IsOfficeOpenXml(content, extension) ? (extension, OfficeTypes[extension]) : null;
    }
}

/// <summary>
/// The process that writes evidence files, written at the start of each stored name ("host.pid.start_…"), so that a
/// file left without its row can be told apart: its writer crashed, or it is another instance's save in progress.
/// </summary>
public sealed record EvidenceWriter(string Machine, int ProcessId, string Started)
{
    public static EvidenceWriter Current { get; } = Of(System.Diagnostics.Process.GetCurrentProcess());

    public string Tag => $"{Machine}.{ProcessId}.{Started}";

    private static EvidenceWriter Of(System.Diagnostics.Process process) =>
        new(Clean(Environment.MachineName), process.Id, process.StartTime.ToUniversalTime().ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture));

    private static string Clean(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-').ToArray());

    /// <summary>Whether the file's writer was a process of this machine that has ended (a pid in use again has another start).</summary>
    public static bool IsGone(string storedName)
    {
        var parts = storedName.Split('_')[0].Split('.');
        if (parts.Length != 3 || parts[0] != Current.Machine || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid)) return false;
        if (pid == Current.ProcessId && parts[2] == Current.Started) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return Of(process).Started != parts[2];
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true; // it ended while being looked at
        }
    }
}
