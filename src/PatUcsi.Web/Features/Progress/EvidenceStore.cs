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
        EvidenceWriter.Current.Hold(Folder);
        buffer.Position = 0;
        // Written whole under a temporary name, on disk, then renamed: a file by its final name is never partial.
        var partial = Path.Combine(Folder, storedName + PartialSuffix);
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
        {
            await buffer.CopyToAsync(file, ct);
            file.Flush(flushToDisk: true);
        }
        File.Move(partial, Path.Combine(Folder, storedName));
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

    /// <summary>An upload being written; renamed to its stored name once whole.</summary>
    public const string PartialSuffix = ".parcial";

    /// <summary>The files in the folder now (listed before the rows are read, so a file committed meanwhile is known).</summary>
    public IReadOnlyList<FileInfo> Files() => new DirectoryInfo(Folder).EnumerateFiles().ToList();

    /// <summary>
    /// Deletes the files that no evidence row names (a save interrupted between writing its file and committing):
    /// those older than <paramref name="olderThanUtc"/>, and those whose writer process has ended (a crash). Other
    /// files may belong to a save in progress, here or on another instance. Then forgets the locks of ended writers
    /// that left no file.
    /// </summary>
    public int DeleteOrphans(IReadOnlyList<FileInfo> files, IReadOnlySet<string> known, DateTime olderThanUtc)
    {
        var deleted = 0;
        foreach (var file in files.Where(f => !known.Contains(f.Name)))
        {
            try
            {
                if (file.LastWriteTimeUtc >= olderThanUtc && !EvidenceWriter.IsGone(Folder, file.Name)) continue;
                file.Delete();
                deleted++;
            }
            catch (IOException)
            {
                // in use or gone already: the next sweep sees it again
            }
        }
        var locks = new DirectoryInfo(Path.Combine(Folder, EvidenceWriter.LocksFolder));
        var tags = new DirectoryInfo(Folder).EnumerateFiles().Select(f => EvidenceWriter.TagOf(f.Name)).ToHashSet();
        foreach (var writer in locks.Exists ? locks.EnumerateFiles() : [])
            if (!tags.Contains(writer.Name) && EvidenceWriter.IsGone(Folder, $"{writer.Name}_")) writer.Delete();
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
/// The process that writes evidence files: a random tag at the start of each stored name, and a lock it holds on
/// <c>.escritores/TAG</c> in the evidence folder for as long as it runs (the system releases it even on kill -9).
/// A file without its row whose writer's lock is free was left by a process that ended; a held lock means the
/// writer runs (here or on another instance sharing the folder) and may still commit it.
/// </summary>
public sealed class EvidenceWriter
{
    public const string LocksFolder = ".escritores";
    private const int TagLength = 12;
    private readonly Dictionary<string, FileStream> _locks = [];

    public static EvidenceWriter Current { get; } = new();

    public string Tag { get; } = Guid.NewGuid().ToString("N")[..TagLength];

    /// <summary>Takes this process's lock in the folder (once per folder).</summary>
    public void Hold(string folder)
    {
        lock (_locks)
        {
            if (_locks.ContainsKey(folder)) return;
            var locks = Directory.CreateDirectory(Path.Combine(folder, LocksFolder)).FullName;
            _locks[folder] = new FileStream(Path.Combine(locks, Tag), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        }
    }

    public static string? TagOf(string storedName) => storedName.IndexOf('_', StringComparison.Ordinal) == TagLength ? storedName[..TagLength] : null;

    /// <summary>Whether the file's writer has ended: its lock is there and nobody holds it.</summary>
    public static bool IsGone(string folder, string storedName)
    {
        if (TagOf(storedName) is not { } tag || tag == Current.Tag) return false;
        var path = Path.Combine(folder, LocksFolder, tag);
        if (!File.Exists(path)) return false; // an unknown writer: only the age rule applies
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false; // held: the writer runs
        }
    }
}
