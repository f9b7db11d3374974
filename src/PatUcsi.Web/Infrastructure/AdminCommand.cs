using Microsoft.AspNetCore.Identity;
using PatUcsi.Data.Identity;
using PatUcsi.Domain.Security;

namespace PatUcsi.Web.Infrastructure;

/// <summary>
/// <c>dotnet PatUcsi.Web.dll create-admin --usuario admin --nombre "Nombre"</c>: creates an administrator
/// on a new installation. The password comes from PAT_ADMIN_PASSWORD or is read from standard input,
/// never from the command line (it would stay in the shell history).
/// </summary>
public static class AdminCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var userName = Option("--usuario");
        var fullName = Option("--nombre") ?? "Administrador";
        if (string.IsNullOrWhiteSpace(userName))
        {
            await Console.Error.WriteLineAsync("Uso: create-admin --usuario NOMBRE [--nombre \"Nombre completo\"]  (contraseña en PAT_ADMIN_PASSWORD o por la entrada estándar)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("PAT_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Contraseña: ");
            password = Console.ReadLine() ?? "";
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var errors = await IdentitySeeder.CreateUserAsync(users, userName, fullName, Role.Administrator, null, password);
        if (errors.Count > 0)
        {
            foreach (var error in errors) await Console.Error.WriteLineAsync(error);
            return 1;
        }
        Console.WriteLine($"Se creó el administrador «{userName}».");
        return 0;
    }
}
