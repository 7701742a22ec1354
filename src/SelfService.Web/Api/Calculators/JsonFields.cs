using System.Globalization;
using System.Text.Json;

namespace SelfService.Web.Api.Calculators;

/// <summary>
/// Reads fields from a JSON body by hand so that every mistake is reported against the field
/// that caused it (e.g. <c>events[1].date</c>), instead of one opaque deserialisation error.
/// </summary>
internal sealed class JsonFields
{
    public ApiErrors Errors { get; } = new();

    public bool HasErrors => Errors.HasErrors;

    public void Add(string path, string message) => Errors.Add(path, message);

    public DateOnly? Date(JsonElement parent, string name, string path, bool required)
    {
        if (!TryGet(parent, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (SupportedDates.Contains(date))
            {
                return date;
            }

            Add(path, $"{path} must be a date from {SupportedDates.Range}.");
            return null;
        }

        Add(path, $"{path} must be a real date written as YYYY-MM-DD, for example 2026-01-05.");
        return null;
    }

    public string? Text(JsonElement parent, string name, string path, bool required)
    {
        if (!TryGet(parent, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Add(path, $"{path} must be text.");
        return null;
    }

    public int? WholeNumber(JsonElement parent, string name, string path, bool required, int min, int max)
    {
        if (!TryGet(parent, name, path, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        Add(path, $"{path} must be a whole number from {min} to {max}.");
        return null;
    }

    /// <summary>Reads one of a fixed set of words, naming the allowed words when it is anything else.</summary>
    public T? Choice<T>(JsonElement parent, string name, string path, bool required, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = Text(parent, name, path, required);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var choice))
        {
            return choice;
        }

        Add(path, $"{path} must be one of: {string.Join(", ", choices.Keys)}.");
        return null;
    }

    /// <summary>Adds an error when <paramref name="date"/> is before <paramref name="earliest"/>.</summary>
    public void NotBefore(DateOnly? date, string path, DateOnly? earliest, string earliestPath)
    {
        if (date is { } d && earliest is { } e && d < e)
        {
            Add(path, $"{path} cannot be before {earliestPath} ({e:yyyy-MM-dd}).");
        }
    }

    private bool TryGet(JsonElement parent, string name, string path, bool required, out JsonElement value)
    {
        if (parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Add(path, $"{path} is required.");
        }

        return false;
    }
}
