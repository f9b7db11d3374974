using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatUcsi.Data;

namespace PatUcsi.Web.Features.Portal;

/// <summary>Settings of the public portal (section "Portal").</summary>
public sealed class PortalOptions
{
    /// <summary>The server's default until an administrator decides on Portal (/admin/portal); unset: open only in Development.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Requests a minute one address may make to the portal before a 429.</summary>
    public int RequestsPerMinute { get; set; } = 300;
}

/// <summary>Whether the portal is open: the administrator's choice, or the server's default while there is none.</summary>
public sealed class PortalState(IOptions<PortalOptions> options, IWebHostEnvironment environment)
{
    public bool ServerDefault => options.Value.Enabled ?? environment.IsDevelopment();

    public async Task<bool> IsOpenAsync(PatDbContext db, CancellationToken ct = default) =>
        (await db.PortalSettings.AsNoTracking().SingleOrDefaultAsync(ct))?.IsOpen(ServerDefault) ?? ServerDefault;
}

/// <summary>A closed portal answers every public address with the "not found" page, as if it did not exist.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PortalOpenAttribute : Attribute, IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        if (await services.GetRequiredService<PortalState>().IsOpenAsync(services.GetRequiredService<PatDbContext>(), context.HttpContext.RequestAborted))
            await next();
        else
            context.Result = new NotFoundResult();
    }
}

/// <summary>
/// How the public side is served: anonymous pages cached in memory per data version (every approval, reopening or
/// portal switch is a save: this instance serves the change at once, another within a second), a validator (ETag of the content) answered with 304, and a limit
/// per address (429 with the Spanish page).
/// </summary>
public static partial class PublicPortal
{
    public const string CachePolicy = "publico";
    public const string RatePolicy = "publico";

    public static void AddPublicPortal(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection("Portal"));
        builder.Services.AddSingleton<PortalState>();
        builder.Services.AddSingleton<RecentDataVersion>();
        builder.Services.AddOutputCache(o => o.AddPolicy(CachePolicy, policy => policy
            .Expire(TimeSpan.FromMinutes(30))
            .SetVaryByQuery([]) // no public address reads its query: ?x=1 is the same answer, not a way around the cache
            .VaryByValue(async (context, ct) =>
            {
                var services = context.RequestServices;
                var version = await services.GetRequiredService<RecentDataVersion>().CurrentAsync(services.GetRequiredService<PatDbContext>(), ct);
                return new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            })));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(RatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(Client(context.Connection.RemoteIpAddress), _ =>
                new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }

    /// <summary>Who a limit counts: an IPv4 address, or an IPv6 /64 (one subscriber's network has millions of addresses).</summary>
    private static string Client(System.Net.IPAddress? address)
    {
        if (address is null) return "";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>After routing and authorization: the limit counts cached answers too; the validator is part of what is cached.</summary>
    public static void UsePublicPortal(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use((context, next) =>
        {
            if (IsPublic(context.Request.Path)) context.Request.Headers.IfModifiedSince = default;
            return next(context);
        });
        app.UseOutputCache();
        app.Use(ContentValidator);
    }

    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/publico") || path == "/robots.txt" || path == "/sitemap.xml";

    /// <summary>
    /// ETag of a public answer's content: a browser or proxy that has it gets a 304 without the body, whatever changed
    /// elsewhere in the database. Revalidated on every use (no-cache), so an approval shows at once. No Last-Modified:
    /// a date cannot tell that a reopened month's figures went away (and a request's If-Modified-Since is dropped, so the
    /// cache never answers by date). HEAD passes untouched: a download writes no body for it, so there is nothing to hash.
    /// </summary>
    private static async Task ContentValidator(HttpContext context, RequestDelegate next)
    {
        if (!IsPublic(context.Request.Path) || !HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true) Compact(buffer);
            var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..16])}\"";
            context.Response.Headers.ETag = tag;
            // A signed-in member of staff reading the portal gets the session cookie renewed: never for a shared cache.
            context.Response.Headers.CacheControl = context.User.Identity?.IsAuthenticated == true ? "private, no-cache" : "public, no-cache";
            // Weak comparison (a compressing proxy marks the tag W/), as the cache itself compares.
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == tag || t == "W/" + tag)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
            context.Response.ContentLength = buffer.Length;
        }
        // Another status with no body (a 404) stays empty, so the Spanish error page is rendered for it.
        if (buffer.Length == 0) return;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// The views' indentation dropped (a quarter of a program page): the portal's pages have no pre, no textarea and no
    /// preserved white space, so a line's leading spaces show nowhere. Done once, when the answer enters the cache.
    /// </summary>
    private static void Compact(MemoryStream buffer)
    {
        var html = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var compact = Indentation().Replace(html, "\n");
        buffer.SetLength(0);
        buffer.Write(System.Text.Encoding.UTF8.GetBytes(compact));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\n[ \t\r\n]+")]
    private static partial System.Text.RegularExpressions.Regex Indentation();
}
