using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PatUcsi.Web.Tests;

/// <summary>
/// The app as the institute runs it: Debian's nginx in front with TLS (a throwaway self-signed certificate), on
/// this machine's loopback, configured with the proxy lines of the README.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class NginxTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pat-nginx").FullName;
    private readonly PatWebFactory _factory = new();
    private Process? _nginx;
    private int _port;

    public async ValueTask InitializeAsync()
    {
        var nginx = Environment.GetEnvironmentVariable("PAT_NGINX") is { Length: > 0 } configured ? configured : "/usr/sbin/nginx";
        if (!File.Exists(nginx))
            throw new InvalidOperationException($"nginx not found at {nginx}: run the tests with ./test.sh (it installs Debian's nginx) or set PAT_NGINX.");
        var app = _factory.StartOnKestrel();
        Run("openssl", $"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=pat.ieebcs.org.mx -keyout {_folder}/clave.pem -out {_folder}/certificado.pem");
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var user = Environment.UserName == "root" ? "user root;" : "";
        await File.WriteAllTextAsync(Path.Combine(_folder, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events {}
            http {
                access_log off;
                client_body_temp_path {{_folder}}/cuerpo;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                server {
                    listen 127.0.0.1:{{_port}} ssl;
                    server_name pat.ieebcs.org.mx;
                    ssl_certificate     {{_folder}}/certificado.pem;
                    ssl_certificate_key {{_folder}}/clave.pem;
                    client_max_body_size 64m;
                    location / {
                        proxy_pass {{app}};
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo(nginx, $"-p {_folder} -c {_folder}/nginx.conf"))!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("nginx did not start: " + await File.ReadAllTextAsync(Path.Combine(_folder, "error.log")));
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false }) _nginx.Kill(entireProcessTree: true);
        _nginx?.Dispose();
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<HttpResponseMessage> Get(string path, string? forgedFor = null)
    {
        using var client = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (_, _, _, _) => true, // the test's own throwaway certificate
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"https://127.0.0.1:{_port}{path}"));
        request.Headers.Host = "pat.ieebcs.org.mx";
        if (forgedFor is not null) request.Headers.Add("X-Forwarded-For", forgedFor);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Through_nginx_with_tls_cookies_are_secure_hsts_is_sent_redirects_keep_https_and_forged_addresses_are_replaced()
    {
        var page = await Get("/cuenta/entrar", forgedFor: "198.51.100.1");
        var home = await Get("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.StartsWith("https://pat.ieebcs.org.mx/cuenta/entrar", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var log = _factory.Log();
        Assert.Contains("GET /cuenta/entrar respondió 200", log);
        Assert.Contains("desde 127.0.0.1", log); // the address nginx saw, not the one the client claimed
        Assert.DoesNotContain("198.51.100.1", log);
    }

    private static void Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {error}");
    }
}
