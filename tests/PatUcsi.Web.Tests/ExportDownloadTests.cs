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

        var page = await junta.Html("/programas/1");
        Assert.Contains("/programas/1/exportar/pdf?fecha=", page);
        Assert.Contains("href=\"/programas/1/exportar/pdf\"", page);
        var pdf = await junta.GetAsync(new Uri("/programas/1/exportar/pdf?fecha=2024-12-31", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("avance-pat-ucsi-2024-al-2024-12-31.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    /// <summary>
    /// The annual program is the document the Junta signs: no progress, every indicator PENDIENTE with 0 achieved; the
    /// progress to a date is another document, titled "Avance al …" on its cover and on every page.
    /// </summary>
    [Fact]
    public async Task The_annual_program_prints_no_progress_and_the_progress_document_says_its_date()
    {
        await using var factory = new PatWebFactory();
        var junta = await factory.SignedIn("junta");

        var annual = await InstituteClockTests.PdfText(junta, "/programas/1/exportar/pdf");
        Assert.DoesNotContain("NO CUMPLIDA", annual);
        Assert.DoesNotContain("Avance al", annual);
        Assert.True(System.Text.RegularExpressions.Regex.Count(annual, "PENDIENTE") >= 24, string.Join(",", new[] { "PENDIENTE", "EN PROCESO", "ATRASADA", "CUMPLIDA", "SIN MESES", "CANCELADA" }.Select(w => $"{w}={System.Text.RegularExpressions.Regex.Count(annual, w)}")));

        var progress = await InstituteClockTests.PdfText(junta, "/programas/1/exportar/pdf?fecha=2024-12-31");
        var pages = progress.Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("AVANCE AL 31 DE DICIEMBRE DE 2024", pages[0]);
        Assert.All(pages.Skip(1), p => Assert.Contains("Avance al 31 de diciembre de 2024", p));
        Assert.Contains("NO CUMPLIDA", progress);

        var excel = await junta.GetAsync(new Uri("/programas/1/exportar/excel", UriKind.Relative));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()), false))
            Assert.Equal(3, document.WorkbookPart!.Workbook.Sheets!.ChildElements.Count);

        var csv = await junta.GetAsync(new Uri("/programas/1/exportar/indicadores.csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Implementar la versión 2", System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
        var json = await junta.GetAsync(new Uri("/programas/1/exportar/indicadores.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
    }

    [Fact]
    public async Task The_administrator_imports_a_workbook_as_a_new_draft_and_a_wrong_file_is_refused()
    {
        await using var factory = new PatWebFactory();
        var admin = await factory.SignedIn("admin");
        var workbook = await (await admin.GetAsync(new Uri("/programas/1/exportar/excel", UriKind.Relative))).Content.ReadAsByteArrayAsync();
        int deoe;
        await using (var db = factory.Database.Context())
            deoe = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Units, u => u.ShortName == "DEOE")).Id;

        async Task<string> Upload(byte[] file, string name)
        {
            var page = await (await admin.GetAsync(new Uri("/admin/programas/importar", UriKind.Relative))).Content.ReadAsStringAsync();
            var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var content = new MultipartFormDataContent
            {
                { new StringContent(deoe.ToString(System.Globalization.CultureInfo.InvariantCulture)), "UnitId" },
                { new StringContent("2025"), "Year" },
                { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
                { new ByteArrayContent(file), "archivo", name },
            };
            return await (await admin.PostAsync(new Uri("/admin/programas/importar", UriKind.Relative), content)).Body();
        }

        var wrong = await Upload("%PDF-1.4"u8.ToArray(), "programa.pdf");
        Assert.Contains("El archivo no es un libro de Excel (.xlsx) válido.", wrong);

        var done = await Upload(workbook, "pat-ucsi-2024.xlsx");
        Assert.Contains("Se importó el programa 2025 de DEOE", done);
        Assert.Contains("Líneas de acción leídas (24)", done);
        await using var check = factory.Database.Context();
        var imported = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(check.Programs, p => p.UnitId == deoe && p.Year == 2025);
        Assert.Equal(PatUcsi.Domain.Programs.ProgramState.Draft, imported.State);
        Assert.Contains("La unidad ya tiene programa para 2025.", await Upload(workbook, "otra-vez.xlsx"));
    }
}
