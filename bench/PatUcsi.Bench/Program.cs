using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PatUcsi.Data;
using PatUcsi.Data.Seeding;
using PatUcsi.Exports.Excel;
using PatUcsi.Exports.OpenData;
using PatUcsi.Exports.Pdf;

// "generate <file> <seed folder>": the institute at scale for bench/load.sh --escala (20 units × 10 years).
if (args is ["generate", var target, var seedFolder])
{
    var scale = new DbContextOptionsBuilder<PatDbContext>();
    scale.Use(DatabaseProvider.Sqlite, $"Data Source={target};Pooling=False");
    await using (var db = new PatDbContext(scale.Options))
    {
        await DatabaseInitializer.MigrateAsync(db);
        await DatabaseInitializer.SeedAsync(db, seedFolder, NullLogger.Instance);
    }
    var source = await DatabaseInitializer.ReadAsync<ProgramDocument>(Path.Combine(seedFolder, "programs", "ucsi-2024.json"));
    var watch = Stopwatch.StartNew();
    await PatUcsi.Bench.ScaleData.GenerateAsync(() => new PatDbContext(scale.Options), source, units: 20, years: 10, objectives: 60);
    Console.WriteLine($"Generated 20 units × 10 years ({PatUcsi.Bench.ScaleData.FirstYear}–{PatUcsi.Bench.ScaleData.FirstYear + 9}) in {watch.Elapsed.TotalSeconds:0} s: {target}");
    return;
}

// Times the exports of the UCSI 2024 program: loads the seed data into a fresh SQLite file, then builds
// each document repeatedly and prints the median and the slowest run (after warm-up runs).
var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 30;
var seed = args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "seed-data");
var file = Path.Combine(Path.GetTempPath(), $"pat-bench-{Guid.NewGuid():N}.db");
var options = new DbContextOptionsBuilder<PatDbContext>();
options.Use(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
await using (var db = new PatDbContext(options.Options))
{
    await DatabaseInitializer.MigrateAsync(db);
    await DatabaseInitializer.SeedAsync(db, seed, NullLogger.Instance);
}

await using var context = new PatDbContext(options.Options);
var programId = await context.Programs.Select(p => p.Id).SingleAsync();
var asOf = new DateOnly(2024, 12, 31);
var report = (await context.ProgramReportAsync(programId, asOf))!;

Console.WriteLine($"PAT UCSI export benchmark: UCSI 2024 ({report.Rows.Count()} indicators), {runs} runs each, {Environment.ProcessorCount} cores");
Measure("Program report (load + compute)", () => context.ProgramReportAsync(programId, asOf).GetAwaiter().GetResult()!.Rows.Count());
Measure("Annual program PDF", () => ProgramPdf.Build(report).Length);
Measure("Official Excel workbook", () => ProgramWorkbook.Build(report).Length);
Measure("Open data CSV", () => IndicatorData.ToCsv(report).Length);
File.Delete(file);

void Measure(string name, Func<int> work)
{
    for (var i = 0; i < 3; i++) work(); // warm-up: JIT, fonts, first queries
    var times = new List<double>();
    var size = 0;
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        size = work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name,-34} median {times[times.Count / 2],8:0.0} ms   max {times[^1],8:0.0} ms   ({size:N0} bytes/items)");
}
