using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SelfService.BotFramework.Schema;

namespace SelfService.Web.Tests.Bot;

/// <summary>
/// A stand-in for a channel's Connector service on a real Kestrel port: it records every activity
/// the bot POSTs to <c>/v3/conversations/{id}/activities[/{replyToId}]</c> and answers with an id.
/// </summary>
public sealed class LoopbackChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId;

    private LoopbackChannel(WebApplication app) => _app = app;

    public sealed record Received(string Path, string ConversationId, string? ReplyToId, string? Authorization, Activity Activity);

    public ConcurrentQueue<Received> Posts { get; } = new();

    /// <summary>The serviceUrl activities from this channel carry, with a trailing slash as real channels send it.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<Received> ForConversation(string conversationId) =>
        Posts.Where(p => p.ConversationId == conversationId).ToList();

    public static async Task<LoopbackChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new LoopbackChannel(app);

        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext context, string conversationId, string? replyToId) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, BotJson.Options, context.RequestAborted);
            channel.Posts.Enqueue(new Received(
                context.Request.Path, conversationId, replyToId, context.Request.Headers.Authorization.ToString(), activity!));
            return Results.Json(new ResourceResponse($"channel-{Interlocked.Increment(ref channel._nextId)}"), BotJson.Options);
        });

        await app.StartAsync();
        channel.ServiceUrl = app.Urls.Single().TrimEnd('/') + "/";
        return channel;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
