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

    /// <summary>
    /// GETs <paramref name="page"/> for its antiforgery token and, as a browser does, the hidden fields of the form
    /// that posts to <paramref name="action"/> (the versions); then posts them with <paramref name="fields"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var html = await (await client.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        return await client.PostAsync(new Uri(action, UriKind.Relative), Form(html, page, action, fields));
    }

    /// <summary>The form of a page already read that posts to <paramref name="action"/>: its token and hidden fields, then <paramref name="fields"/>.</summary>
    public static FormUrlEncodedContent Form(string html, string page, string action, Dictionary<string, string> fields)
    {
        var token = Token().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {page}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        foreach (var (name, value) in HiddenFields(html, page, action))
            fields.TryAdd(name, value);
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The hidden inputs of the first form on the page that posts to <paramref name="action"/> (a form without action posts to its page).</summary>
    public static IEnumerable<(string Name, string Value)> HiddenFields(string html, string page, string action)
    {
        foreach (Match form in Form().Matches(html))
        {
            var target = form.Groups[1].Success ? WebUtility.HtmlDecode(form.Groups[1].Value) : page;
            if (target.Split('#')[0] != action) continue;
            return Hidden().Matches(form.Value).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
                .Where(f => f.Item1 != "__RequestVerificationToken").ToList();
        }
        return [];
    }

    /// <summary>Posts without any antiforgery token (what a forged cross-site form would do).</summary>
    public static Task<HttpResponseMessage> PostWithoutToken(this HttpClient client, string action, Dictionary<string, string> fields) =>
        client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));

    public static async Task<string> Body(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<form[^>]*?method=\"post\"(?:[^>]*?action=\"([^\"]*)\")?[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
