using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PatUcsi.Web.Tests;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd, keeping what it receives in a Maildir the test reads; it can be
/// stopped and started again on the same port (an outage). ./test.sh installs python3-aiosmtpd.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort();

    public string Maildir { get; } = Directory.CreateTempSubdirectory("pat-correo").FullName;

    private SmtpServer()
    {
        foreach (var folder in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(Maildir, folder));
    }

    public static async Task<SmtpServer> StartAsync()
    {
        var server = new SmtpServer();
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var executable = File.Exists("/usr/bin/aiosmtpd") ? "/usr/bin/aiosmtpd"
            : throw new InvalidOperationException("aiosmtpd not found: run the tests with ./test.sh (it installs python3-aiosmtpd).");
        _process = Process.Start(new ProcessStartInfo(executable, ["-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException("aiosmtpd did not start: " + await _process.StandardError.ReadToEndAsync());
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, read back as MIME (decoded subjects and bodies), oldest first.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Select(f => MimeKit.MimeMessage.Load(f)).OrderBy(m => m.Date)]
            : [];
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived (the app's sender polls in the background).</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForAsync(int count, int seconds = 20)
    {
        for (var waited = 0; waited < seconds * 10; waited++)
        {
            if (Messages().Count >= count) return Messages();
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Messages().Count} messages arrived, {count} expected");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Maildir, recursive: true);
    }
}
