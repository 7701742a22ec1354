using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.BotFramework.Schema;

/// <summary>
/// A file or card attached to an activity. <see cref="Content"/> is read back as a
/// <see cref="JsonElement"/>; when sending, any value System.Text.Json can serialise will do
/// (a JsonElement, a JsonNode, a record).
/// </summary>
public sealed class Attachment
{
    public Attachment()
    {
    }

    public Attachment(string contentType, object? content = null, string? contentUrl = null, string? name = null)
    {
        ContentType = contentType;
        Content = content;
        ContentUrl = contentUrl;
        Name = name;
    }

    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public object? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
