using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Seeding;
using PatUcsi.Domain;
using PatUcsi.Domain.Progress;

namespace PatUcsi.Bench;

/// <summary>
/// The institute at scale, made from the UCSI 2024 program: units × years of approved programs, each with
/// <c>objectives</c> objectives of two action lines with an indicator each, and a year of approved progress.
/// Used by bench/load.sh --escala and by the query-count test (smaller).
/// </summary>
public static class ScaleData
{
    public const int FirstYear = 2024;

    public static async Task GenerateAsync(Func<PatDbContext> context, ProgramDocument source, int units, int years, int objectives)
    {
        for (var u = 1; u <= units; u++)
            for (var year = FirstYear; year < FirstYear + years; year++)
            {
                int programId;
                await using (var db = context())
                {
                    var result = await ProgramImporter.ImportAsync(db, Program(source, $"U{u:00}", year, objectives));
                    programId = result.Program?.Id ?? throw new InvalidOperationException(result.Message);
                }
                await using (var db = context()) await ApproveYearAsync(db, programId);
            }
    }

    /// <summary>A copy of <paramref name="source"/> for another unit and year with <paramref name="objectives"/> objectives of two indicator lines each.</summary>
    public static ProgramDocument Program(ProgramDocument source, string unit, int year, int objectives)
    {
        var copy = JsonSerializer.Deserialize<ProgramDocument>(JsonSerializer.Serialize(source, ProgramDocument.Json), ProgramDocument.Json)!;
        var lines = copy.Objectives.SelectMany(o => o.ActionLines).Where(l => l.Indicator is not null).ToList();
        copy.Unit = new UnitDocument { ShortName = unit, Name = $"Unidad de prueba {unit}", HeadName = $"Titular {unit}", HeadTitle = $"Titular de la unidad {unit}" };
        copy.Year = year;
        copy.State = "Aprobado";
        copy.Objectives = Enumerable.Range(1, objectives).Select(n =>
        {
            var objective = Clone(copy.Objectives[(n - 1) % copy.Objectives.Count]);
            objective.Number = n;
            objective.ActionLines = Enumerable.Range(1, 2).Select(k =>
            {
                var line = Clone(lines[(2 * (n - 1) + k - 1) % lines.Count]);
                line.Number = $"{n}.{k}";
                return line;
            }).ToList();
            return objective;
        }).ToList();
        return copy;
    }

    /// <summary>Every month's report sent on time and approved, each indicator reporting 1 (of 1 for ratios) in its periods.</summary>
    public static async Task ApproveYearAsync(PatDbContext db, int programId)
    {
        var program = (await db.LoadProgramAsync(programId))!;
        for (var month = 1; month <= 12; month++)
        {
            var report = new PeriodReport(program, month);
            foreach (var line in program.ActionLines().Where(l => l.Indicator?.Definition() is { } d && d.Periods.Any(p => p.LastMonth == month)))
                report.Record(line.Id, 1, line.Indicator!.IsRatio ? 1 : null, "Avance del periodo.");
            if (report.Entries.Count == 0) continue;
            var sent = new DateTime(program.Year, month, 1, 18, 0, 0, DateTimeKind.Utc).AddMonths(1);
            report.Submit("capturista", InstituteClock.Default.At(sent), program.GraceDays);
            report.Approve("titular", sent.AddHours(2));
            db.PeriodReports.Add(report);
        }
        await db.SaveChangesAsync();
    }

    private static T Clone<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, ProgramDocument.Json), ProgramDocument.Json)!;
}
