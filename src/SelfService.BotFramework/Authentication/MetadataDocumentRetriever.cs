using System.Net;
using Microsoft.IdentityModel.Protocols;

namespace SelfService.BotFramework.Authentication;

/// <summary>
/// Fetches metadata and key documents through <see cref="IHttpClientFactory"/>. HTTPS is required
/// except on the loopback interface, where a local test or Emulator endpoint cannot be tampered with
/// from outside the machine.
/// </summary>
internal sealed class MetadataDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public const string HttpClientName = "SelfService.BotFramework.OpenIdMetadata";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !IsAllowed(uri))
        {
            throw new InvalidOperationException($"Signing key metadata must come over HTTPS (or loopback HTTP): {address}");
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(uri, cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Fetching signing key metadata from {address} failed with {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await response.Content.ReadAsStringAsync(cancel);
    }

    internal static bool IsAllowed(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
