using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SelfService.BotFramework.DirectLine;

/// <summary>
/// Something to send to a conversation's open streams: a stored activity (with its sequence
/// number) or an ephemeral one such as typing, which is never stored. A stored activity may come
/// without its JSON (<see cref="IsHint"/>): the stream then reads it from the store, as when a
/// delivery from another instance was too large to carry.
/// </summary>
public sealed record DirectLineDelivery(long? Sequence, string? Json)
{
    public bool IsEphemeral => Sequence is null;

    public bool IsHint => Sequence is not null && Json is null;

    /// <summary>"Look in the store": the stream sends whatever it has not sent yet.</summary>
    public static DirectLineDelivery Hint(long sequence) => new(sequence, null);
}

/// <summary>
/// Tells a conversation's open WebSockets that there is something to send. The store stays the
/// source of truth: a subscriber that misses a delivery finds the gap by sequence number and
/// reads it from the store. Behind an interface so deliveries can later cross instances.
/// </summary>
public interface IDirectLineNotifier
{
    DirectLineSubscription Subscribe(string conversationId);

    void Publish(string conversationId, DirectLineDelivery delivery);
}

/// <summary>One open stream's view of its conversation's deliveries. Dispose to stop.</summary>
public sealed class DirectLineSubscription : IDisposable
{
    private readonly Channel<DirectLineDelivery> _channel;
    private readonly Action<DirectLineSubscription> _unsubscribe;
    private readonly CancellationTokenSource _closed = new();

    internal DirectLineSubscription(string conversationId, int capacity, Action<DirectLineSubscription> unsubscribe)
    {
        ConversationId = conversationId;
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<DirectLineDelivery>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string ConversationId { get; }

    public ChannelReader<DirectLineDelivery> Deliveries => _channel.Reader;

    /// <summary>Cancelled when the stream must close: it fell too far behind, or a newer stream replaced it.</summary>
    public CancellationToken Closed => _closed.Token;

    internal void Offer(DirectLineDelivery delivery)
    {
        // A stream that cannot keep up is closed rather than buffered without bound; its client
        // reconnects with its watermark and loses nothing.
        if (!_channel.Writer.TryWrite(delivery))
        {
            Close();
        }
    }

    internal void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already closed and disposed.
        }
    }

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
        _closed.Dispose();
    }
}

/// <summary>Deliveries within this process: enough for one instance, or sticky sessions.</summary>
public sealed class InProcessDirectLineNotifier(int maxStreamsPerConversation = 2, int capacity = 512) : IDirectLineNotifier
{
    private readonly ConcurrentDictionary<string, List<DirectLineSubscription>> _subscriptions = new(StringComparer.Ordinal);

    public DirectLineSubscription Subscribe(string conversationId)
    {
        var subscription = new DirectLineSubscription(conversationId, capacity, Unsubscribe);
        while (true)
        {
            var list = _subscriptions.GetOrAdd(conversationId, static _ => []);
            DirectLineSubscription? oldest = null;
            lock (list)
            {
                // The last subscriber may have just removed this list from the map; start again if so.
                if (!_subscriptions.TryGetValue(conversationId, out var current) || !ReferenceEquals(current, list))
                {
                    continue;
                }

                list.Add(subscription);
                if (list.Count > Math.Max(1, maxStreamsPerConversation))
                {
                    oldest = list[0];
                    list.RemoveAt(0);
                }
            }

            oldest?.Close();
            return subscription;
        }
    }

    public void Publish(string conversationId, DirectLineDelivery delivery)
    {
        if (!_subscriptions.TryGetValue(conversationId, out var list))
        {
            return;
        }

        DirectLineSubscription[] targets;
        lock (list)
        {
            targets = [.. list];
        }

        foreach (var target in targets)
        {
            target.Offer(delivery);
        }
    }

    /// <summary>The conversations with a stream open in this process.</summary>
    public IReadOnlyCollection<string> Conversations => [.. _subscriptions.Keys];

    internal int OpenStreams(string conversationId)
    {
        if (!_subscriptions.TryGetValue(conversationId, out var list))
        {
            return 0;
        }

        lock (list)
        {
            return list.Count;
        }
    }

    private void Unsubscribe(DirectLineSubscription subscription)
    {
        if (_subscriptions.TryGetValue(subscription.ConversationId, out var list))
        {
            lock (list)
            {
                list.Remove(subscription);
                if (list.Count == 0)
                {
                    // Removing only this exact empty list keeps a concurrent Subscribe's list intact.
                    _subscriptions.TryRemove(new KeyValuePair<string, List<DirectLineSubscription>>(subscription.ConversationId, list));
                }
            }
        }
    }
}
