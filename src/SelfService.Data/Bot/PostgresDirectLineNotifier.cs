using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SelfService.BotFramework.DirectLine;

namespace SelfService.Data.Bot;

/// <summary>
/// Direct Line deliveries across every instance that shares the PostgreSQL case store: each
/// delivery goes to this instance's open streams at once and, by <c>NOTIFY</c>, to the others',
/// so a reply reaches a Web Chat whose WebSocket is held by a different instance from the one that
/// took the POST. The store stays the source of truth: a notification lost while a connection is
/// down only delays a stream, which reads what it missed by sequence number; after reconnecting,
/// every local stream is told to look.
/// </summary>
public sealed partial class PostgresDirectLineNotifier(
    string connectionString,
    ILogger<PostgresDirectLineNotifier> logger,
    int maxStreamsPerConversation = 2) : BackgroundService, IDirectLineNotifier
{
    public const string ChannelName = "selfservice_directline";

    /// <summary>PostgreSQL refuses payloads of 8000 bytes or more; larger activities travel as a hint.</summary>
    public const int MaxPayloadBytes = 7800;

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    private readonly InProcessDirectLineNotifier _local = new(maxStreamsPerConversation);
    private readonly string _instance = Guid.NewGuid().ToString("N");

    // Bounded so an unreachable database cannot grow memory; a dropped notification only delays a
    // remote stream until the next one, as the store has the activity.
    private readonly Channel<string> _outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public DirectLineSubscription Subscribe(string conversationId) => _local.Subscribe(conversationId);

    public void Publish(string conversationId, DirectLineDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        _local.Publish(conversationId, delivery);
        if (Encode(conversationId, delivery) is { } payload && !_outgoing.Writer.TryWrite(payload))
        {
            LogDropped(logger, conversationId);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(KeepGoingAsync(ListenAsync, stoppingToken), KeepGoingAsync(SendAsync, stoppingToken));

    /// <summary>The notification for <paramref name="delivery"/>, or null when there is nothing worth sending.</summary>
    internal string? Encode(string conversationId, DirectLineDelivery delivery)
    {
        if (delivery.IsHint)
        {
            return Serialise(new Notice(_instance, conversationId, delivery.Sequence, null));
        }

        var full = Serialise(new Notice(_instance, conversationId, delivery.Sequence, delivery.Json));
        if (Encoding.UTF8.GetByteCount(full) < MaxPayloadBytes)
        {
            return full;
        }

        // Too big to carry: a stored activity is read from the store; a typing indicator is not worth it.
        return delivery.Sequence is { } sequence ? Serialise(new Notice(_instance, conversationId, sequence, null)) : null;
    }

    /// <summary>Hands a notification from another instance to this instance's streams.</summary>
    internal void Receive(string payload)
    {
        Notice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<Notice>(payload);
        }
        catch (JsonException)
        {
            // Someone else's NOTIFY on this channel name: not ours to read.
            return;
        }

        if (notice is null || notice.I == _instance || string.IsNullOrEmpty(notice.C) || (notice.S is null && notice.J is null))
        {
            return;
        }

        _local.Publish(notice.C, new DirectLineDelivery(notice.S, notice.J));
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) => Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        // Whatever was sent while this instance was not listening is in the store.
        foreach (var conversationId in _local.Conversations)
        {
            _local.Publish(conversationId, DirectLineDelivery.Hint(long.MaxValue));
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(Idle, cancellationToken))
            {
                // Nothing for a while: make sure the connection is still there rather than waiting on a dead one.
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(cancellationToken);
            }
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        notify.Parameters.AddWithValue("channel", ChannelName);
        var payload = notify.Parameters.AddWithValue("payload", string.Empty);
        while (await _outgoing.Reader.WaitToReadAsync(cancellationToken))
        {
            while (_outgoing.Reader.TryPeek(out var next))
            {
                payload.Value = next;
                await notify.ExecuteNonQueryAsync(cancellationToken);
                _outgoing.Reader.TryRead(out _);
            }
        }
    }

    private async Task KeepGoingAsync(Func<CancellationToken, Task> loop, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await loop(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                LogConnectionLost(logger, e);
            }

            try
            {
                await Task.Delay(Retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static string Serialise(Notice notice) => JsonSerializer.Serialize(notice);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line notifications to other instances paused: the database connection failed; retrying")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line notification for conversation {ConversationId} dropped: too many waiting to be sent")]
    private static partial void LogDropped(ILogger logger, string conversationId);

    /// <summary>The notification: instance, conversation, sequence (none for typing), activity JSON (none for a hint). Short names keep it small.</summary>
    internal sealed record Notice(string I, string C, long? S, string? J);
}
