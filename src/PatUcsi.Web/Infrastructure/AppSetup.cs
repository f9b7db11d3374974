using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using PatUcsi.Data;
using PatUcsi.Data.Auditing;
using PatUcsi.Data.Seeding;

namespace PatUcsi.Web.Infrastructure;

public static class AppSetup
{
    public static readonly CultureInfo Culture = PatUcsi.Domain.Reporting.Display.Culture;

    public static void AddPatServices(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = config["Database:Provider"] ?? DatabaseProvider.Sqlite;
        var connection = config.GetConnectionString("Pat") is { Length: > 0 } configured
            ? configured
            : DatabaseProvider.DefaultSqliteConnection(config["Database:DataFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data"));
        builder.Services.AddDbContext<PatDbContext>(options => options.Use(provider, connection));
        builder.Services.AddSingleton(new DatabaseSettings(provider, connection));
        builder.Services.AddSingleton<ProgramReportCache>();
        builder.Services.AddMemoryCache(); // small values per user (the Pendientes count)
        builder.Services.Configure<Email.EmailOptions>(builder.Configuration.GetSection("Email"));
        builder.Services.AddSingleton(services =>
        {
            var email = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Email.EmailOptions>>().Value;
            return new PatUcsi.Data.Notifications.MailSettings(email.Enabled, email.BaseUrl);
        });
        builder.Services.AddSingleton<Email.OutboxSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Email.OutboxSender>());
        // Keys in the database: sign-in survives restarts, and every instance behind the proxy reads the same cookies.
        builder.Services.AddDataProtection().PersistKeysToDbContext<PatDbContext>().SetApplicationName("PatUcsi");
        // The one clock: the system's time read in the institute's zone (Institute:TimeZone, default America/Mazatlan).
        builder.Services.AddSingleton<TimeProvider>(new PatUcsi.Domain.InstituteClock(TimeProvider.System, PatUcsi.Domain.InstituteClock.Zone(config["Institute:TimeZone"])));
        // Spanish text is written as is (not as &#xF3; entities); HTML-special characters are still encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditContext, HttpAuditContext>();

        builder.AddPatIdentity();
        PatUcsi.Web.Features.Portal.PublicPortal.AddPublicPortal(builder);
        builder.Services.Configure<PatUcsi.Web.Features.Progress.EvidenceOptions>(config.GetSection("Evidence"));
        builder.Services.AddSingleton<PatUcsi.Web.Features.Progress.EvidenceStore>();
        builder.Services.AddSingleton<PatUcsi.Web.Features.Progress.EvidenceJanitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PatUcsi.Web.Features.Progress.EvidenceJanitor>());
        builder.Services
            .AddControllersWithViews(options =>
            {
                // Every POST needs the antiforgery token, whether or not the action remembers to ask.
                options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                // Every value of every form is read by the same rules, and invalid input never reaches an action unseen.
                options.ModelBinderProviders.Insert(0, new InputBinderProvider());
                options.Filters.Add(new InputGuard());
                SpanishMessages.Configure(options.ModelBindingMessageProvider);
            })
            // Validation happens on the server; no data-val-* attributes (and their English defaults) in the pages.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddRazorOptions(FeatureFolders.Configure)
            .ConfigureApplicationPartManager(parts =>
            {
                if (!config.GetValue("Bench:BareEndpoint", false)) parts.FeatureProviders.Add(new PatUcsi.Web.Features.Bench.WithoutBenchController());
            });
        // Behind the institute's TLS proxy: the scheme and the user's address come from the proxy's headers, and
        // only from the proxies named in Proxy:KnownProxies (addresses or networks such as 10.0.0.0/24; default:
        // this machine), so nobody else can forge them. Read now, so that a wrong entry stops the start-up.
        // A list (Proxy:KnownProxies:0, :1…) or one value with commas (Proxy__KnownProxies=10.0.0.5,10.0.0.6).
        var proxies = KnownProxies(config.GetSection("Proxy:KnownProxies").Get<string[]>() ?? config["Proxy:KnownProxies"]?.Split(',') ?? []);
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            if (proxies.Count == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownIPNetworks.Add(proxy);
        });
        // Every cookie is Secure when the user's request was HTTPS (as the proxy says), so it never travels in clear.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Culture);
            options.SupportedCultures = [Culture];
            options.SupportedUICultures = [Culture];
        });
    }

    /// <summary>Each entry an address (a network of one) or a network in CIDR form.</summary>
    public static IReadOnlyList<System.Net.IPNetwork> KnownProxies(IEnumerable<string> entries) =>
        entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e =>
            System.Net.IPNetwork.TryParse(e.Trim(), out var network) ? network
            : System.Net.IPAddress.TryParse(e.Trim(), out var address) ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : throw new InvalidOperationException($"Proxy:KnownProxies: «{e}» no es una dirección IP ni una red (p. ej. 10.0.0.5, o 10.0.0.0/24: una red se escribe con su primera dirección).")).ToList();

    /// <summary>Migrates the database and, unless Seed:Enabled is false, loads the seed data it lacks.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("PatUcsi.Inicio");
        await DatabaseInitializer.MigrateAsync(db);
        if (app.Configuration.GetValue("Seed:Enabled", true))
            await DatabaseInitializer.SeedAsync(db, app.Configuration["Seed:Folder"] ?? Path.Combine(AppContext.BaseDirectory, "seed-data"), logger);
        logger.LogInformation("Base de datos lista ({Provider})", db.Database.ProviderName);
    }

    /// <summary>
    /// Reads a posted form before anything else does, so that a body too large (also one sent without its length)
    /// answers 413, and one that cannot be a form (a NUL, more fields than any form has) answers 400 saying why,
    /// instead of the antiforgery check's bare refusal.
    /// </summary>
    private static async Task ReadFormFirst(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            catch (InvalidDataException)
            {
                context.Items[ErrorDetail.Key] = "El envío no es un formulario válido: contiene caracteres que no pueden guardarse como texto o más campos de los que tiene cualquier formulario.";
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        await next(context);
    }

    /// <summary>Largest body of a POST whose action sets no limit of its own: every form but the uploads fits in it.</summary>
    public const long DefaultBodyLimit = 4 * 1024 * 1024;

    public static void UsePatPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePatRequestLogging();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            // The pages name each file with its content's hash (asp-append-version's ?v=, the icon font's own ?hash): such a
            // URL never changes content, so browsers keep it a year; a bare URL is revalidated (ETag, 304) on every use.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.QueryString.HasValue ? "public, max-age=31536000, immutable" : "no-cache",
        });
        app.UseRouting();
        // A body announced larger than its route accepts is refused before it is read (413, with the Spanish page).
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBodyLimit;
            if (context.Request.ContentLength > limit && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit; // the same limit for a body sent without its length
            return next(context);
        });
        app.Use(ReadFormFirst);
        app.UseAuthentication();
        app.UseAuthorization();
        PatUcsi.Web.Features.Portal.PublicPortal.UsePublicPortal(app);
        app.MapHealth();
        app.MapControllers();
    }
}

/// <summary>Where a request's own explanation of its error page is kept (the page shows it).</summary>
public static class ErrorDetail
{
    public const string Key = "pat:error-detail";
}

/// <summary>Views live beside their controller: Features/{Controller}/{View}.cshtml.</summary>
public static class FeatureFolders
{
    public static void Configure(RazorViewEngineOptions options)
    {
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
    }
}

/// <summary>The signed-in user is the author of every change audited during a request.</summary>
public sealed class HttpAuditContext(IHttpContextAccessor http) : IAuditContext
{
    public string UserName => http.HttpContext?.User.Identity?.Name ?? SystemAuditContext.SystemUser;
    public string? Reason { get; set; }
    /// <summary>After the forwarded headers of a known proxy are applied: the user's own address.</summary>
    public string? Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString().Split('%')[0]; // without an IPv6 zone

}

/// <summary>The database the app was configured with (for the backup and restore commands).</summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString);
