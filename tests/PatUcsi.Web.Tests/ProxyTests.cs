using System.Net;
using Microsoft.EntityFrameworkCore;

namespace PatUcsi.Web.Tests;

/// <summary>Behind the institute's TLS proxy: the scheme and the user's address come from the proxy, and only from it.</summary>
public class ProxyTests
{
    /// <summary>GET the sign-in page as the proxy forwards a user's HTTPS request.</summary>
    private static async Task<HttpResponseMessage> ThroughProxy(string baseUrl, string? proto, string clientAddress, string path = "/cuenta/entrar")
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "pat.ieebcs.org.mx"; // HSTS is never sent to localhost
        if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await client.SendAsync(request);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    [Fact]
    public async Task An_https_request_forwarded_by_the_proxy_gets_secure_cookies_hsts_and_the_users_address_in_the_log()
    {
        await using var factory = new PatWebFactory();
        var baseUrl = factory.StartOnKestrel();

        var https = await ThroughProxy(baseUrl, "https", "203.0.113.7");
        var http = await ThroughProxy(baseUrl, null, "203.0.113.8");

        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.All(Cookies(https), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(Cookies(https));
        Assert.Contains("max-age=", https.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain(Cookies(http), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
        // The way to the sign-in page keeps the user's https.
        var signIn = await ThroughProxy(baseUrl, "https", "203.0.113.7", "/");
        Assert.StartsWith("https://pat.ieebcs.org.mx/cuenta/entrar", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("GET /cuenta/entrar respondió 200", factory.Log());
        Assert.Contains("desde 203.0.113.7", factory.Log());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_configured_proxy_are_ignored()
    {
        // The proxy is another machine: this one (where the test's requests come from) is not it.
        await using var factory = new PatWebFactory(settings: new Dictionary<string, string> { ["Proxy:KnownProxies:0"] = "10.255.255.1" });
        var baseUrl = factory.StartOnKestrel();

        var forged = await ThroughProxy(baseUrl, "https", "203.0.113.9");

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.DoesNotContain(Cookies(forged), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(forged.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("203.0.113.9", factory.Log());
    }

    [Fact]
    public async Task A_change_made_through_a_proxy_network_is_audited_with_the_users_address()
    {
        await using var factory = new PatWebFactory(settings: new Dictionary<string, string> { ["Proxy:KnownProxies:0"] = "127.0.0.0/8", ["Proxy:KnownProxies:1"] = "::1" });
        var baseUrl = factory.StartOnKestrel();
        var programId = await factory.CreateDraftProgram();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        await PatWebFactory.SignIn(client, "titular.ucsi", PatUcsi.Data.Identity.IdentitySeeder.DemoPassword);
        int lineId, version;
        await using (var db = factory.Database.Context())
            (lineId, version) = await db.Indicators.Where(i => i.ActionLine.Objective.ProgramId == programId && i.ActionLine.Number == "1.1")
                .Select(i => ValueTuple.Create(i.ActionLineId, i.Version)).SingleAsync();
        var page = $"/programas/{programId}/lineas/{lineId}/indicador";

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostForm(page, page, EditorTests.IndicatorFields(version, "9"))).StatusCode);

        await using var check = factory.Database.Context();
        var entry = await check.AuditEntries.SingleAsync(a => a.ProgramId == programId && a.EntityType == "Indicator" && a.Action == PatUcsi.Domain.Auditing.AuditAction.Update);
        Assert.Equal("198.51.100.23", entry.Address);
        var history = await client.Html($"/programas/{programId}/historial");
        Assert.True(history.Contains("titular.ucsi)<span class=\"fw-normal text-secondary small\"> · desde 198.51.100.23</span>", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(history, "<h2 class=\"h6 mb-1\">.*?</h2>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
    }

    [Fact]
    public void A_proxy_entry_that_is_no_address_stops_the_start_up_with_a_reason()
    {
        Assert.Equal(2, PatUcsi.Web.Infrastructure.AppSetup.KnownProxies(["10.0.0.5", "10.1.0.0/16"]).Count);
        var e = Assert.Throws<InvalidOperationException>(() => PatUcsi.Web.Infrastructure.AppSetup.KnownProxies(["proxy.ieebcs"]));
        Assert.Contains("«proxy.ieebcs» no es una dirección IP ni una red", e.Message);
    }
}
