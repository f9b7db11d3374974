using PatUcsi.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPatLogging();
builder.AddPatServices();

var app = builder.Build();
if (BackupCommand.Handles(args.FirstOrDefault()))
    return await BackupCommand.RunAsync(app, args); // before start-up touches the database
await app.InitializeDatabaseAsync();
await app.InitializeIdentityAsync();
if (args.FirstOrDefault() == "create-admin")
    return await AdminCommand.RunAsync(app, args[1..]);
app.UsePatPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the in-process tests can start the app.</summary>
public partial class Program;
