using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SelfService.BotFramework.DirectLine;

/// <summary>
/// A Direct Line error: the status the official clients act on (403 token expired, 404
/// conversation gone, other 4xx fatal) and the body <c>{"error":{"code","message"}}</c>.
/// </summary>
public sealed class DirectLineException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static DirectLineException BadArgument(string message) => new(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static DirectLineException MissingProperty(string message) => new(StatusCodes.Status400BadRequest, "MissingProperty", message);

    public static DirectLineException Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static DirectLineException TokenExpired() => new(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired. Refresh it or start again.");

    public static DirectLineException Forbidden(string message) => new(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static DirectLineException NotFound(string message) => new(StatusCodes.Status404NotFound, "NotFound", message);

    public static DirectLineException TooBig(string message) => new(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", message);

    public static DirectLineException UnsupportedMediaType(string message) => new(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", message);

    public static DirectLineException ConversationGone() => NotFound("The conversation does not exist. Start a new one.");

    internal Task WriteAsync(HttpResponse response) => DirectLineError.WriteAsync(response, Status, Code, Message);
}

internal static class DirectLineError
{
    public static async Task WriteAsync(HttpResponse response, int status, string code, string message)
    {
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }
}
