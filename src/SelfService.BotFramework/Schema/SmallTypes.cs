using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.BotFramework.Schema;

/// <summary>A reaction added to or removed from a message.</summary>
public sealed class MessageReaction
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>Text in a referenced activity to highlight.</summary>
public sealed class TextHighlight
{
    public string? Text { get; set; }

    public int? Occurrence { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A programmatic action accompanying a request.</summary>
public sealed class SemanticAction
{
    public string? Id { get; set; }

    public string? State { get; set; }

    public Dictionary<string, Entity>? Entities { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The answer to a channel's POST of an activity: the id it was given.</summary>
public sealed class ResourceResponse
{
    public ResourceResponse()
    {
    }

    public ResourceResponse(string? id) => Id = id;

    public string? Id { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A page of activities and where to resume (Direct Line poll and stream frames).</summary>
public sealed class ActivitySet
{
    public IList<Activity>? Activities { get; set; }

    /// <summary>Opaque to clients: returned verbatim and resumed after.</summary>
    public string? Watermark { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The wire's error body: <c>{"error":{"code":"…","message":"…"}}</c>.</summary>
public sealed class ErrorResponse
{
    public ErrorResponse()
    {
    }

    public ErrorResponse(string code, string message) => Error = new Error { Code = code, Message = message };

    public Error? Error { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>One error: a machine-readable code and a message.</summary>
[SuppressMessage("Naming", "CA1716", Justification = "The Bot Framework schema names this type Error.")]
public sealed class Error
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    public InnerHttpError? InnerHttpError { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The HTTP status and body of an error from a downstream service.</summary>
public sealed class InnerHttpError
{
    public int? StatusCode { get; set; }

    public JsonElement? Body { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The body of <c>POST {serviceUrl}/v3/conversations</c>: what conversation to create.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TopicName { get; set; }

    public Activity? Activity { get; set; }

    public JsonElement? ChannelData { get; set; }

    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The answer to creating a conversation.</summary>
public sealed class ConversationResourceResponse
{
    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }

    public string? Id { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The value of a <c>tokens/response</c> event: a user token from a sign-in.</summary>
public sealed class TokenResponse
{
    public string? ChannelId { get; set; }

    public string? ConnectionName { get; set; }

    public string? Token { get; set; }

    public string? Expiration { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
