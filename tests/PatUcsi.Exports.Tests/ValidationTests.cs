using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PatUcsi.Exports.Excel;

namespace PatUcsi.Exports.Tests;

/// <summary>Every workbook the app makes is valid Office Open XML, as the SDK's validator reads the standard.</summary>
public class ValidationTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    public static TheoryData<string> Workbooks => ["programa", "programa borrador", "informe de avance", "transparencia", "seguimiento", "informe trimestral"];

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void The_workbook_has_no_validation_error(string which)
    {
        var bytes = which switch
        {
            "programa" => ProgramWorkbook.Build(fixture.Report),
            "programa borrador" => ProgramWorkbook.Build(fixture.Report with { State = Domain.Programs.ProgramState.Draft }),
            "informe de avance" => PeriodReportWorkbook.Build(fixture.MayReport()),
            "transparencia" => TransparencyWorkbook.Build(fixture.Report, 2, new DateOnly(2024, 7, 15)),
            "seguimiento" => TrackingWorkbook.Build(Domain.Reporting.TrackingTable.Build(fixture.Report, new())),
            _ => QuarterlyWorkbook.Build(fixture.Quarterly()),
        };
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(document.WorkbookPart!.WorksheetParts.Any());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
