using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SelfService.BotFramework.Schema;

namespace SelfService.BotFramework.State;

/// <summary>
/// How state values become JSON and back. Values typed as <see cref="object"/> (a waterfall's
/// <c>Values</c>, a dialog's state bag) come back as plain .NET values: string, bool, int, long,
/// decimal, <c>Dictionary&lt;string, object?&gt;</c>, <c>List&lt;object?&gt;</c>. Anything richer (a
/// DateOnly, a record) comes back in its JSON form; read it with <see cref="ConvertTo{T}"/> or
/// <see cref="StateValueExtensions.GetValue{T}"/>, which turn it back into the type asked for.
/// </summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The value as a <typeparamref name="T"/>: as it is if it already is one, else through its JSON.</summary>
    public static T? ConvertTo<T>(object? value) => value switch
    {
        T typed => typed,
        null => default,
        JsonElement element => element.Deserialize<T>(Options),
        JsonNode node => node.Deserialize<T>(Options),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Options).Deserialize<T>(Options),
    };

    public static JsonNode? ToNode(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(BotJson.Options);
        options.Converters.Add(new PlainObjectConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class PlainObjectConverter : JsonConverter<object>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.Number:
                    return reader.TryGetInt32(out var i) ? i : reader.TryGetInt64(out var l) ? l : reader.TryGetDecimal(out var d) ? d : reader.GetDouble();
                case JsonTokenType.StartArray:
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        list.Add(Read(ref reader, typeof(object), options));
                    }

                    return list;
                case JsonTokenType.StartObject:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        map[name] = Read(ref reader, typeof(object), options);
                    }

                    return map;
                default:
                    throw new JsonException($"Unexpected {reader.TokenType} in stored bot state.");
            }
        }

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        {
            var type = value.GetType();
            if (type == typeof(object))
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
                return;
            }

            JsonSerializer.Serialize(writer, value, type, options);
        }
    }
}

/// <summary>Typed reads from a state bag, whether the value is still the object that was put in or came back from storage.</summary>
public static class StateValueExtensions
{
    public static T? GetValue<T>(this IDictionary<string, object?> values, string key)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(key, out var value) ? StateJson.ConvertTo<T>(value) : default;
    }
}
