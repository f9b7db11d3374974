using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatUcsi.Data.Identity;
using PatUcsi.Domain;
using PatUcsi.Domain.Security;

namespace PatUcsi.Web.Tests;

/// <summary>
/// Every route of the app, walked with every role, against the user's own unit's program and another
/// unit's. A route without a rule here fails the build, so a new screen cannot ship unguarded.
/// </summary>
public partial class PermissionMatrixTests
{
    private enum Rule { Anyone, SignedIn, Read, UnitRead, Institute, Edit, Submit, Review, Reopen, Capture, ApproveProgress, Admin }

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["GET /health"] = Rule.Anyone,
        ["GET /health/ready"] = Rule.Anyone,
        ["* /error"] = Rule.Anyone,
        ["* /error/{status}"] = Rule.Anyone,
        ["GET /cuenta/entrar"] = Rule.Anyone,
        ["POST /cuenta/entrar"] = Rule.Anyone,
        ["POST /cuenta/salir"] = Rule.SignedIn,
        ["GET /cuenta/contrasena"] = Rule.SignedIn,
        ["POST /cuenta/contrasena"] = Rule.SignedIn,
        ["GET /cuenta/avisos"] = Rule.SignedIn,
        ["POST /cuenta/avisos"] = Rule.SignedIn,
        ["GET /"] = Rule.SignedIn,
        ["GET /programas/{programId}"] = Rule.Read,
        ["GET /programas/{programId}/historial"] = Rule.Read,
        ["POST /programas/{programId}/enviar"] = Rule.Submit,
        ["POST /programas/{programId}/aprobar"] = Rule.Review,
        ["POST /programas/{programId}/devolver"] = Rule.Review,
        ["POST /programas/{programId}/reabrir"] = Rule.Reopen,
        ["GET /programas/{programId}/editar"] = Rule.Edit,
        ["GET /programas/{programId}/editar/textos"] = Rule.Edit,
        ["POST /programas/{programId}/editar/textos"] = Rule.Edit,
        ["GET /programas/{programId}/editar/abreviaturas"] = Rule.Edit,
        ["POST /programas/{programId}/editar/abreviaturas"] = Rule.Edit,
        ["GET /programas/{programId}/objetivos/nuevo"] = Rule.Edit,
        ["POST /programas/{programId}/objetivos/nuevo"] = Rule.Edit,
        ["GET /programas/{programId}/objetivos/{objectiveId}"] = Rule.Edit,
        ["POST /programas/{programId}/objetivos/{objectiveId}"] = Rule.Edit,
        ["POST /programas/{programId}/objetivos/{objectiveId}/mover"] = Rule.Edit,
        ["GET /programas/{programId}/objetivos/{objectiveId}/eliminar"] = Rule.Edit,
        ["POST /programas/{programId}/objetivos/{objectiveId}/eliminar"] = Rule.Edit,
        ["GET /programas/{programId}/objetivos/{objectiveId}/lineas/nueva"] = Rule.Edit,
        ["POST /programas/{programId}/objetivos/{objectiveId}/lineas/nueva"] = Rule.Edit,
        ["GET /programas/{programId}/lineas/{lineId}"] = Rule.Edit,
        ["POST /programas/{programId}/lineas/{lineId}"] = Rule.Edit,
        ["POST /programas/{programId}/lineas/{lineId}/meses/{month}"] = Rule.Edit,
        ["GET /programas/{programId}/lineas/{lineId}/eliminar"] = Rule.Edit,
        ["POST /programas/{programId}/lineas/{lineId}/eliminar"] = Rule.Edit,
        ["GET /programas/{programId}/lineas/{lineId}/indicador"] = Rule.Edit,
        ["POST /programas/{programId}/lineas/{lineId}/indicador"] = Rule.Edit,
        ["GET /programas/{programId}/lineas/{lineId}/indicador/eliminar"] = Rule.Edit,
        ["POST /programas/{programId}/lineas/{lineId}/indicador/eliminar"] = Rule.Edit,
        ["GET /programas/{programId}/avance"] = Rule.Read,
        ["GET /programas/{programId}/avance/{month}"] = Rule.Read,
        ["POST /programas/{programId}/avance/{month}"] = Rule.Capture,
        ["POST /programas/{programId}/avance/{month}/aprobar"] = Rule.ApproveProgress,
        ["POST /programas/{programId}/avance/{month}/devolver"] = Rule.ApproveProgress,
        ["POST /programas/{programId}/avance/{month}/reabrir"] = Rule.ApproveProgress,
        ["GET /programas/{programId}/avance/evidencia/{evidenceId}"] = Rule.Read,
        ["GET /programas/{programId}/lineas/{lineId}/cancelar"] = Rule.ApproveProgress,
        ["POST /programas/{programId}/lineas/{lineId}/cancelar"] = Rule.ApproveProgress,
        ["POST /programas/{programId}/lineas/{lineId}/restablecer"] = Rule.ApproveProgress,
        ["GET /programas/{programId}/exportar/pdf"] = Rule.Read,
        ["GET /programas/{programId}/exportar/excel"] = Rule.Read,
        ["GET /programas/{programId}/exportar/indicadores.csv"] = Rule.Read,
        ["GET /programas/{programId}/exportar/indicadores.json"] = Rule.Read,
        ["GET /programas/{programId}/exportar/avance/{month}/pdf"] = Rule.Read,
        ["GET /programas/{programId}/exportar/avance/{month}/excel"] = Rule.Read,
        ["GET /programas/{programId}/exportar/transparencia"] = Rule.Read,
        ["GET /programas/{programId}/seguimiento"] = Rule.Read,
        ["GET /institucional"] = Rule.Institute,
        // The public portal (open in this walk): anyone, signed in or not.
        ["GET /publico"] = Rule.Anyone,
        ["GET /publico/datos"] = Rule.Anyone,
        ["GET /publico/{anio}"] = Rule.Anyone,
        ["GET /publico/{anio}/indicadores.csv"] = Rule.Anyone,
        ["GET /publico/{anio}/indicadores.json"] = Rule.Anyone,
        ["GET /publico/{anio}/programas.pdf"] = Rule.Anyone,
        ["GET /publico/{anio}/transparencia-t{trimestre}.xlsx"] = Rule.Anyone,
        ["GET /publico/{siglas}/{anio}"] = Rule.Anyone,
        ["GET /publico/{siglas}/{anio}/programa.pdf"] = Rule.Anyone,
        ["GET /publico/{siglas}/{anio}/indicadores.csv"] = Rule.Anyone,
        ["GET /publico/{siglas}/{anio}/indicadores.json"] = Rule.Anyone,
        ["GET /publico/{siglas}/{anio}/transparencia-t{trimestre}.xlsx"] = Rule.Anyone,
        ["GET /publico/{siglas}/{anio}/indicadores/{linea}"] = Rule.Anyone,
        ["GET /robots.txt"] = Rule.Anyone,
        ["GET /sitemap.xml"] = Rule.Anyone,
        ["GET /admin/portal"] = Rule.Admin,
        ["POST /admin/portal/abrir"] = Rule.Admin,
        ["POST /admin/portal/cerrar"] = Rule.Admin,
        ["GET /pendientes"] = Rule.SignedIn,
        ["GET /pendientes/cuenta"] = Rule.SignedIn,
        ["GET /institucional/exportar/trimestral/{anio}/{trimestre}/{formato}"] = Rule.Institute,
        ["GET /institucional/unidades/{unitId}"] = Rule.UnitRead,
        ["GET /programas/{programId}/seguimiento/{lineId}"] = Rule.Read,
        ["GET /programas/{programId}/exportar/seguimiento"] = Rule.Read,
        ["GET /admin/unidades"] = Rule.Admin,
        ["GET /admin/correo"] = Rule.Admin,
        ["POST /admin/correo/reintentar"] = Rule.Admin,
        ["GET /admin/unidades/nueva"] = Rule.Admin,
        ["POST /admin/unidades/nueva"] = Rule.Admin,
        ["GET /admin/unidades/{unitId}"] = Rule.Admin,
        ["POST /admin/unidades/{unitId}"] = Rule.Admin,
        ["GET /admin/usuarios"] = Rule.Admin,
        ["GET /admin/usuarios/nuevo"] = Rule.Admin,
        ["POST /admin/usuarios/nuevo"] = Rule.Admin,
        ["GET /admin/usuarios/{userId}"] = Rule.Admin,
        ["POST /admin/usuarios/{userId}"] = Rule.Admin,
        ["POST /admin/usuarios/{userId}/activo"] = Rule.Admin,
        ["POST /admin/usuarios/{userId}/contrasena"] = Rule.Admin,
        ["GET /admin/programas/nuevo"] = Rule.Admin,
        ["POST /admin/programas/nuevo"] = Rule.Admin,
        ["GET /admin/programas/importar"] = Rule.Admin,
        ["POST /admin/programas/importar"] = Rule.Admin,
    };

    /// <summary>The expected answer, stated independently of the app's own policy code.</summary>
    private static bool Allowed(Rule rule, string? user, bool ownUnit) => rule switch
    {
        Rule.Anyone => true,
        Rule.SignedIn => user is not null,
        Rule.Read or Rule.UnitRead => user is "admin" or "junta" || (ownUnit && user is "titular.ucsi" or "capturista.ucsi"),
        Rule.Institute => user is "admin" or "junta",
        Rule.Edit or Rule.Submit => user == "admin" || (ownUnit && user == "titular.ucsi"),
        Rule.Review or Rule.Reopen => user is "admin" or "junta",
        Rule.Capture => ownUnit && user is "titular.ucsi" or "capturista.ucsi",
        Rule.ApproveProgress => ownUnit && user == "titular.ucsi",
        _ => user == "admin",
    };

    internal static List<(string Method, string Pattern)> Routes(PatWebFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // HEAD (the portal's) answers as its GET does.
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD") ?? ["*"])
                .Select(m => (m, "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "}"))))
            .Distinct().ToList();

    [Fact]
    public async Task Every_route_has_a_rule()
    {
        await using var factory = new PatWebFactory();
        _ = factory.Server;

        var missing = Routes(factory).Select(r => $"{r.Method} {r.Pattern}").Where(k => !Rules.ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, "Routes without a rule in the permission matrix: " + string.Join(", ", missing));
        Assert.True(Routes(factory).Count >= Rules.Count, "a rule names a route that no longer exists");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("admin")]
    [InlineData("junta")]
    [InlineData("titular.ucsi")]
    [InlineData("capturista.ucsi")]
    public async Task Each_role_gets_exactly_what_its_rules_allow(string? user)
    {
        await using var factory = new PatWebFactory(settings: new Dictionary<string, string> { ["Portal:Enabled"] = "true" });
        await ApproveMayOfUcsi2024(factory); // so the portal has a quarter to publish
        var own = await Ids(factory, await factory.CreateDraftProgram(2025, "UCSI"));
        var other = await Ids(factory, await factory.CreateDraftProgram(2025, "DEOE"));
        var client = user is null ? factory.Anonymous() : await factory.SignedIn(user);
        var token = await Token(client, user is null ? "/cuenta/entrar" : "/cuenta/contrasena");

        var failures = new List<string>();
        // GETs first, then POSTs; signing out last, since it ends the session.
        var routes = Routes(factory).OrderBy(r => r.Method == "GET" ? 0 : 1).ThenBy(r => r.Pattern.EndsWith("/salir", StringComparison.Ordinal) ? 1 : 0).ToList();
        foreach (var (method, pattern) in routes)
        {
            var rule = Rules[$"{method} {pattern}"];
            // Own program, another unit's program, and own program with another program's objective, line or evidence in the URL.
            var mixed = own with { ObjectiveId = other.ObjectiveId, LineId = other.LineId, EvidenceId = other.EvidenceId };
            var variants = pattern.Contains("{programId}", StringComparison.Ordinal) || rule == Rule.UnitRead
                ? ChildId().IsMatch(pattern) ? new[] { (own, true, false), (other, false, false), (mixed, true, true) } : [(own, true, false), (other, false, false)]
                : new[] { (own, true, false) };
            foreach (var (ids, ownUnit, foreignChild) in variants)
            {
                var path = Fill(pattern, ids);
                var response = method == "POST"
                    ? await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                        { ["Version"] = "999", ["direccion"] = "abajo", ["activo"] = "true", ["__RequestVerificationToken"] = token }))
                    : await client.GetAsync(new Uri(path, UriKind.Relative));
                var denied = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.NotFound && !path.StartsWith("/error", StringComparison.Ordinal))
                    // Not signed in: sent to the sign-in page with the way back.
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/cuenta/entrar?ReturnUrl", StringComparison.Ordinal));
                var expected = Allowed(rule, user, ownUnit) && !foreignChild;
                // What another program holds is not found through this one's URL, even by those who may use the route (the administrator included).
                if (foreignChild && Allowed(rule, user, ownUnit) && response.StatusCode != HttpStatusCode.NotFound)
                    failures.Add($"{method} {path} as {user ?? "anonymous"}: {(int)response.StatusCode}, expected 404 for another program's id");
                var failed = response.StatusCode == HttpStatusCode.BadRequest || ((int)response.StatusCode >= 500 && !path.StartsWith("/error", StringComparison.Ordinal));
                if (denied == expected || failed)
                    failures.Add($"{method} {path} as {user ?? "anonymous"}: {(int)response.StatusCode}, expected {(expected ? "allowed" : "denied")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_refused()
    {
        await using var factory = new PatWebFactory();
        var ids = await Ids(factory, await factory.CreateDraftProgram());
        var admin = await factory.SignedIn("admin");

        var failures = new List<string>();
        foreach (var (method, pattern) in Routes(factory).Where(r => r.Method == "POST"))
        {
            var response = await admin.PostWithoutToken(Fill(pattern, ids), new() { ["Version"] = "999" });
            if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"{method} {pattern}: {(int)response.StatusCode}");
        }

        Assert.True(failures.Count == 0, "POSTs accepted without antiforgery token: " + string.Join(", ", failures));
    }

    private static async Task ApproveMayOfUcsi2024(PatWebFactory factory)
    {
        _ = factory.Services;
        await using var db = factory.Database.Context();
        var program = (await PatUcsi.Data.ProgramQueries.LoadProgramAsync(db, 1))!;
        var line = program.Objectives.SelectMany(o => o.ActionLines).First(l => l.Number == "1.1");
        var report = new PatUcsi.Domain.Progress.PeriodReport(program, 5);
        report.Record(line.Id, 5, null, "Avance de mayo");
        report.Submit("capturista.ucsi", factory.Clock.At(factory.Clock.GetUtcNow().UtcDateTime), program.GraceDays);
        report.Approve("titular.ucsi", factory.Clock.GetUtcNow().UtcDateTime);
        db.PeriodReports.Add(report);
        await db.SaveChangesAsync();
    }

    private sealed record RouteIds(int ProgramId, int ObjectiveId, int LineId, int UnitId, string UserId, int EvidenceId);

    private static async Task<RouteIds> Ids(PatWebFactory factory, int programId)
    {
        await using var db = factory.Database.Context();
        var line = await db.ActionLines.Include(l => l.Objective).FirstAsync(l => l.Objective.ProgramId == programId && l.Indicator != null);
        var unitId = await db.Programs.Where(p => p.Id == programId).Select(p => p.UnitId).SingleAsync();
        // A user only the matrix touches (it may be disabled by the walk).
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = $"matriz{programId}";
        if (await users.FindByNameAsync(name) is not { } target)
        {
            await IdentitySeeder.CreateUserAsync(users, name, "Usuario de la matriz", Role.Capturista, unitId, "Matriz.Prueba2024");
            target = (await users.FindByNameAsync(name))!;
        }
        // A report with one stored evidence file, so that downloading it can be tried.
        var program = (await PatUcsi.Data.ProgramQueries.LoadProgramAsync(db, programId))!;
        var report = new PatUcsi.Domain.Progress.PeriodReport(program, 3);
        var entry = report.Record(line.Id, 1, null, "Avance de la matriz");
        var stored = $"{Guid.NewGuid():N}.pdf";
        await File.WriteAllTextAsync(Path.Combine(factory.EvidenceFolder, stored), "%PDF-1.4 matriz");
        report.AddEvidence(line.Id, new PatUcsi.Domain.Progress.Evidence(null, "matriz.pdf", stored, "application/pdf", 15, "prueba", factory.Clock.GetUtcNow().UtcDateTime));
        db.PeriodReports.Add(report);
        await db.SaveChangesAsync();
        return new RouteIds(programId, line.ObjectiveId, line.Id, unitId, target.Id, entry.Evidence[0].Id);
    }

    private static string Fill(string pattern, RouteIds ids) => pattern
        .Replace("{programId}", Id(ids.ProgramId), StringComparison.Ordinal)
        .Replace("{objectiveId}", Id(ids.ObjectiveId), StringComparison.Ordinal)
        .Replace("{lineId}", Id(ids.LineId), StringComparison.Ordinal)
        .Replace("{unitId}", Id(ids.UnitId), StringComparison.Ordinal)
        .Replace("{userId}", ids.UserId, StringComparison.Ordinal)
        .Replace("{month}", "3", StringComparison.Ordinal)
        .Replace("{anio}", "2024", StringComparison.Ordinal)
        .Replace("{siglas}", "ucsi", StringComparison.Ordinal)
        .Replace("{linea}", "1.1", StringComparison.Ordinal)
        .Replace("{trimestre}", "2", StringComparison.Ordinal)
        .Replace("{formato}", "pdf", StringComparison.Ordinal)
        .Replace("{evidenceId}", Id(ids.EvidenceId), StringComparison.Ordinal)
        .Replace("{status}", "500", StringComparison.Ordinal);

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> Token(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
    }

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();

    [GeneratedRegex("{(objectiveId|lineId|evidenceId)}")]
    private static partial Regex ChildId();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
