using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.BotFramework.Schema;

/// <summary>
/// The one set of JSON options for everything on the Bot Framework wire: camelCase names as the
/// specification spells them, nulls left out, names matched without regard to case on the way in
/// (as the Newtonsoft-based SDK did), and unknown fields kept by each type's extension data.
/// </summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serialises any value (card content, submit data) to a JsonElement with the wire options.</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        // Read-only so no caller can change the wire format for everyone else.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
