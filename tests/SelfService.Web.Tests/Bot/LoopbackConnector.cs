using System.Net.Http.Json;
using SelfService.BotFramework.Builder;
using SelfService.BotFramework.Schema;

namespace SelfService.Web.Tests.Bot;

/// <summary>
/// A minimal Bot Connector client for these tests only (no token): POSTs to
/// <c>{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]</c> for trusted service URLs.
/// The product's real client, with channel tokens, is registered by the channel authentication work.
/// </summary>
public sealed class LoopbackConnector(ITrustedServiceUrls trusted) : IChannelConnector, IDisposable
{
    private readonly HttpClient _http = new();

    public bool CanSend(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return trusted.IsTrusted(activity.ServiceUrl);
    }

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities";
        if (activity.ReplyToId is { Length: > 0 } replyToId)
        {
            path += $"/{Uri.EscapeDataString(replyToId)}";
        }

        using var response = await _http.PostAsJsonAsync(new Uri(new Uri(activity.ServiceUrl!), path), activity, BotJson.Options, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken))!;
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The loopback channel does not update activities.");

    public Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The loopback channel does not delete activities.");

    public void Dispose() => _http.Dispose();
}
