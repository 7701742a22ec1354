using System.Net;
using System.Net.Sockets;

namespace SelfService.Benchmarks.Fuzzing;

/// <summary>
/// Sends every fuzz request through one pooled handler (so the run reuses connections and cannot
/// run the machine out of ports), with the hang limit, and tallies what came back.
/// </summary>
internal static class FuzzHttp
{
    private static int _connectionsOpened;

    public static int ConnectionsOpened => _connectionsOpened;

    /// <summary>One client for the whole run: pooled keep-alive connections, no cookies of its own, no redirects followed.</summary>
    public static HttpClient CreateClient(int concurrency) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = concurrency + 4,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            Interlocked.Increment(ref _connectionsOpened);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Sends the request and reads the whole response within <see cref="FuzzOptions.RequestTimeout"/>.
    /// Returns the response (its body buffered), or null when there was none: a timeout or a
    /// failed connection, both recorded as findings, as is any 5xx.
    /// </summary>
    public static async Task<HttpResponseMessage?> SendAsync(HttpClient http, HttpRequestMessage request, FuzzRequest what, FuzzTally tally)
    {
        using var timeout = new CancellationTokenSource(FuzzOptions.RequestTimeout);

        // A large body is offered first, as curl does: an endpoint that refuses it by its length
        // then answers 413 before it is sent, rather than closing the connection under the sender.
        if (request.Content?.Headers.ContentLength > 1_000_000)
        {
            request.Headers.ExpectContinue = true;
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var status = (int)response.StatusCode;
            // 501 is how the Bot Framework protocol says "this bot does not handle that invoke":
            // an answer the channel expects, not a failure (a failed invoke turn answers 500).
            var protocolAnswer = status == 501 && what.Target == "/api/messages";
            tally.Count(what.Target, protocolAnswer ? "501 (invoke not handled)" : Bucket(status));
            if (status >= 500 && !protocolAnswer)
            {
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                tally.Find(Key(what, status.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{status}", what, Hostile.Summary(System.Text.Encoding.UTF8.GetBytes(body)));
            }

            return response;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            response?.Dispose();
            tally.Count(what.Target, "timeout");
            tally.Find(Key(what, "timeout"), $"no answer within {FuzzOptions.RequestTimeout.TotalSeconds:0} s", what);
            return null;
        }
        catch (HttpRequestException e)
        {
            response?.Dispose();
            tally.Count(what.Target, "no response");
            tally.Find(Key(what, "no response"), "no response", what, $"{e.HttpRequestError}: {e.InnerException?.Message ?? e.Message}");
            return null;
        }
    }

    private static string Key(FuzzRequest what, string outcome) => $"{what.Target} {what.Method} {FormDiscovery.Shape(what.Path)} {outcome}";

    private static string Bucket(int status) => status switch
    {
        < 300 => "2xx",
        < 400 => "3xx",
        400 or 401 or 403 or 404 or 405 or 413 or 415 => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 500 => "other 4xx",
        _ => "5xx",
    };
}
