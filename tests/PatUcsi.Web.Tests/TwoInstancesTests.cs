using System.Net;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;

namespace PatUcsi.Web.Tests;

/// <summary>Two instances of the app behind one proxy: one PostgreSQL database, one evidence folder.</summary>
public class TwoInstancesTests
{
    private const string May = "/programas/1/avance/5";

    [Fact]
    public async Task A_sign_in_a_form_and_a_file_from_one_instance_work_on_the_other()
    {
        await using var first = new PatWebFactory(DatabaseProvider.PostgreSql);
        var firstUrl = new Uri(first.StartOnKestrel());
        await using var second = new PatWebFactory(DatabaseProvider.PostgreSql, new Dictionary<string, string>
        {
            ["ConnectionStrings:Pat"] = first.Database.ConnectionString, ["Evidence:Folder"] = first.EvidenceFolder,
        });
        var secondUrl = new Uri(second.StartOnKestrel());
        Assert.NotEqual(firstUrl, secondUrl);
        // One browser: cookies of 127.0.0.1 go to both ports, as the proxy's one address would send them to either instance.
        var cookies = new CookieContainer();
        using var toFirst = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = firstUrl };
        using var toSecond = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = secondUrl };

        await PatWebFactory.SignIn(toFirst, "capturista.ucsi", PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);
        var page = await toSecond.Html(May); // signed in on the second with the first one's cookie
        Assert.Contains("Capturista de la UCSI", page);

        // A form shown by the first instance is accepted by the second (antiforgery keys are shared too).
        var prep = ProgressTests.LineIndex(page, "1.1");
        var form = await (await toFirst.GetAsync(new Uri(May, UriKind.Relative))).Content.ReadAsStringAsync();
        var pdf = ProgressTests.Pdf.Concat("% compartido\n"u8.ToArray()).ToArray();
        using var saved = await toSecond.PostAsync(new Uri(May, UriKind.Relative), ProgressTests.PeriodForm(form,
            new() { [$"Lines[{prep}].Value1"] = "1", ["Accion"] = "guardar" }, ($"Lines[{prep}].File", "compartido.pdf", pdf)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The file the second stored is served by the first.
        int evidenceId;
        await using (var db = first.Database.Context())
            evidenceId = await db.Evidence.Select(e => e.Id).SingleAsync();
        using var download = await toFirst.GetAsync(new Uri($"/programas/1/avance/evidencia/{evidenceId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        await using (var db = first.Database.Context())
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync()); // one key ring, in the database
    }
}
