using System.Text.Json;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;
using SelfService.Data.Storage;

namespace SelfService.Web.Chat;

/// <summary>The chat message for a case update: the family's text and a link to the case page.</summary>
public static class CaseUpdateMessage
{
    /// <summary>Names the message in <c>channelData</c>, so a client or test can tell case updates apart.</summary>
    public const string ChannelDataKind = "caseUpdate";

    public static Activity Create(ChatUpdate update, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(reference);
        var text = Escape(update.Text);
        if (PortalLink(update.Link, reference.ServiceUrl) is { } link)
        {
            var label = update.CaseReference is { Length: > 0 } caseReference ? $"See {caseReference} in your cases" : "See it in your cases";
            text += $"\n\n[{Escape(label)}]({link})";
        }

        var activity = MessageFactory.Text(text);
        activity.TextFormat = TextFormatTypes.Markdown;
        activity.ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, string?>
        {
            ["kind"] = ChannelDataKind,
            ["caseReference"] = update.CaseReference,
        });
        return activity;
    }

    /// <summary>
    /// The portal address of <paramref name="path"/>: the host the conversation runs on (the
    /// Direct Line channel is served by the portal), and only ever a path on it, never another site.
    /// </summary>
    internal static Uri? PortalLink(string? path, string? serviceUrl)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service) || service.Scheme is not ("https" or "http"))
        {
            return null;
        }

        return new Uri(new Uri(service.GetLeftPart(UriPartial.Authority)), path);
    }

    // Text written for families is plain; Markdown must not reinterpret it.
    private static string Escape(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
