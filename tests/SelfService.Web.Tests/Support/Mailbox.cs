using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Web.Email;

namespace SelfService.Web.Tests.Support;

/// <summary>An email as it arrived: read back from an <c>.eml</c> file (the pickup folder, or what the test SMTP server recorded).</summary>
public sealed record ReceivedEmail(string Path, string From, string To, string Subject, string MessageId, string Body);

/// <summary>
/// A folder of <c>.eml</c> files: the app's Development pickup folder or the recording SMTP
/// server's folder. Waiting polls the folder; the wait limit is a safety net, not an assertion.
/// </summary>
public sealed partial class Mailbox(string folder)
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    public string Folder { get; } = folder;

    /// <summary>The app's pickup folder (Development, or wherever <c>Email:PickupDirectory</c> is set).</summary>
    public static Mailbox PickupFolder(WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var pickup = factory.Services.GetService<EmailPickupFolder>()
            ?? throw new InvalidOperationException("This app sends over SMTP, not to a pickup folder; use the SMTP server's mailbox.");
        return new Mailbox(pickup.Path);
    }

    public IReadOnlyList<ReceivedEmail> All() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(Read).ToList()
            : [];

    public IReadOnlyList<ReceivedEmail> To(string address) =>
        All().Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The files present now, to tell later arrivals apart.</summary>
    public IReadOnlySet<string> Snapshot() =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.eml").ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    public async Task<ReceivedEmail> WaitForAsync(Func<ReceivedEmail, bool> match, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            var found = All().FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching email arrived in {Folder}; it holds {All().Count} message(s).");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The next email to <paramref name="address"/> that was not in <paramref name="before"/>.</summary>
    public Task<ReceivedEmail> WaitForNewAsync(string address, IReadOnlySet<string> before, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        return WaitForAsync(m => !before.Contains(m.Path) && string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase), wait);
    }

    /// <summary>The 6-digit sign-in code: the line of the body that is only the code.</summary>
    public static string SignInCodeIn(ReceivedEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var match = CodeLine().Match(email.Body);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No code in:\n{email.Body}");
    }

    public static ReceivedEmail Read(string path)
    {
        string raw;
        // The recording server and the pickup writer both write the file whole and then rename
        // it, but retry anyway in case a file is caught mid-copy on a slow disk.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                raw = File.ReadAllText(path, Encoding.UTF8);
                break;
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(50);
            }
        }

        return Parse(path, raw);
    }

    public static ReceivedEmail Parse(string path, string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 2)..];

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in headerText.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            last = line[..colon].Trim();
            // Keep the first: the recorder may add trace headers (X-Peer etc.) but not repeat these.
            headers.TryAdd(last, line[(colon + 1)..].Trim());
        }

        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").Trim().ToLowerInvariant();
        var decoded = encoding switch
        {
            "quoted-printable" => DecodeQuotedPrintable(body),
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            _ => body,
        };

        return new ReceivedEmail(
            path,
            AddressOnly(DecodeWords(headers.GetValueOrDefault("From", ""))),
            AddressOnly(DecodeWords(headers.GetValueOrDefault("To", ""))),
            DecodeWords(headers.GetValueOrDefault("Subject", "")),
            headers.GetValueOrDefault("Message-ID", ""),
            decoded.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }

    private static string AddressOnly(string header)
    {
        var open = header.LastIndexOf('<');
        var close = header.LastIndexOf('>');
        return (open >= 0 && close > open ? header[(open + 1)..close] : header).Trim();
    }

    private static string DecodeQuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++; // Soft line break.
            }
            else if (c == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string header) =>
        EncodedWord().Replace(header, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups["charset"].Value);
            var value = m.Groups["text"].Value;
            return string.Equals(m.Groups["enc"].Value, "B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(value))
                : DecodeQuotedPrintable(value.Replace('_', ' '));
        }).Replace("?= =?", "?==?", StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*(\d{6})\s*$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<enc>[BbQq])\?(?<text>[^?]*)\?=\s*")]
    private static partial Regex EncodedWord();
}
