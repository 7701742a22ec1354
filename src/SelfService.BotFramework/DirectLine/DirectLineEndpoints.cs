using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfService.BotFramework.DirectLine;

/// <summary>The Direct Line 3.0 REST and WebSocket endpoints, as the official clients call them.</summary>
public static partial class DirectLineEndpoints
{
    public const string DefaultPrefix = "/v3/directline";

    /// <summary>Maps the endpoints under <paramref name="prefix"/>. The host must have called <c>UseWebSockets</c>.</summary>
    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/tokens/generate", Handle(GenerateAsync));
        group.MapPost("/tokens/refresh", Handle(RefreshAsync));
        group.MapPost("/conversations", Handle(StartAsync));
        group.MapGet("/conversations/{conversationId}", Handle(ReconnectAsync));
        group.MapPost("/conversations/{conversationId}/activities", Handle(PostActivityAsync));
        group.MapGet("/conversations/{conversationId}/activities", Handle(GetActivitiesAsync));
        group.MapPost("/conversations/{conversationId}/upload", Handle(UploadAsync));
        group.MapGet("/conversations/{conversationId}/attachments/{attachmentId}", Handle(GetAttachmentAsync));
        group.MapGet("/conversations/{conversationId}/stream", Handle(StreamAsync));

        // Anything else under the prefix answers in Direct Line's error format, not an HTML page.
        group.Map("/{**rest}", Handle(_ => throw DirectLineException.NotFound("There is no Direct Line endpoint at this address for this method.")));
        return group;
    }

    private static RequestDelegate Handle(Func<HttpContext, Task> handler) => async context =>
    {
        try
        {
            await handler(context);
        }
        catch (DirectLineException e)
        {
            await e.WriteAsync(context.Response);
        }
        catch (DirectLineConversationNotFoundException)
        {
            await DirectLineException.ConversationGone().WriteAsync(context.Response);
        }
        catch (BadHttpRequestException e)
        {
            var error = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? DirectLineException.TooBig("The request body is too large.")
                : new DirectLineException(e.StatusCode, "BadArgument", "The request could not be read.");
            await error.WriteAsync(context.Response);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
    };

    private static async Task GenerateAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var caller = Authenticate(context, services.Tokens);
        if (!caller.IsSecret)
        {
            throw DirectLineException.Forbidden("Generating a token needs the Direct Line secret.");
        }

        var body = await ReadObjectAsync(context.Request, services.Options.MaxActivityBytes, optional: true);
        var (userId, userName) = RequestedUser(body);
        await WriteJsonAsync(context, StatusCodes.Status200OK, services.Tokens.Generate(userId ?? DirectLineChannel.NewUserId(), userName));
    }

    private static async Task RefreshAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var caller = Authenticate(context, services.Tokens);
        if (caller.Claims is not { } claims)
        {
            throw DirectLineException.BadArgument("Refresh a token, not the secret.");
        }

        var token = services.Tokens.IssueConversationToken(claims.UserId, claims.UserName, claims.ConversationId);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new DirectLineTokenResponse(claims.ConversationId, token, services.Tokens.ExpiresInSeconds));
    }

    private static async Task StartAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var caller = Authenticate(context, services.Tokens);
        var body = await ReadObjectAsync(context.Request, services.Options.MaxActivityBytes, optional: true);
        var locale = body?["locale"] is JsonValue l && l.TryGetValue<string>(out var text) ? text : null;

        string conversationId, userId;
        string? userName;
        if (caller.Claims is { } claims)
        {
            // A token from tokens/generate names its conversation and user; the body cannot change either.
            (conversationId, userId, userName) = (claims.ConversationId, claims.UserId, claims.UserName);
        }
        else
        {
            var (requestedId, requestedName) = RequestedUser(body);
            (conversationId, userId, userName) = (DirectLineChannel.NewConversationId(), requestedId ?? DirectLineChannel.NewUserId(), requestedName);
        }

        var (conversation, created) = await services.Channel.StartAsync(conversationId, userId, userName, locale, BaseUrl(context), context.RequestAborted);
        if (conversation.UserId != userId)
        {
            throw DirectLineException.Forbidden("The token is not for this conversation.");
        }

        await WriteJsonAsync(context, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, Connection(context, services, conversation, watermark: null));
    }

    private static async Task ReconnectAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var (_, conversation) = await AuthorizeConversationAsync(context, services);
        var watermark = context.Request.Query["watermark"].ToString();
        ParseWatermark(watermark);
        await WriteJsonAsync(context, StatusCodes.Status200OK, Connection(context, services, conversation, watermark));
    }

    private static async Task PostActivityAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var (caller, conversation) = await AuthorizeConversationAsync(context, services);
        var activity = await ReadObjectAsync(context.Request, services.Options.MaxActivityBytes, optional: false)
            ?? throw DirectLineException.BadArgument("The request has no activity.");
        var (userId, userName) = Sender(caller, conversation, activity);
        var id = await services.Channel.ReceiveFromUserAsync(conversation, userId, userName, activity, BaseUrl(context), context.RequestAborted);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new ResourceId(id));
    }

    private static async Task GetActivitiesAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var (_, conversation) = await AuthorizeConversationAsync(context, services);
        var watermark = context.Request.Query["watermark"].ToString();
        var after = ParseWatermark(watermark);
        var activities = await services.Channel.ReadAsync(conversation.Id, after, context.RequestAborted);

        // The activities are written as stored, so what a client reads is byte for byte what the stream sent.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        var next = activities.Count > 0 ? activities[^1].Sequence.ToString(CultureInfo.InvariantCulture) : watermark;
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("activities");
        foreach (var activity in activities)
        {
            writer.WriteRawValue(activity.Json, skipInputValidation: true);
        }

        writer.WriteEndArray();
        if (string.IsNullOrEmpty(next))
        {
            writer.WriteNull("watermark");
        }
        else
        {
            writer.WriteString("watermark", next);
        }

        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static async Task UploadAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var (caller, conversation) = await AuthorizeConversationAsync(context, services);
        var upload = await DirectLineUpload.ReadAsync(context.Request, services.Options);
        var activity = upload.Activity ?? new JsonObject { ["type"] = "message" };
        if (caller.IsSecret && context.Request.Query["userId"].ToString() is { Length: > 0 } userIdFromQuery)
        {
            activity["from"] = new JsonObject { ["id"] = userIdFromQuery };
        }

        var (userId, userName) = Sender(caller, conversation, activity);
        var now = services.Time.GetUtcNow().UtcDateTime;
        var attachments = new JsonArray();
        foreach (var file in upload.Files)
        {
            var attachmentId = DirectLineChannel.NewConversationId();
            await services.Store.SaveAttachmentAsync(
                new StoredAttachment(attachmentId, conversation.Id, file.Name, file.ContentType, file.Content, now), context.RequestAborted);
            var address = string.Create(CultureInfo.InvariantCulture,
                $"{BaseUrl(context)}/conversations/{Uri.EscapeDataString(conversation.Id)}/attachments/{attachmentId}?t={services.Tokens.IssueAttachmentToken(userId, conversation.Id, attachmentId)}");
            attachments.Add(new JsonObject { ["contentType"] = file.ContentType, ["contentUrl"] = address, ["name"] = file.Name });
        }

        // The client's own attachment list describes blobs on its side; the stored copies replace it.
        activity["attachments"] = attachments;
        activity["type"] ??= "message";
        var id = await services.Channel.ReceiveFromUserAsync(conversation, userId, userName, activity, BaseUrl(context), context.RequestAborted);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new ResourceId(id));
    }

    private static async Task GetAttachmentAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var conversationId = RouteValue(context, "conversationId");
        var attachmentId = RouteValue(context, "attachmentId");
        if (context.Request.Query["t"].ToString() is { Length: > 0 } addressToken)
        {
            var check = services.Tokens.Check(addressToken);
            if (check.Status == DirectLineTokenStatus.Expired)
            {
                throw DirectLineException.TokenExpired();
            }

            if (check is not { Status: DirectLineTokenStatus.Valid, Claims: { Scope: DirectLineTokenScope.Attachment } claims }
                || claims.ConversationId != conversationId || claims.AttachmentId != attachmentId)
            {
                throw DirectLineException.Forbidden("This address does not give access to this file.");
            }
        }
        else
        {
            await AuthorizeConversationAsync(context, services);
        }

        var file = await services.Store.FindAttachmentAsync(conversationId, attachmentId, context.RequestAborted)
            ?? throw DirectLineException.NotFound("There is no such file in this conversation.");
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Content.Length;
        context.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileNameStar = file.Name }.ToString();
        context.Response.Headers.CacheControl = "private, max-age=3600";
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    private static async Task StreamAsync(HttpContext context)
    {
        var services = Services.Of(context);
        var conversationId = RouteValue(context, "conversationId");
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw DirectLineException.BadArgument("Open the stream address as a WebSocket.");
        }

        if (context.Request.Query["t"].ToString() is { Length: > 0 } streamToken)
        {
            var check = services.Tokens.Check(streamToken);
            if (check.Status == DirectLineTokenStatus.Expired)
            {
                throw DirectLineException.TokenExpired();
            }

            if (check is not { Status: DirectLineTokenStatus.Valid, Claims: { Scope: DirectLineTokenScope.Stream } claims } || claims.ConversationId != conversationId)
            {
                throw DirectLineException.Forbidden("The stream token is not for this conversation.");
            }

            _ = await services.Store.FindConversationAsync(conversationId, context.RequestAborted) ?? throw DirectLineException.ConversationGone();
        }
        else
        {
            await AuthorizeConversationAsync(context, services);
        }

        var after = ParseWatermark(context.Request.Query["watermark"].ToString());
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<DirectLineStream>();
        var stream = new DirectLineStream(
            socket,
            conversationId,
            after,
            context.RequestServices.GetRequiredService<IDirectLineNotifier>(),
            context.RequestServices.GetRequiredService<IServiceScopeFactory>(),
            TimeSpan.FromSeconds(Math.Max(1, services.Options.KeepAliveSeconds)),
            services.Options.MaxActivitiesPerPoll,
            logger);
        await stream.RunAsync(stopping);
    }

    private static async Task<(Caller Caller, DirectLineConversation Conversation)> AuthorizeConversationAsync(HttpContext context, Services services)
    {
        var caller = Authenticate(context, services.Tokens);
        var conversationId = RouteValue(context, "conversationId");
        if (caller.Claims is { } claims && claims.ConversationId != conversationId)
        {
            throw DirectLineException.Forbidden("The token is not for this conversation.");
        }

        var conversation = await services.Store.FindConversationAsync(conversationId, context.RequestAborted)
            ?? throw DirectLineException.ConversationGone();
        if (caller.Claims is { } owner && owner.UserId != conversation.UserId)
        {
            throw DirectLineException.Forbidden("The token is not for this conversation.");
        }

        return (caller, conversation);
    }

    private static Caller Authenticate(HttpContext context, DirectLineTokens tokens)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            throw DirectLineException.Unauthorized("Send the Direct Line token (or, from a server, the secret) as a Bearer token.");
        }

        var presented = header[7..].Trim();
        if (tokens.IsSecret(presented))
        {
            return new Caller(true, null);
        }

        var check = tokens.Check(presented);
        return check switch
        {
            { Status: DirectLineTokenStatus.Valid, Claims: { Scope: DirectLineTokenScope.Conversation } claims } => new Caller(false, claims),
            { Status: DirectLineTokenStatus.Expired, Claims.Scope: DirectLineTokenScope.Conversation } => throw DirectLineException.TokenExpired(),
            _ => throw DirectLineException.Forbidden("The token is not valid."),
        };
    }

    /// <summary>The token's user, always; with the secret, the activity's from.id (never a reserved one).</summary>
    private static (string UserId, string? UserName) Sender(Caller caller, DirectLineConversation conversation, JsonObject activity)
    {
        if (caller.Claims is { } claims)
        {
            return (claims.UserId, claims.UserName ?? conversation.UserName);
        }

        var from = activity["from"] as JsonObject;
        var id = from?["id"] is JsonValue v && v.TryGetValue<string>(out var given) && given.Length > 0 ? given : conversation.UserId;
        var name = from?["name"] is JsonValue n && n.TryGetValue<string>(out var givenName) ? givenName : conversation.UserName;
        return (CheckUserId(id, allowReserved: id == conversation.UserId), name);
    }

    private static (string? Id, string? Name) RequestedUser(JsonObject? body)
    {
        if (body?["user"] is not JsonObject user)
        {
            return (null, null);
        }

        var id = user["id"] is JsonValue v && v.TryGetValue<string>(out var given) && given.Length > 0 ? CheckUserId(given, allowReserved: false) : null;
        var name = user["name"] is JsonValue n && n.TryGetValue<string>(out var givenName) && givenName.Length > 0 ? givenName : null;
        if (name is { Length: > 200 })
        {
            throw DirectLineException.BadArgument("user.name is longer than 200 characters.");
        }

        return (id, name);
    }

    private static string CheckUserId(string id, bool allowReserved)
    {
        if (id.Length > 128 || id.Any(char.IsControl))
        {
            throw DirectLineException.BadArgument("user.id must be at most 128 printable characters.");
        }

        if (!allowReserved && id.StartsWith(DirectLineChannel.ReservedUserIdPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw DirectLineException.BadArgument($"User ids starting \"{DirectLineChannel.ReservedUserIdPrefix}\" are reserved for the channel.");
        }

        return id;
    }

    private static long ParseWatermark(string watermark)
    {
        // Empty means from the start, as the clients send it on their first poll.
        if (string.IsNullOrEmpty(watermark))
        {
            return 0;
        }

        return long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw DirectLineException.BadArgument("The watermark is not one this service gave out.");
    }

    internal static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, int maxBytes, bool optional)
    {
        if (request.ContentLength > maxBytes)
        {
            throw DirectLineException.TooBig($"The activity is larger than {maxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw DirectLineException.TooBig($"The activity is larger than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return optional ? null : throw DirectLineException.BadArgument("The request has no body.");
        }

        return ParseObject(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    internal static JsonObject ParseObject(ReadOnlySpan<byte> json)
    {
        // The JSON reader checks UTF-8 only when a string is read, which would be deep inside a
        // handler; and a JsonObject with a name twice throws when first touched. Refuse both here.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            throw DirectLineException.BadArgument("The body is not valid UTF-8.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            throw DirectLineException.BadArgument("The body is not valid JSON, or names a property more than once.");
        }

        return node as JsonObject ?? throw DirectLineException.BadArgument("The body must be a JSON object.");
    }

    private static DirectLineConnection Connection(HttpContext context, Services services, DirectLineConversation conversation, string? watermark)
    {
        var streamToken = services.Tokens.IssueStreamToken(conversation.UserId, conversation.Id);
        var request = context.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var streamUrl = string.Create(CultureInfo.InvariantCulture,
            $"{scheme}://{request.Host}{request.PathBase}{GroupPrefix(context)}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={streamToken}");
        if (!string.IsNullOrEmpty(watermark))
        {
            streamUrl += "&watermark=" + Uri.EscapeDataString(watermark);
        }

        var token = services.Tokens.IssueConversationToken(conversation.UserId, conversation.UserName, conversation.Id);
        return new DirectLineConnection(conversation.Id, token, services.Tokens.ExpiresInSeconds, streamUrl);
    }

    private static string BaseUrl(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{GroupPrefix(context)}";

    // The prefix the group was mapped under: the request path up to "/conversations" or "/tokens".
    private static string GroupPrefix(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        foreach (var marker in new[] { "/conversations", "/tokens" })
        {
            var at = path.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return path[..at];
            }
        }

        return DefaultPrefix;
    }

    private static string RouteValue(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? throw DirectLineException.BadArgument($"The address has no {name}.");

    private static async Task WriteJsonAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(value, DirectLineJson.Options, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }

    private readonly record struct Caller(bool IsSecret, DirectLineTokenClaims? Claims);

    private sealed record ResourceId([property: JsonPropertyName("id")] string Id);

    private sealed record Services(DirectLineChannel Channel, DirectLineTokens Tokens, IDirectLineStore Store, DirectLineOptions Options, TimeProvider Time)
    {
        public static Services Of(HttpContext context)
        {
            var provider = context.RequestServices;
            return new Services(
                provider.GetRequiredService<DirectLineChannel>(),
                provider.GetRequiredService<DirectLineTokens>(),
                provider.GetRequiredService<IDirectLineStore>(),
                provider.GetRequiredService<IOptions<DirectLineOptions>>().Value,
                provider.GetRequiredService<TimeProvider>());
        }
    }
}

/// <summary>What <c>POST conversations</c> and the reconnect call return.</summary>
public sealed record DirectLineConnection(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string StreamUrl);

/// <summary>What <c>tokens/generate</c> and <c>tokens/refresh</c> return.</summary>
public sealed record DirectLineTokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

internal static class DirectLineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
