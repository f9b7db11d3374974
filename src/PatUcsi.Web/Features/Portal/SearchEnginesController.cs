using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using PatUcsi.Data;

namespace PatUcsi.Web.Features.Portal;

/// <summary>
/// robots.txt and sitemap.xml: search engines may read the portal and nothing else (the rest asks for a sign-in
/// anyway); with the portal closed, nothing.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicPortal.RatePolicy)]
[OutputCache(PolicyName = PublicPortal.CachePolicy)]
public sealed class SearchEnginesController(PatDbContext db, PortalState portal) : Controller
{
    [HttpGetOrHead("/robots.txt")]
    public async Task<IActionResult> Robots(CancellationToken ct) => Content(await portal.IsOpenAsync(db, ct)
        ? $"User-agent: *\nAllow: /publico\nDisallow: /\n\nSitemap: {Origin}/sitemap.xml\n"
        : "User-agent: *\nDisallow: /\n", "text/plain; charset=utf-8");

    [HttpGetOrHead("/sitemap.xml")]
    [PortalOpen]
    public async Task<IActionResult> Sitemap(CancellationToken ct)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var programs = await db.PublishedAsync(ct);
        var pages = Fixed
            .Concat(programs.Select(p => p.Year).Distinct().Select(y => $"/publico/{y}"))
            .Concat(programs.Select(p => p.Path));
        var map = new XElement(ns + "urlset", pages.Select(p => new XElement(ns + "url", new XElement(ns + "loc", Origin + p))));
        return Content("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + map.ToString(SaveOptions.DisableFormatting), "application/xml; charset=utf-8");
    }

    private static readonly string[] Fixed = ["/publico", "/publico/datos"];

    /// <summary>The site's address as the user reached it (through the proxy, whose headers are trusted only from it).</summary>
    private string Origin => $"{Request.Scheme}://{Request.Host}";
}
