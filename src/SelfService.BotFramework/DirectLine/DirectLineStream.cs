using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SelfService.BotFramework.DirectLine;

/// <summary>
/// One open WebSocket: first everything after the client's watermark from the store, then
/// whatever the notifier delivers, as ActivitySet frames; an empty frame every so often to keep
/// the connection alive. Whatever the client sends (its "" pings, or anything else) is read and
/// dropped, so a misbehaving client can only close its own socket.
/// </summary>
internal sealed partial class DirectLineStream(
    WebSocket socket,
    string conversationId,
    long afterSequence,
    IDirectLineNotifier notifier,
    IServiceScopeFactory scopes,
    TimeSpan keepAlive,
    int batchSize,
    ILogger logger)
{
    private long _lastSent = afterSequence;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var subscription = notifier.Subscribe(conversationId);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping, subscription.Closed);
        var receiving = DrainClientAsync(done.Token);
        try
        {
            // Subscribed before reading the backlog, so nothing stored in between is missed;
            // anything delivered twice is skipped by sequence number.
            await SendBacklogAsync(done.Token);
            Task<bool>? waiting = null;
            while (!done.IsCancellationRequested)
            {
                waiting ??= subscription.Deliveries.WaitToReadAsync(done.Token).AsTask();
                Task finished;
                using (var tick = CancellationTokenSource.CreateLinkedTokenSource(done.Token))
                {
                    finished = await Task.WhenAny(waiting, receiving, Task.Delay(keepAlive, tick.Token));
                    await tick.CancelAsync();
                }

                if (finished == receiving)
                {
                    break;
                }

                if (finished != waiting)
                {
                    if (!done.IsCancellationRequested)
                    {
                        await SendTextAsync(string.Empty, done.Token);
                    }

                    continue;
                }

                var more = await waiting;
                waiting = null;
                if (!more)
                {
                    break;
                }

                while (subscription.Deliveries.TryRead(out var delivery))
                {
                    await DeliverAsync(delivery, done.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down, replaced by a newer stream, or fallen too far behind: close below.
        }
        catch (WebSocketException e)
        {
            LogSocketFailed(logger, e, conversationId);
        }

        await CloseAsync(stopping.IsCancellationRequested ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure);
        await done.CancelAsync();
        await receiving;
    }

    private async Task DeliverAsync(DirectLineDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Sequence is not { } sequence)
        {
            await SendTextAsync($$"""{"activities":[{{delivery.Json}}]}""", cancellationToken);
            return;
        }

        if (sequence <= _lastSent)
        {
            return;
        }

        if (delivery.Json is null)
        {
            await SendBacklogAsync(cancellationToken);
            return;
        }

        if (sequence > _lastSent + 1)
        {
            // Something was stored that this stream has not been told of (or was told of out of
            // order): the store has it.
            await SendBacklogAsync(cancellationToken);
            if (sequence <= _lastSent)
            {
                return;
            }
        }

        await SendSetAsync([delivery.Json], sequence, cancellationToken);
    }

    private async Task SendBacklogAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<StoredActivity> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                batch = await scope.ServiceProvider.GetRequiredService<IDirectLineStore>()
                    .ReadActivitiesAsync(conversationId, _lastSent, batchSize, cancellationToken);
            }

            if (batch.Count == 0)
            {
                return;
            }

            await SendSetAsync([.. batch.Select(a => a.Json)], batch[^1].Sequence, cancellationToken);
            if (batch.Count < batchSize)
            {
                return;
            }
        }
    }

    private async Task SendSetAsync(IReadOnlyList<string> activities, long watermark, CancellationToken cancellationToken)
    {
        var frame = new StringBuilder("{\"activities\":[");
        frame.AppendJoin(',', activities);
        frame.Append(CultureInfo.InvariantCulture, $"],\"watermark\":\"{watermark}\"}}");
        await SendTextAsync(frame.ToString(), cancellationToken);
        _lastSent = watermark;
    }

    private Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task DrainClientAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the stream is closing; either way there is nothing to read.
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(status, null, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client vanished first.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Direct Line stream for conversation {ConversationId} failed")]
    private static partial void LogSocketFailed(ILogger logger, Exception exception, string conversationId);
}
