using System.Net;
using DocumentFormat.OpenXml.Packaging;

namespace PatUcsi.Web.Tests;

public class ExportDownloadTests
{
    [Fact]
    public async Task The_junta_downloads_the_pdf_workbook_and_open_data()
    {
        await using var factory = new PatWebFactory();
        var junta = await factory.SignedIn("junta");

        Assert.Contains("/programas/1/exportar/pdf?fecha=", await junta.Html("/programas/1"));
        var pdf = await junta.GetAsync(new Uri("/programas/1/exportar/pdf?fecha=2024-12-31", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("pat-ucsi-2024-al-2024-12-31.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);

        var excel = await junta.GetAsync(new Uri("/programas/1/exportar/excel", UriKind.Relative));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()), false))
            Assert.Equal(3, document.WorkbookPart!.Workbook.Sheets!.ChildElements.Count);

        var csv = await junta.GetAsync(new Uri("/programas/1/exportar/indicadores.csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Implementar la versión 2", System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
        var json = await junta.GetAsync(new Uri("/programas/1/exportar/indicadores.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
    }
}
