using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatUcsi.Data;
using PatUcsi.Domain.Progress;
using PatUcsi.Domain.Security;
using PatUcsi.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace PatUcsi.Web.Tests;

/// <summary>
/// Every POST route of the app (found in its endpoints, so a new one is covered), each field of its form
/// found in its action's parameters, and each class of hostile input posted to it as a user who may use it:
/// no answer is a 5xx or an invalid status, no refused request changes a row, and every page of the
/// programs still answers 200 afterwards. docs/entrada.md lists the rules these classes break.
/// </summary>
public sealed partial class HostileInputTests(ITestOutputHelper output)
{
    private enum Kind { Text, Integer, Number, Boolean, Choice, Date, File, Id, Version }

    private sealed record Field(string Name, Kind Kind, Type? Type = null);

    private sealed record Target(string Method, string Pattern, ControllerActionDescriptor Action, long BodyLimit);

    /// <summary>A class of hostile input: what it does to a form's fields (null when it does not apply to any).</summary>
    private sealed record HostileClass(string Name, Func<List<Field>, Dictionary<string, string>, Ids, bool> Apply, bool ForeignRoute = false, bool UnknownRoute = false);

    private sealed record Ids(int ProgramId, int ObjectiveId, int LineId, int MayLine, int EvidenceId, int UnitId, string UserId, int OtherProgramId, int OtherObjectiveId, int OtherLineId, int OtherEvidenceId);

    private static readonly string Huge = new('x', 30_000);

    private static readonly HostileClass[] Classes =
    [
        new("tipos incorrectos", (fields, form, _) => Set(fields, form, f => f.Kind switch
        {
            Kind.Integer or Kind.Id => "abc", Kind.Number => "doce", Kind.Choice => "NoExiste", Kind.Date => "2024-13-45", Kind.Boolean => "quizá", _ => null,
        })),
        new("obligatorios vacíos", (fields, form, _) => Set(fields, form, f => f.Kind is Kind.Text or Kind.Integer or Kind.Number or Kind.Choice or Kind.Id ? "" : null)),
        new("textos enormes", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Text ? Huge : null)),
        new("caracteres de control", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Text ? "a\u0000b\u0007c\u001b[31m" : null)),
        new("caracteres de control sin NUL", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Text ? "línea\u0001\u0008\u007f\u0085fin" : null)),
        new("números extremos", (fields, form, _) => Set(fields, form, f => f.Kind switch
        {
            Kind.Number => "79228162514264337593543950335", Kind.Integer => "99999999999", _ => null,
        })),
        new("números negativos y exponentes", (fields, form, _) => Set(fields, form, f => f.Kind switch { Kind.Number => "-1e308", Kind.Integer => "-2147483649", _ => null })),
        new("no finitos", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Number ? "NaN" : null)),
        new("infinitos", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Number ? "-Infinity" : null)),
        new("decimales ambiguos", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Number ? "1,5,3" : null)),
        new("agrupación europea", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Number ? "1.000,5" : null)),
        new("booleanos no booleanos", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Boolean ? "maybe" : null)),
        new("booleanos numéricos", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Boolean ? "2" : null)),
        new("versión ausente", (fields, form, _) =>
        {
            var versions = form.Keys.Where(IsVersion).ToList();
            foreach (var key in versions) form.Remove(key);
            return versions.Count > 0;
        }),
        new("versión ilegible", (fields, form, _) =>
        {
            var versions = form.Keys.Where(IsVersion).ToList();
            foreach (var key in versions) form[key] = "abc";
            return versions.Count > 0;
        }),
        new("ids desconocidos", (fields, form, _) => Set(fields, form, f => f.Kind == Kind.Id ? "999999" : null) | RekeyComments(form, 999999), UnknownRoute: true),
        new("ids ajenos", (fields, form, ids) => Set(fields, form, f => f.Kind == Kind.Id ? ForeignId(f, ids) : null) | RekeyComments(form, ids.OtherLineId), ForeignRoute: true),
        new("archivo disfrazado", (fields, form, _) => fields.Any(f => f.Kind == Kind.File)),
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task No_hostile_input_breaks_a_route_changes_a_row_or_takes_a_page_down(string provider)
    {
        await using var factory = new PatWebFactory(provider);
        var ids = await Prepare(factory);
        var clients = new Dictionary<string, HttpClient>
        {
            ["admin"] = await factory.SignedIn("admin"),
            ["titular.ucsi"] = await factory.SignedIn("titular.ucsi"),
            [""] = factory.Anonymous(),
        };
        var targets = Targets(factory);
        Assert.True(targets.Count >= 30, $"only {targets.Count} POST routes found");

        var failures = new List<string>();
        var requests = 0;
        // The base form of each editing route is a valid request: a class is refused because of what it changes, not before.
        foreach (var target in targets.Where(t => MustAcceptBase().IsMatch(t.Pattern)))
        {
            var client = clients[UserFor(target.Pattern)];
            var path = Fill(target.Pattern, ids, Route.Own);
            var response = await Post(client, path, await BaseForm(client, Fields(target.Action), ids, path), [], "", target.BodyLimit);
            requests++;
            if (await Refused(client, response))
                failures.Add($"base form → POST {path}: refused ({(int)response.StatusCode}) " +
                    string.Join(" | ", Regex.Matches(await response.Content.ReadAsStringAsync(), "(?:<li>|field-validation-error\"[^>]*>)([^<]+)<").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct()));
        }
        var rows = await Snapshot(factory);
        // A base form may be accepted (sending a program with an empty optional comment is fine): the routes that move a
        // program out of draft go after the editor's, and signing out goes last.
        foreach (var target in targets.OrderBy(t => t.Pattern.EndsWith("/salir", StringComparison.Ordinal) ? 2 : ProgramState().IsMatch(t.Pattern) ? 1 : 0))
        {
            var user = UserFor(target.Pattern);
            var client = clients[user];
            var fields = Fields(target.Action);
            foreach (var hostile in Classes.Append(new HostileClass("cuerpo excesivo", (_, _, _) => true)))
            {
                var path = Fill(target.Pattern, ids, hostile.ForeignRoute ? Route.Foreign : hostile.UnknownRoute ? Route.Unknown : Route.Own);
                var form = await BaseForm(client, fields, ids, path);
                if (!hostile.Apply(fields, form, ids) && !hostile.ForeignRoute && !hostile.UnknownRoute) continue;
                if ((hostile.ForeignRoute || hostile.UnknownRoute) && path == Fill(target.Pattern, ids, Route.Own) && !form.Keys.Any(k => fields.Any(f => f.Kind == Kind.Id && k == f.Name))) continue;

                var response = await Post(client, path, form, fields, hostile.Name, target.BodyLimit);
                requests++;
                var status = (int)response.StatusCode;
                var where = $"{hostile.Name} → POST {path} as {(user.Length == 0 ? "anonymous" : user)}";
                if (status is < 200 or > 599 || status >= 500)
                {
                    failures.Add($"{where}: {status}");
                    continue;
                }
                if (hostile.Name == "cuerpo excesivo" && status != 413) failures.Add($"{where}: {status}, expected 413");
                if (!await Refused(client, response))
                {
                    // Leaving optional fields empty may be a valid request; every other class breaks a rule and must be refused.
                    if (hostile.Name == "obligatorios vacíos") output.WriteLine($"accepted (valid): {where}");
                    else failures.Add($"{where}: accepted ({status})");
                    rows = await Snapshot(factory);
                }
                else if (await Snapshot(factory) is var after && after != rows)
                {
                    failures.Add($"{where}: refused ({status}) but rows changed");
                    rows = after;
                }
            }
        }
        output.WriteLine($"{requests} hostile requests to {targets.Count} POST routes on {provider}");

        failures.AddRange(await PagesThatFail(factory, clients, ids));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(requests > 200, $"only {requests} requests were sent");
    }

    // --- the routes and their fields ---

    private static List<Target> Targets(PatWebFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => new Target("POST", "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "}"),
                e.Metadata.GetMetadata<ControllerActionDescriptor>()!,
                e.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? Infrastructure.AppSetup.DefaultBodyLimit))
            .ToList();

    /// <summary>The fields a form of this action posts, by name and kind, read from the action's parameters.</summary>
    private static List<Field> Fields(ControllerActionDescriptor action)
    {
        var fields = new List<Field>();
        var routeValues = action.AttributeRouteInfo!.Template!;
        foreach (var parameter in action.Parameters)
        {
            if (parameter.ParameterType == typeof(CancellationToken) || routeValues.Contains("{" + parameter.Name, StringComparison.Ordinal)) continue;
            if (parameter.BindingInfo?.BindingSource == BindingSource.Services) continue;
            Collect(parameter.ParameterType, IsSimple(parameter.ParameterType) || parameter.ParameterType == typeof(IFormFile) ? parameter.Name : "", fields);
        }
        return fields;
    }

    private static void Collect(Type type, string name, List<Field> fields)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(IFormFile)) { fields.Add(new(name, Kind.File)); return; }
        if (IsSimple(underlying)) { fields.Add(new(name, KindOf(underlying, name), underlying)); return; }
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var value = underlying.GetGenericArguments()[1];
            // Keys are ids (line comments) or months (period goals): the base form fills them in.
            fields.Add(new($"{name}[*]", KindOf(Nullable.GetUnderlyingType(value) ?? value, name)));
            return;
        }
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = underlying.GetGenericArguments()[0];
            if (IsSimple(element)) fields.Add(new($"{name}[0]", name.EndsWith("RemoveEvidence", StringComparison.Ordinal) ? Kind.Id : KindOf(element, name)));
            else Collect(element, $"{name}[0]", fields);
            return;
        }
        // What the form shows but never reads back ([BindNever]) is no input.
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanWrite && p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.ModelBinding.BindNeverAttribute>() is null))
            Collect(property.PropertyType, name.Length == 0 ? property.Name : $"{name}.{property.Name}", fields);
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly);
    }

    private static Kind KindOf(Type type, string name)
    {
        var field = name[(name.LastIndexOf('.') + 1)..];
        if (type == typeof(int) && field is "Version" or "ReportVersion") return Kind.Version;
        if (type == typeof(int) && field.EndsWith("Id", StringComparison.Ordinal)) return Kind.Id;
        if (type == typeof(int)) return Kind.Integer;
        if (type == typeof(decimal)) return Kind.Number;
        if (type == typeof(bool)) return Kind.Boolean;
        if (type.IsEnum) return Kind.Choice;
        if (type == typeof(DateOnly)) return Kind.Date;
        return Kind.Text;
    }

    private static bool IsVersion(string key) => key[(key.LastIndexOf('.') + 1)..] is "Version" or "ReportVersion";

    private static bool Set(List<Field> fields, Dictionary<string, string> form, Func<Field, string?> value)
    {
        var changed = false;
        foreach (var key in form.Keys.ToList())
        {
            var field = fields.FirstOrDefault(f => Matches(f.Name, key));
            if (field is not null && value(field) is { } v)
            {
                form[key] = v;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>"Lines[0].Value1" matches the posted "Lines[3].Value1"; "PeriodGoals[*]" any "PeriodGoals[12]".</summary>
    private static bool Matches(string field, string key) =>
        Regex.Replace(field, @"\[[0-9*]+\]", "[]") == Regex.Replace(key, @"\[[0-9]+\]", "[]");

    private static bool RekeyComments(Dictionary<string, string> form, int lineId)
    {
        var comments = form.Keys.Where(k => k.StartsWith("LineComments[", StringComparison.Ordinal)).ToList();
        foreach (var key in comments)
        {
            form[$"LineComments[{lineId}]"] = form[key];
            form.Remove(key);
        }
        return comments.Count > 0;
    }

    private static string ForeignId(Field field, Ids ids) => field.Name switch
    {
        var n when n.EndsWith("ActionLineId", StringComparison.Ordinal) => Id(ids.OtherLineId),
        var n when n.EndsWith("RemoveEvidence[0]", StringComparison.Ordinal) => Id(ids.OtherEvidenceId),
        "CopyFromId" => Id(ids.OtherProgramId),
        _ => "999999",
    };

    // --- a base form that a browser would post, then the hostile changes ---

    private enum Route { Own, Foreign, Unknown }

    private static string Fill(string pattern, Ids ids, Route route)
    {
        var program = pattern.Contains("/avance", StringComparison.Ordinal) || pattern.EndsWith("/cancelar", StringComparison.Ordinal)
            || pattern.EndsWith("/restablecer", StringComparison.Ordinal) || pattern.EndsWith("/reabrir", StringComparison.Ordinal) ? 1 : ids.ProgramId;
        var line = program == 1 ? ids.MayLine : ids.LineId;
        (int Objective, int Line, int Evidence) children = route switch
        {
            Route.Foreign => (ids.OtherObjectiveId, ids.OtherLineId, ids.OtherEvidenceId),
            Route.Unknown => (999999, 999999, 999999),
            _ => (ids.ObjectiveId, line, ids.EvidenceId),
        };
        return pattern
            .Replace("{programId}", Id(program), StringComparison.Ordinal)
            .Replace("{objectiveId}", Id(children.Objective), StringComparison.Ordinal)
            .Replace("{lineId}", Id(children.Line), StringComparison.Ordinal)
            .Replace("{evidenceId}", Id(children.Evidence), StringComparison.Ordinal)
            .Replace("{unitId}", route == Route.Own ? Id(ids.UnitId) : "999999", StringComparison.Ordinal)
            .Replace("{userId}", route == Route.Own ? ids.UserId : "no-existe", StringComparison.Ordinal)
            .Replace("{month}", "5", StringComparison.Ordinal)
            .Replace("{anio}", "2024", StringComparison.Ordinal)
            .Replace("{trimestre}", "2", StringComparison.Ordinal)
            .Replace("{formato}", "pdf", StringComparison.Ordinal);
    }

    /// <summary>The page that holds the route's form, as a user reaches it.</summary>
    private static string HostPage(string path)
    {
        var program = Regex.Match(path, "^/programas/([0-9]+)").Groups[1].Value;
        return path switch
        {
            _ when Regex.IsMatch(path, "^/programas/[0-9]+/(enviar|aprobar|devolver|reabrir|lineas/[0-9]+/restablecer)$") => $"/programas/{program}",
            _ when Regex.IsMatch(path, "^/programas/[0-9]+/(objetivos/[0-9]+/mover|lineas/[0-9]+/meses/[0-9]+)$") => $"/programas/{program}/editar",
            _ when Regex.IsMatch(path, "^/programas/[0-9]+/avance/[0-9]+/(aprobar|devolver|reabrir)$") => path[..path.LastIndexOf('/')],
            _ when Regex.IsMatch(path, "^/admin/usuarios/[^/]+/(activo|contrasena)$") => path[..path.LastIndexOf('/')],
            "/cuenta/salir" => "/",
            _ => path,
        };
    }

    private static async Task<Dictionary<string, string>> BaseForm(HttpClient client, List<Field> fields, Ids ids, string path)
    {
        var page = HostPage(path);
        var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        var html = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
        var form = HttpForms.HiddenFields(html, page, path).ToDictionary(f => f.Name, f => f.Value);
        foreach (var field in fields)
        {
            if (field.Name.Contains("[0]", StringComparison.Ordinal) && form.Keys.Any(k => Matches(field.Name, k))) continue;
            var name = field.Name.Replace("LineComments[*]", $"LineComments[{ids.MayLine}]", StringComparison.Ordinal)
                .Replace("PeriodGoals[*]", "PeriodGoals[12]", StringComparison.Ordinal);
            if (form.ContainsKey(name) || field.Kind == Kind.File) continue;
            var value = field.Kind switch
            {
                Kind.Version => "0",
                Kind.Integer => "1",
                Kind.Number => "1",
                Kind.Boolean => "true",
                Kind.Choice => Enum.GetNames(field.Type!)[0],
                Kind.Date => "2025-01-15",
                Kind.Id => name.EndsWith("ActionLineId", StringComparison.Ordinal) ? Id(ids.MayLine) : name == "UnitId" ? Id(ids.UnitId) : null,
                _ => name switch
                {
                    "direccion" => "abajo", "Accion" => "guardar", "ShortName" => "PRUEBA", "Email" => "prueba@ieebcs.org.mx",
                    "Number" => "1", "UserName" => "hostil", _ => "Texto de prueba",
                },
            };
            if (value is not null) form[name] = value; // an id with nothing to name is not sent, as a browser sends no unticked box
        }
        // The capture form: the first line gets a value and a description, like a user typing.
        foreach (var key in form.Keys.Where(k => Regex.IsMatch(k, @"^Lines\[0\]\.ActionLineId$")).ToList())
        {
            form.TryAdd("Lines[0].Value1", "1");
            form.TryAdd("Lines[0].Narrative", "Texto de prueba");
        }
        return form;
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, Dictionary<string, string> form, List<Field> fields, string hostile, long limit)
    {
        var html = await (await client.GetAsync(new Uri(HostPage(path), UriKind.Relative))).Content.ReadAsStringAsync();
        var token = TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : await Token(client);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in form) content.Add(new StringContent(value), name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (hostile == "archivo disfrazado")
            foreach (var file in fields.Where(f => f.Kind == Kind.File))
            {
                // A "PDF" that is a program: the header of a PDF, then a Windows executable.
                var bytes = "%PDF-1.4\n"u8.ToArray().Concat(Executable()).ToArray();
                content.Add(new ByteArrayContent(bytes), file.Name, "informe.pdf");
            }
        if (hostile == "cuerpo excesivo")
            content.Add(new ByteArrayContent(new byte[limit + 1024 * 1024]), "relleno", "relleno.bin");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static async Task<string> Token(HttpClient client)
    {
        var html = await (await client.GetAsync(new Uri("/cuenta/entrar", UriKind.Relative))).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
    }

    /// <summary>An answer that did not do what was asked: an error status, the form shown again, or a redirect to a page that says why not.</summary>
    private static async Task<bool> Refused(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect) return true;
        var next = await client.GetAsync(response.Headers.Location!);
        return (await next.Content.ReadAsStringAsync()).Contains("alert alert-danger", StringComparison.Ordinal);
    }

    internal static byte[] Executable()
    {
        var pe = new byte[200];
        pe[0] = (byte)'M';
        pe[1] = (byte)'Z';
        BitConverter.GetBytes(128).CopyTo(pe, 0x3C);
        "PE\0\0"u8.CopyTo(pe.AsSpan(128));
        return pe;
    }

    // --- the data and the pages ---

    private static string UserFor(string pattern) => pattern switch
    {
        "/cuenta/entrar" => "",
        _ when pattern.Contains("/avance", StringComparison.Ordinal) || pattern.EndsWith("/cancelar", StringComparison.Ordinal)
            || pattern.EndsWith("/restablecer", StringComparison.Ordinal) || pattern.StartsWith("/cuenta", StringComparison.Ordinal) => "titular.ucsi",
        _ => "admin",
    };

    /// <summary>A draft of UCSI for the editor, another unit's draft for foreign ids, and a report of May with a stored evidence file.</summary>
    private static async Task<Ids> Prepare(PatWebFactory factory)
    {
        var draft = await factory.CreateDraftProgram(2025, "UCSI");
        var other = await factory.CreateDraftProgram(2025, "DEOE");
        await using var db = factory.Database.Context();
        var line = await db.LinesOf(draft).FirstAsync(l => l.Indicator != null);
        var otherLine = await db.LinesOf(other).Include(l => l.Objective).FirstAsync(l => l.Indicator != null);
        var unitId = await db.Units.Where(u => u.ShortName == "UCSI").Select(u => u.Id).SingleAsync();

        // Evidence in program 1 (approved, May) and in the other unit's program, so both can be named.
        var approved = (await db.LoadProgramAsync(1))!;
        var mayLine = PatUcsi.Web.Features.Progress.PeriodPageBuilder.LinesDue(approved, 5).First().Line;
        var evidenceOwn = await AddEvidence(factory, db, approved, 5, mayLine.Id);
        var otherProgram = (await db.LoadProgramAsync(other))!;
        var evidenceOther = await AddEvidence(factory, db, otherProgram, 3, otherLine.Id);

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await IdentitySeeder.CreateUserAsync(users, "hostil", "Usuario de la prueba", Role.Capturista, unitId, "Hostil.Prueba2025");
        var user = (await users.FindByNameAsync("hostil"))!;
        return new Ids(draft, line.ObjectiveId, line.Id, mayLine.Id, evidenceOwn, unitId, user.Id, other, otherLine.ObjectiveId, otherLine.Id, evidenceOther);
    }

    private static async Task<int> AddEvidence(PatWebFactory factory, PatDbContext db, Domain.Programs.AnnualProgram program, int month, int lineId)
    {
        var report = new PeriodReport(program, month);
        var entry = report.Record(lineId, 1, null, "Avance de la prueba");
        var stored = $"{Guid.NewGuid():N}.pdf";
        await File.WriteAllBytesAsync(Path.Combine(factory.EvidenceFolder, stored), ProgressTests.Pdf);
        report.AddEvidence(lineId, new Evidence(null, "prueba.pdf", stored, "application/pdf", ProgressTests.Pdf.Length, "prueba", factory.Clock.GetUtcNow().UtcDateTime));
        db.PeriodReports.Add(report);
        await db.SaveChangesAsync();
        return entry.Evidence[0].Id;
    }

    /// <summary>Every row a request could change, as one text; the sign-in counters (which a refused sign-in rightly moves) left out.</summary>
    private static async Task<string> Snapshot(PatWebFactory factory)
    {
        await using var db = factory.Database.Context();
        var parts = new List<object>
        {
            await db.Units.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.Programs.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.Abbreviations.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.Objectives.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.ActionLines.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.Indicators.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.PeriodGoals.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.PeriodReports.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.ProgressEntries.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.Evidence.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.ReportEvents.AsNoTracking().OrderBy(x => x.Id).ToListAsync(),
            await db.AuditEntries.AsNoTracking().OrderBy(x => x.Id).Select(a => new { a.Id, a.EntityType, a.EntityKey, a.Before, a.After }).ToListAsync(),
            await db.Users.AsNoTracking().OrderBy(x => x.Id).Select(u => new { u.Id, u.UserName, u.FullName, u.Email, u.UnitId, u.IsActive, u.PasswordHash }).ToListAsync(),
            await db.UserRoles.AsNoTracking().OrderBy(x => x.UserId).ToListAsync(),
        };
        return JsonSerializer.Serialize(parts, SnapshotJson);
    }

    private static readonly JsonSerializerOptions SnapshotJson = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    /// <summary>Every GET page of the three programs, their months and documents, and the admin screens.</summary>
    private static async Task<List<string>> PagesThatFail(PatWebFactory factory, Dictionary<string, HttpClient> clients, Ids ids)
    {
        var failures = new List<string>();
        var gets = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "}"))
            .Where(p => !p.StartsWith("/error", StringComparison.Ordinal) && !p.EndsWith("/salir", StringComparison.Ordinal))
            // The public portal (closed here, and perhaps switched by the walk) has its own crawl: PortalTests.
            .Where(p => !p.StartsWith("/publico", StringComparison.Ordinal) && p is not ("/robots.txt" or "/sitemap.xml"))
            .ToList();
        foreach (var pattern in gets)
            foreach (var month in pattern.Contains("{month}", StringComparison.Ordinal) ? Enumerable.Range(1, 12) : [5])
            {
                var path = Fill(pattern, ids, Route.Own).Replace("/5", $"/{month}", StringComparison.Ordinal);
                if (pattern.Contains("/editar", StringComparison.Ordinal) || pattern.Contains("/objetivos", StringComparison.Ordinal)
                    || (pattern.Contains("/lineas/", StringComparison.Ordinal) && !pattern.EndsWith("/cancelar", StringComparison.Ordinal)))
                    path = path.Replace("/programas/1/", $"/programas/{ids.ProgramId}/", StringComparison.Ordinal);
                var client = clients[pattern.Contains("/avance", StringComparison.Ordinal) || pattern.EndsWith("/cancelar", StringComparison.Ordinal) ? "titular.ucsi" : "admin"];
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                // The editor of a program no longer in draft sends the user back to the program, with the reason.
                var backToProgram = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == $"/programas/{ids.ProgramId}";
                if (response.StatusCode != HttpStatusCode.OK && !backToProgram) failures.Add($"afterwards GET {path}: {(int)response.StatusCode}");
            }
        return failures;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();

    [GeneratedRegex("^/programas/{programId}/(enviar|aprobar|devolver|reabrir)$")]
    private static partial Regex ProgramState();

    [GeneratedRegex("^/(programas/{programId}/(editar/textos|editar/abreviaturas|objetivos/{objectiveId}|lineas/{lineId}|lineas/{lineId}/indicador|avance/{month})|admin/(unidades/{unitId}|usuarios/{userId}))$")]
    private static partial Regex MustAcceptBase();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
