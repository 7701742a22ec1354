using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.Integration;

/// <summary>Reads an activity from a request body: size limit, JSON, and the fields every turn needs.</summary>
internal static class ActivityRequestReader
{
    private const int MaxChannelIdLength = 64;
    private const int MaxConversationIdLength = 400;
    private const int MaxUserIdLength = 256;
    private const int MaxServiceUrlLength = 2048;

    // A name given twice could mean either value (and fails typed extension data): refuse it.
    private static readonly JsonSerializerOptions StrictOptions = new(BotJson.Options) { AllowDuplicateProperties = false };

    internal sealed record Failure(int Status, string Code, string Message);

    internal sealed record Result(Activity? Activity, Failure? Failure);

    public static async Task<Result> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var buffer = new ArrayBufferWriter<byte>();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.WrittenCount + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            buffer.Write(chunk.AsSpan(0, read));
        }

        // Strings are checked for UTF-8 only when read, possibly deep in a turn: check the whole body now.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.WrittenSpan))
        {
            return Bad("The request body is not valid UTF-8.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.WrittenSpan, StrictOptions);
        }
        catch (JsonException)
        {
            return Bad("The request body is not a JSON activity, or names a property more than once.");
        }

        if (activity is null)
        {
            return Bad("The request body is not a JSON activity.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Bad("The activity has no type.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return Bad("The activity has no conversation id.");
        }

        if (activity.ServiceUrl is { Length: > 0 } serviceUrl
            && !(Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return Bad("The activity's serviceUrl is not an http or https address.");
        }

        // Conversation state is keyed by channel, and replies are routed by it: a turn cannot run without one.
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return Bad("The activity has no channelId.");
        }

        // The ids become keys of stored state and conversation references: longer than the stores
        // keep, or with control characters (PostgreSQL refuses NUL in text), the turn would fail.
        foreach (var (value, name, max) in new[]
        {
            (activity.ChannelId, "channelId", MaxChannelIdLength),
            (activity.Conversation.Id, "conversation.id", MaxConversationIdLength),
            (activity.From?.Id, "from.id", MaxUserIdLength),
            (activity.Recipient?.Id, "recipient.id", MaxUserIdLength),
            (activity.ServiceUrl, "serviceUrl", MaxServiceUrlLength),
        })
        {
            if (value is not null && (value.Length > max || value.Any(char.IsControl)))
            {
                return Bad($"The activity's {name} must be at most {max} characters, none of them control characters.");
            }
        }

        return new Result(activity, null);
    }

    private static Result Bad(string message) =>
        new(null, new Failure(StatusCodes.Status400BadRequest, "BadArgument", message));

    private static Result TooLarge(int maxBytes) =>
        new(null, new Failure(
            StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {maxBytes / 1024} KB."));
}
