using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.BotFramework.Schema;

/// <summary>Metadata about an activity (mention, place, clientInfo…): its type plus whatever fields it carries.</summary>
public sealed class Entity
{
    public Entity()
    {
    }

    public Entity(string type) => Type = type;

    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
