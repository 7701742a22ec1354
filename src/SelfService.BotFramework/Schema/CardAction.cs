using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.BotFramework.Schema;

/// <summary>A clickable action (suggested action or card button). <see cref="Value"/> is a string or an object.</summary>
public sealed class CardAction
{
    public CardAction()
    {
    }

    public CardAction(string type, string? title = null, object? value = null)
    {
        Type = type;
        Title = title;
        Value = value;
    }

    /// <summary>See <see cref="ActionTypes"/>.</summary>
    public string? Type { get; set; }

    public string? Title { get; set; }

    public string? Image { get; set; }

    public string? ImageAltText { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    public object? Value { get; set; }

    public JsonElement? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
