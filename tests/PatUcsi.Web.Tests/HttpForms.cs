using System.Net;
using System.Text.RegularExpressions;

namespace PatUcsi.Web.Tests;

/// <summary>Posting forms as a browser does: with the antiforgery token of the page the form is on.</summary>
public static partial class HttpForms
{
    public static async Task<string> Html(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>GETs <paramref name="page"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var html = await (await client.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {page}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts without any antiforgery token (what a forged cross-site form would do).</summary>
    public static Task<HttpResponseMessage> PostWithoutToken(this HttpClient client, string action, Dictionary<string, string> fields) =>
        client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));

    public static async Task<string> Body(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
