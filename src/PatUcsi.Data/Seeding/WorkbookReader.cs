using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PatUcsi.Domain;
using PatUcsi.Domain.Indicators;
using PatUcsi.Domain.Programs;
using PatUcsi.Domain.Reporting;

namespace PatUcsi.Data.Seeding;

/// <param name="Document">The program read; null when the file was refused as a whole.</param>
/// <param name="Read">One line per action line read.</param>
/// <param name="Refused">One line per row that could not be read, with the reason.</param>
/// <param name="Error">Why the whole file was refused, if it was.</param>
/// <param name="Notices">What was read but differs between sheets, and which sheet was followed.</param>
public sealed record WorkbookReadResult(ProgramDocument? Document, IReadOnlyList<string> Read, IReadOnlyList<string> Refused, string? Error,
    IReadOnlyList<string>? Notices = null);

/// <summary>
/// Reads a workbook in the official format (the one the app exports, or a unit's own spreadsheet with the
/// same headers) into a program document: objectives, action lines, months, the cronograma and the
/// indicators. The formats do not say an indicator's type: hidden columns written by the app give it;
/// otherwise "por órgano" rows are counts, and transversal rows are percentages when the goal is over 1.
/// </summary>
public static partial class WorkbookReader
{
    private const string NotOfficial =
        "El archivo no tiene el formato oficial: no se encontraron los encabezados del «FORMATO DE PROGRAMAS ANUALES DE TRABAJO POR ÓRGANO» ni de «OBJETIVOS CON TRANSVERSALIDAD».";

    /// <summary>
    /// Far more than any program's workbook needs (UCSI 2024: 60 KB expanded, 60 rows a sheet): a file past these
    /// limits — a zip that expands to gigabytes, a sheet of a million rows — is refused before it fills the memory.
    /// </summary>
    private const long MaxExpandedBytes = 50L * 1024 * 1024;
    private const long MaxCharactersInPart = 10_000_000;
    private const int MaxRows = 10_000;

    private const string TooLarge =
        "El libro es demasiado grande para un programa anual de trabajo (más de 50 MB al descomprimirse o más de 10 000 renglones en una hoja). Revise que sea el archivo correcto.";

    public static WorkbookReadResult Read(Stream stream, UnitDocument unit, int year, string fileName)
    {
        Dictionary<string, List<Dictionary<int, string>>> sheets;
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
                if (zip.Entries.Sum(e => e.Length) > MaxExpandedBytes) return new WorkbookReadResult(null, [], [], TooLarge);
            buffer.Position = 0;
            // The size a part claims could lie: the reader also stops at a part of more characters than any sheet has.
            using var spreadsheet = SpreadsheetDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            sheets = Sheets(spreadsheet);
        }
        catch (TooManyRowsException)
        {
            return new WorkbookReadResult(null, [], [], TooLarge);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or ArgumentException or System.Xml.XmlException)
        {
            // Past the character limit the XML reader says "MaxCharactersInDocument" (or the SDK "…InPart").
            var tooLarge = e.Message.Contains("MaxCharacters", StringComparison.Ordinal) || e.InnerException?.Message.Contains("MaxCharacters", StringComparison.Ordinal) == true;
            return new WorkbookReadResult(null, [], [], tooLarge ? TooLarge : "El archivo no es un libro de Excel (.xlsx) válido.");
        }

        var read = new List<string>();
        var refused = new List<string>();
        var objectives = new SortedDictionary<int, ObjectiveDocument>();
        var titles = new List<string>();
        var found = false;
        foreach (var (name, rows) in sheets)
        {
            foreach (var table in IndicatorTable.All)
            {
                var headers = table.Headers;
                var header = rows.FindIndex(r => Enumerable.Range(0, headers.Count).All(c => Same(r.GetValueOrDefault(c + 1), headers[c])));
                if (header < 0) continue;
                found = true;
                var byUnit = table.Format == IndicatorFormat.ByUnit;
                if (byUnit) titles.AddRange(rows.Take(header).Skip(4).Select(r => r.GetValueOrDefault(1) ?? "").Where(t => t.Length > 0 && !t.StartsWith("BORRADOR", StringComparison.Ordinal)));
                var first = header + (table.GroupRow.Count > 0 ? 2 : 1); // a row grouping the columns follows the headers
                ReadRows(name, rows, first, Fields(table, rows[header]), OfficialTerms.Groups[byUnit ? ObjectiveGroup.UnitActivities : ObjectiveGroup.Transversal],
                    byUnit, objectives, read, refused);
            }
        }
        if (!found) return new WorkbookReadResult(null, [], [], NotOfficial);

        var notices = new List<string>();
        if (sheets.TryGetValue("Cronograma", out var schedule)) ApplySchedule(schedule, objectives, notices);
        var document = new ProgramDocument
        {
            Format = ProgramDocument.FormatName, Unit = unit, Year = year, State = "Borrador",
            FormatGeneralObjective = titles, Objectives = [.. objectives.Values],
            SourceNotes = [$"Importado del libro «{fileName}»: los textos de las secciones (misión, visión, presentación…) no vienen en los formatos y deben capturarse."],
        };
        return new WorkbookReadResult(document, read, refused, null, notices);
    }

    /// <summary>
    /// Which field each column holds: the official ones by their place, the app's hidden ones after them by their
    /// header (a unit's own spreadsheet has none: what they carry is then inferred, as the class says).
    /// </summary>
    private static Dictionary<string, int> Fields(IndicatorTable table, Dictionary<int, string> header)
    {
        var fields = table.Columns.Select((c, i) => (c.Key, Column: i + 1)).ToDictionary(x => x.Key, x => x.Column);
        foreach (var (column, text) in header)
            if (column > table.Columns.Count && IndicatorColumns.Stored.FirstOrDefault(f => Same(text, f.Key)) is { } field)
                fields.TryAdd(field.Key, column);
        return fields;
    }

    private static void ReadRows(string sheet, List<Dictionary<int, string>> rows, int first, Dictionary<string, int> fields, string group, bool byUnit,
        SortedDictionary<int, ObjectiveDocument> objectives, List<string> read, List<string> refused)
    {
        ObjectiveDocument? objective = null;
        var last = fields.Values.Max();
        for (var i = first; i < rows.Count; i++)
        {
            var r = rows[i];
            string? C(int column) => r.GetValueOrDefault(column) is { Length: > 0 } v ? v : null;
            string? V(Column<IndicatorRow> field) => fields.TryGetValue(field.Key, out var column) ? C(column) : null;
            if (Enumerable.Range(1, last).All(c => C(c) is null)) continue;
            var where = $"Hoja «{sheet}», fila {r.GetValueOrDefault(0)}";
            try
            {
                if (V(IndicatorColumns.Number) is { } numberText)
                {
                    if (!int.TryParse(numberText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var objectiveNumber))
                        throw new DomainException($"el número de objetivo «{numberText}» no es un número.");
                    if (!objectives.TryGetValue(objectiveNumber, out objective))
                        objectives[objectiveNumber] = objective = new ObjectiveDocument
                        {
                            Number = objectiveNumber, Group = group, Text = V(IndicatorColumns.Objective) ?? throw new DomainException("falta el objetivo específico."),
                            ProgramName = V(IndicatorColumns.ProgramName), Policies = V(IndicatorColumns.Policies),
                        };
                }
                if (objective is null) throw new DomainException("la fila no pertenece a ningún objetivo (falta el NÚMERO).");
                var activity = V(IndicatorColumns.Activity) ?? throw new DomainException("falta la actividad o línea de acción.");
                var numbered = LineNumber().Match(activity);
                var number = V(IndicatorColumns.LineNumber) ?? (numbered.Success ? numbered.Groups[1].Value : $"{objective.Number}.{objective.ActionLines.Count + 1}");
                var line = new ActionLineDocument
                {
                    Number = number,
                    // "6.1 Desarrollar…" in the por órgano format: the line's text is what follows its number.
                    Text = numbered.Success && numbered.Groups[1].Value == number ? numbered.Groups[2].Value : activity,
                    FirstMonth = Month(V(IndicatorColumns.FirstMonth)), LastMonth = Month(V(IndicatorColumns.LastMonth)),
                };
                var goal = Number(V(IndicatorColumns.Goal)) ?? throw new DomainException("la meta no es un número.");
                var baseline = V(IndicatorColumns.Baseline);
                var indicator = new IndicatorDocument
                {
                    Name = V(IndicatorColumns.Name) ?? throw new DomainException("falta el nombre del indicador."),
                    Dimension = V(IndicatorColumns.Dimension),
                    CalculationMethod = V(IndicatorColumns.Method),
                    Frequency = V(IndicatorColumns.Frequency) ?? throw new DomainException("falta la frecuencia de medición."),
                    UnitOfMeasure = V(IndicatorColumns.UnitOfMeasure),
                    // The app's hidden columns say both as stored; otherwise the number is read from the text, kept as written
                    // only where it is not the plain number.
                    Baseline = Number(fields.ContainsKey(IndicatorColumns.BaselineValue.Key) ? V(IndicatorColumns.BaselineValue) : baseline),
                    BaselineText = fields.ContainsKey(IndicatorColumns.BaselineText.Key) ? V(IndicatorColumns.BaselineText)
                        : Number(baseline) is { } b && baseline == Display.Plain(b) ? null : baseline,
                    Goal = goal,
                    Trend = V(IndicatorColumns.Trend) ?? OfficialTerms.Trends[Trend.Increase],
                    Budget = V(IndicatorColumns.Budget),
                    Observations = WithoutMarks(V(IndicatorColumns.Observations)),
                    Value1Label = V(IndicatorColumns.Value1),
                    Value2Label = V(IndicatorColumns.Value2),
                    VerifiableIn = V(IndicatorColumns.VerifiableIn),
                    Type = V(IndicatorColumns.Type) ?? OfficialTerms.Types[byUnit ? IndicatorType.Count : goal > 1 ? IndicatorType.Percentage : IndicatorType.Ratio],
                    GoalText = V(IndicatorColumns.GoalText) is { } written && written != Display.Plain(goal) ? written : null,
                    Accumulates = V(IndicatorColumns.Accumulates) != "No",
                    PeriodGoals = PeriodGoals(V(IndicatorColumns.PeriodGoals)),
                };
                // Checked now so that a bad row is refused alone, with its place.
                if (OfficialTerms.Parse(OfficialTerms.Frequencies, indicator.Frequency) is null)
                    throw new DomainException($"frecuencia «{indicator.Frequency}» no reconocida.");
                if (OfficialTerms.Parse(OfficialTerms.Trends, indicator.Trend) is null)
                    throw new DomainException($"tendencia «{indicator.Trend}» no reconocida.");
                if (indicator.Dimension is { } d && OfficialTerms.Parse(OfficialTerms.Dimensions, d) is null)
                    throw new DomainException($"dimensión «{d}» no reconocida.");
                if (OfficialTerms.Parse(OfficialTerms.Types, indicator.Type) is null)
                    throw new DomainException($"tipo de indicador «{indicator.Type}» no reconocido.");
                if ((line.FirstMonth is null) != (line.LastMonth is null) || line.FirstMonth > line.LastMonth)
                    throw new DomainException("los meses inicial y final no son válidos.");
                line.Indicator = indicator;
                objective.ActionLines.Add(line);
                read.Add($"{line.Number} {Shorten(line.Text)}");
            }
            catch (DomainException e)
            {
                refused.Add($"{where}: {e.Message}");
            }
        }
    }

    /// <summary>"3: 2; 6: 4.5" (as <see cref="IndicatorColumns.PeriodGoalsText"/> writes it) back into month → goal.</summary>
    private static Dictionary<int, decimal>? PeriodGoals(string? text)
    {
        if (text is null) return null;
        var goals = new Dictionary<int, decimal>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || Month(pair[0]) is not { } month || Number(pair[1]) is not { } goal)
                throw new DomainException($"las metas calendarizadas «{text}» no se entienden (se esperaba «mes: meta; …»).");
            goals[month] = goal;
        }
        return goals.Count == 0 ? null : goals;
    }

    /// <summary>
    /// The cronograma sheet: its marks shade the months; its objective and line rows carry the wording of
    /// sections 4 and 5 (kept, with the formats' own wording beside it where they differ), the action lines that
    /// have no indicator, and in hidden columns section 5's own wording of each objective.
    /// </summary>
    private static void ApplySchedule(List<Dictionary<int, string>> rows, SortedDictionary<int, ObjectiveDocument> objectives, List<string> notices)
    {
        var group = OfficialTerms.Groups[ObjectiveGroup.UnitActivities];
        ObjectiveDocument? objective = null;
        var hidden = rows.FirstOrDefault(r => r.GetValueOrDefault(1) == ScheduleTable.Columns[0].Header) is { } header
            ? ScheduleTable.HiddenColumns.ToDictionary(c => c.Key, c => header.FirstOrDefault(h => h.Key > ScheduleTable.Columns.Count && Same(h.Value, c.Key)).Key)
            : [];
        string? Hidden(Dictionary<int, string> row, int column) =>
            hidden.GetValueOrDefault(ScheduleTable.HiddenColumns[column].Key) is > 0 and var c && row.GetValueOrDefault(c) is { Length: > 0 } v ? v : null;
        foreach (var row in rows)
        {
            var (first, text) = (row.GetValueOrDefault(1), row.GetValueOrDefault(2));
            if (first is null) continue;
            var heading = Enum.GetValues<ObjectiveGroup>().Cast<ObjectiveGroup?>()
                .FirstOrDefault(g => first.StartsWith(ScheduleTable.Label(g!.Value).TrimEnd(':'), StringComparison.Ordinal));
            if (heading is { } g) group = OfficialTerms.Groups[g];
            else if (int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && text is not null)
            {
                if (!objectives.TryGetValue(number, out objective))
                    objectives[number] = objective = new ObjectiveDocument { Number = number, Group = group, Text = text };
                else if (objective.Text != text)
                    (objective.FormatText, objective.Text) = (objective.Text, text);
                (objective.ActionLinesText, objective.ActionLinesHeader) = (Hidden(row, 0), Hidden(row, 1));
            }
            else if (objective is not null && text is not null && LineNumberOnly().IsMatch(first))
            {
                var line = objective.ActionLines.FirstOrDefault(l => l.Number == first);
                if (line is null) objective.ActionLines.Add(line = new ActionLineDocument { Number = first, Text = text });
                else if (line.Text != text && line.Indicator is { } indicator)
                    (indicator.ActivityText, line.Text) = (line.Text, text);
                var shaded = Enumerable.Range(0, ScheduleTable.Columns.Count)
                    .Where(c => ScheduleTable.MonthOf(c) is not null && !string.IsNullOrWhiteSpace(row.GetValueOrDefault(c + 1)))
                    .Select(c => ScheduleTable.MonthOf(c)!.Value).ToList();
                // The shading is the line's months (the one source); say so when the format's mes inicial/final disagree.
                if (line.FirstMonth is { } from && line.LastMonth is { } to && shaded.Count > 0 && (shaded[0], shaded[^1]) != (from, to))
                    notices.Add($"Línea {line.Number}: el cronograma sombrea {Span(shaded[0], shaded[^1])} y el formato de indicadores dice " +
                                $"{Span(from, to)}; se usaron los meses sombreados del cronograma.");
                line.Schedule = shaded;
            }
        }
    }

    private static string Span(int first, int last) =>
        first == last ? Months.Name(first) : $"de {Months.Name(first)} a {Months.Name(last)}";

    /// <summary>Each sheet as rows of column → text (column 0 holds the row's number).</summary>
    private static Dictionary<string, List<Dictionary<int, string>>> Sheets(SpreadsheetDocument document)
    {
        var part = document.WorkbookPart ?? throw new InvalidDataException("sin libro");
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new Dictionary<string, List<Dictionary<int, string>>>();
        foreach (var sheet in part.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            if (worksheet.Descendants<Row>().Skip(MaxRows).Any()) throw new TooManyRowsException();
            result[sheet.Name!] = worksheet.Descendants<Row>().Select(row =>
            {
                var cells = new Dictionary<int, string> { [0] = row.RowIndex?.Value.ToString(CultureInfo.InvariantCulture) ?? "" };
                foreach (var cell in row.Elements<Cell>())
                {
                    var text = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var i) ? shared[i]
                        : cell.InlineString?.InnerText ?? (cell.CellFormula is null ? cell.CellValue?.Text : null);
                    if (!string.IsNullOrWhiteSpace(text)) cells[Column(cell.CellReference!.Value!)] = text.Trim();
                }
                return cells;
            }).ToList();
        }
        return result;
    }

    private sealed class TooManyRowsException : Exception;

    private static int Column(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + (char.ToUpperInvariant(c) - 'A' + 1));

    private static bool Same(string? cell, string header) =>
        cell is not null && Spaces().Replace(cell, " ").Trim() == header;

    private static int? Month(string? text) =>
        text is null ? null : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
            ? m : throw new DomainException($"el mes «{text}» no es un número del 1 al 12.");

    /// <summary>A number as Excel stores it, or as people write it ("100%", "1,250.5").</summary>
    private static decimal? Number(string? text)
    {
        if (text is null) return null;
        var clean = text.Replace("%", "", StringComparison.Ordinal).Replace("$", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ||
               decimal.TryParse(clean, NumberStyles.Number, Display.Culture, out n) ? n : null;
    }

    /// <summary>Observations without the marks the app appends on export (late reports, cancellation).</summary>
    private static string? WithoutMarks(string? text) =>
        text is null ? null : Marks().Replace(text, "").Trim() is { Length: > 0 } t ? t : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    [GeneratedRegex(@"^(\d+(?:\.\d+)+)\.?\s+(.+)$", RegexOptions.Singleline)]
    private static partial Regex LineNumber();

    [GeneratedRegex(@"^\d+(\.\d+)+$")]
    private static partial Regex LineNumberOnly();

    [GeneratedRegex(@"\s*(Reportado fuera de plazo: [^.]*\.|CANCELADA\.|Tendencia: Reducción \(se cumple con valores iguales o menores a la meta\)\.)")]
    private static partial Regex Marks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
