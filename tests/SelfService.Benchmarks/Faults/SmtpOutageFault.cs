using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SelfService.Benchmarks.Faults;

/// <summary>
/// The mail relay down for a spell. The real SMTP server the email tests use (aiosmtpd, keeping
/// each accepted message as a file) is stopped; people ask for sign-in codes, which the app
/// queues in its outbox; the server comes back on the same port. Every code must arrive, each
/// exactly once (by Message-ID and by recipient), within a bounded time, with the outbox's
/// retry settings as shipped.
/// </summary>
internal static partial class SmtpOutageFault
{
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromMinutes(3);

    public static async Task<FaultResult> RunAsync(FaultOptions options, string scratch)
    {
        var result = new FaultResult("SMTP relay down", "SQLite, 1 instance, aiosmtpd");
        var folder = Path.Combine(scratch, "smtp");
        var mailbox = Path.Combine(folder, "messages");
        var port = AppProcess.FreePort();
        var smtp = new SmtpServerProcess(port, mailbox);
        try
        {
            await smtp.StartAsync();
            await using var app = new AppProcess(options.Configuration, Path.Combine(folder, "app"), new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Email__Smtp__Host"] = "127.0.0.1",
                ["Email__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
            });
            await app.StartAsync();

            // The relay works before the outage.
            result.Record("ask for code", await AskForCodeAsync(app.Root, "before@example.com"));
            await WaitForAsync(mailbox, ["before@example.com"], TimeSpan.FromSeconds(60));

            await smtp.StopAsync();
            var down = Stopwatch.StartNew();
            var addresses = Enumerable.Range(0, options.SmtpEmails).Select(i => $"outage.{i}@example.com").ToList();
            var asked = Stopwatch.StartNew();
            await Task.WhenAll(addresses.Select(async a => result.Record("ask for code", await AskForCodeAsync(app.Root, a))));
            var askSeconds = asked.Elapsed.TotalSeconds;
            var early = Messages(mailbox).Count(m => addresses.Contains(m.To));
            result.Check(early == 0, $"{early} message(s) arrived while the relay was down");

            var remaining = options.SmtpOutage - down.Elapsed;
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining);
            }

            await smtp.StartAsync();
            var back = Stopwatch.StartNew();
            var allArrived = await WaitForAsync(mailbox, addresses, DeliveryBound);
            var recovery = back.Elapsed;

            // Give a second send every chance to show itself before counting.
            await Task.Delay(TimeSpan.FromSeconds(5));
            var messages = Messages(mailbox).Where(m => addresses.Contains(m.To)).ToList();
            var missing = addresses.Except(messages.Select(m => m.To), StringComparer.Ordinal).ToList();
            var repeatedIds = messages.GroupBy(m => m.MessageId, StringComparer.Ordinal).Count(g => g.Count() > 1);
            var repeatedRecipients = messages.GroupBy(m => m.To, StringComparer.Ordinal).Count(g => g.Count() > 1);
            result.Check(allArrived && missing.Count == 0, $"{missing.Count} of {addresses.Count} codes never arrived (within {DeliveryBound.TotalMinutes} min of the relay coming back)");
            result.Check(repeatedIds == 0, $"{repeatedIds} Message-IDs arrived more than once");
            result.Check(repeatedRecipients == 0, $"{repeatedRecipients} addresses got more than one code");
            result.Figures.Add(string.Create(CultureInfo.InvariantCulture,
                $"relay down {options.SmtpOutage.TotalSeconds:F0} s; {addresses.Count} sign-in codes asked for meanwhile (every page answered at once, in {askSeconds:F1} s in all); ") +
                string.Create(CultureInfo.InvariantCulture,
                $"{messages.Count} delivered, {missing.Count} missing, {repeatedIds} twice; all delivered {recovery.TotalSeconds:F1} s after the relay came back"));
            return result;
        }
        finally
        {
            await smtp.StopAsync();
        }
    }

    /// <summary>Asks for a sign-in code as a person does; the answer must be the "check your email" page, relay or no relay.</summary>
    private static async Task<Outcome> AskForCodeAsync(Uri root, string email)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = root, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var page = await http.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
            var token = TokenInput().Match(page).Groups[1].Value;
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("email", email)]);
            using var response = await http.PostAsync(new Uri("/sign-in", UriKind.Relative), form);
            var body = await response.Content.ReadAsStringAsync();
            return Outcome.Classify(response, body, r => Outcome.IsRedirect(r) && r.Headers.Location?.OriginalString == "/sign-in/code");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return Outcome.FromException(e);
        }
    }

    private static async Task<bool> WaitForAsync(string mailbox, IReadOnlyCollection<string> recipients, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            var arrived = Messages(mailbox).Select(m => m.To).ToHashSet(StringComparer.Ordinal);
            if (recipients.All(arrived.Contains))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static List<(string MessageId, string To)> Messages(string mailbox) =>
        !Directory.Exists(mailbox) ? [] : Directory.GetFiles(mailbox, "*.eml").Select(file =>
        {
            var text = File.ReadAllText(file);
            return (MessageIdHeader().Match(text).Groups[1].Value.Trim(), ToHeader().Match(text).Groups[1].Value.Trim().ToLowerInvariant());
        }).ToList();

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*\bvalue="([^"]*)""")]
    private static partial Regex TokenInput();

    [GeneratedRegex(@"^Message-ID:\s*(.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();

    // The bare address, with or without a display name around it.
    [GeneratedRegex(@"^To:.*?<?([^<>\s]+@[^<>\s]+?)>?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ToHeader();

    /// <summary>tests/smtp/recording_smtpd.py on loopback; stopping it is SIGTERM, so a later start on the same port is the relay coming back.</summary>
    private sealed class SmtpServerProcess(int port, string folder)
    {
        private Process? _process;

        public async Task StartAsync()
        {
            var info = new ProcessStartInfo("/usr/bin/python3", ["tests/smtp/recording_smtpd.py", "--port", port.ToString(CultureInfo.InvariantCulture), "--folder", folder])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            _process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start.");
            _ = _process.StandardError.ReadToEndAsync();
            var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line is null || !line.StartsWith("listening", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The SMTP server did not start: {line}");
            }
        }

        public async Task StopAsync()
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            _process?.Dispose();
            _process = null;
        }
    }
}
