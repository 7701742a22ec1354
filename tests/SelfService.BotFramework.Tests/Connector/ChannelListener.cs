using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SelfService.BotFramework.Tests.Authentication;

namespace SelfService.BotFramework.Tests.Connector;

/// <summary>
/// Plays a channel's Connector API on loopback: records every request and answers from a script
/// (then 200 with a resource id once the script is used up).
/// </summary>
public sealed class ChannelListener : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly TaskCompletionSource<RecordedRequest> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = null!;

    private ChannelListener()
    {
    }

    /// <summary>The serviceUrl activities from this "channel" carry, with a path as Teams' do.</summary>
    public string ServiceUrl => _server.BaseUrl + "/uk/";

    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    /// <summary>Completes when the first request arrives.</summary>
    public Task<RecordedRequest> FirstRequest => _first.Task;

    public static async Task<ChannelListener> StartAsync()
    {
        var listener = new ChannelListener();
        listener._server = await LoopbackServer.StartAsync(app => app.Run(listener.HandleAsync));
        return listener;
    }

    public void Enqueue(int status, string? retryAfter = null, string? body = null) =>
        _script.Enqueue(new ScriptedResponse(status, retryAfter, body));

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.Authorization.ToString(),
            body);
        _requests.Enqueue(recorded);
        _first.TrySetResult(recorded);

        if (_script.TryDequeue(out var scripted))
        {
            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            if (scripted.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(scripted.Body);
            }

            return;
        }

        await context.Response.WriteAsJsonAsync(new { id = "channel-activity-" + _requests.Count });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed record ScriptedResponse(int Status, string? RetryAfter, string? Body);
}

public sealed record RecordedRequest(string Method, string RawTarget, string Authorization, string Body);
