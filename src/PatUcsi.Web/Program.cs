using PatUcsi.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPatLogging();
builder.AddPatServices();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UsePatPipeline();
await app.RunAsync();

/// <summary>Entry point; public so the in-process tests can start the app.</summary>
public partial class Program;
