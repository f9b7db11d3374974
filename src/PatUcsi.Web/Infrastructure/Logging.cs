using Serilog;
using Serilog.Events;

namespace PatUcsi.Web.Infrastructure;

public static class Logging
{
    /// <summary>
    /// Serilog to the console and to daily rolling files (Logging:Folder, default "logs" under the
    /// content root), with the request id on every line so a user can quote it from the error page.
    /// </summary>
    public static void AddPatLogging(this WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["Logging:Folder"] ?? Path.Combine(builder.Environment.ContentRootPath, "logs");
        const string template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {RequestId} {SourceContext}: {Message:lj}{NewLine}{Exception}";
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: template, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(folder, "pat-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 60,
                outputTemplate: template, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.AddSingleton<Serilog.ILogger>(logger);
    }

    /// <summary>One line per request — method, path, status, time, user — whatever the answer was (errors included).</summary>
    public static void UsePatRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "{RequestMethod} {RequestPath} respondió {StatusCode} en {Elapsed:0.0} ms ({User} desde {ClientAddress})";
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("User", http.User.Identity?.Name ?? "anónimo");
                diagnostics.Set("ClientAddress", http.Connection.RemoteIpAddress?.ToString() ?? "?"); // the user's, once the proxy's headers are read
            };
        });
}
