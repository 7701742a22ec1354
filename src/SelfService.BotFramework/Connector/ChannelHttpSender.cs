using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Authentication;
using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.Connector;

/// <summary>
/// One Connector API call: refuses untrusted serviceUrls before anything is sent, adds the bot's
/// token, and retries 429, 5xx and network failures a bounded number of times, waiting as long as
/// the channel's <c>Retry-After</c> asks (or backing off exponentially when it does not say).
/// </summary>
internal sealed partial class ChannelHttpSender(
    IHttpClientFactory httpClientFactory,
    IAccessTokenProvider tokens,
    ITrustedServiceUrls trustedServiceUrls,
    IOptions<ConnectorClientOptions> options,
    TimeProvider clock,
    ILogger<ChannelHttpSender> logger)
{
    public const string HttpClientName = "SelfService.BotFramework.Connector";

    private readonly ConnectorClientOptions _options = options.Value;

    public async Task<TResponse?> SendAsync<TResponse>(
        HttpMethod method,
        string serviceUrl,
        string relativePath,
        object? body,
        JsonSerializerOptions json,
        CancellationToken cancellationToken)
    {
        if (!trustedServiceUrls.IsTrusted(serviceUrl))
        {
            LogRefusedUntrusted(logger, method.Method, serviceUrl);
            throw UntrustedServiceUrlException.For(serviceUrl);
        }

        var uri = new Uri(serviceUrl.TrimEnd('/') + "/" + relativePath, UriKind.Absolute);
        var maxAttempts = Math.Max(1, _options.ConnectorMaxAttempts);
        using var client = httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? wait;
            HttpStatusCode? status = null;
            using (var request = new HttpRequestMessage(method, uri))
            {
                if (body is not null)
                {
                    request.Content = JsonContent.Create(body, body.GetType(), options: json);
                }

                var token = await tokens.GetAccessTokenAsync(cancellationToken);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException exception) when (attempt < maxAttempts)
                {
                    wait = Backoff(attempt);
                    LogRetrying(logger, exception, method.Method, uri, "no response", attempt, wait.Value);
                    await Task.Delay(wait.Value, clock, cancellationToken);
                    continue;
                }
                catch (HttpRequestException exception)
                {
                    throw new ChannelRequestException(
                        $"{method.Method} {uri} failed after {attempt} attempts: the channel could not be reached.", null, attempt, exception);
                }

                using (response)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        return response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                            ? default
                            : await ReadAsync<TResponse>(response, json, cancellationToken);
                    }

                    status = response.StatusCode;
                    if (!IsTransient(response.StatusCode) || attempt >= maxAttempts)
                    {
                        throw new ChannelRequestException(
                            $"{method.Method} {uri} failed with {(int)response.StatusCode} after {attempt} attempt(s).", response.StatusCode, attempt);
                    }

                    wait = RetryAfter(response) ?? Backoff(attempt);
                    if (wait > _options.ConnectorMaxRetryDelay)
                    {
                        throw new ChannelRequestException(
                            $"{method.Method} {uri} failed with {(int)response.StatusCode}; the channel asked to wait {wait.Value.TotalSeconds:0}s, longer than allowed.",
                            response.StatusCode,
                            attempt);
                    }
                }
            }

            LogRetrying(logger, null, method.Method, uri, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), attempt, wait.Value);
            await Task.Delay(wait.Value, clock, cancellationToken);
        }
    }

    private static async Task<TResponse?> ReadAsync<TResponse>(HttpResponseMessage response, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TResponse>(json, cancellationToken);
        }
        catch (JsonException)
        {
            // Some channels answer 200 with an empty or non-JSON body; the send still happened.
            return default;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var delay = date - clock.GetUtcNow();
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.ConnectorRetryDelay * Math.Pow(2, attempt - 1);
        // Up to 20% jitter, so many bots retrying after one outage do not arrive together.
#pragma warning disable CA5394 // Jitter, not security.
        var jittered = exponential * (1 + (Random.Shared.NextDouble() * 0.2));
#pragma warning restore CA5394
        return jittered > _options.ConnectorMaxRetryDelay ? _options.ConnectorMaxRetryDelay : jittered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Uri} answered {Status} on attempt {Attempt}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception? exception, string method, Uri uri, string status, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused {Method} to untrusted serviceUrl {ServiceUrl}: it has not arrived on an authenticated channel request")]
    private static partial void LogRefusedUntrusted(ILogger logger, string method, string serviceUrl);
}
