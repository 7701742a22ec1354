using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SelfService.Benchmarks.Fuzzing;

/// <summary>
/// The hostile values: what people paste, what scripts send, and what breaks parsers. Every pick
/// goes through the worker's own seeded <see cref="Random"/>, so a run can be repeated exactly.
/// </summary>
internal static class Hostile
{
    public static readonly string[] Texts =
    [
        "", " ", "\t", "   \r\n  ", "a", "Sam", "0", "-1",
        "Zoë Ó'Brien-Smith", "🧒🏽👨‍👩‍👧 émoji", "漢字かなカナ", "مرحبا", "\u202Eevil\u202C", "a\u200Bb\u200Dc", "e\u0301\u0301\u0301",
        "\uFFFF\uFFFE", "\u0000", "nul\u0000in the middle", "\u0001\u0007\b\u001b[31mred", "line\r\nbreak", "\r\n\r\n",
        "' OR '1'='1", "'; DROP TABLE \"AssessmentCases\"; --", "\" OR 1=1 --", "1; SELECT pg_sleep(20)--", "%' AND 1=0 UNION SELECT NULL--",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "@(1+1)", "<!--", "]]>",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "/dev/zero", "file:///etc/passwd",
        "null", "undefined", "true", "NaN", "[]", "{}", "{\"a\":1}",
        "x@example.com", "a@b", "@", "helen.carter@example.com", "\"quoted local\"@example.com", "x@[127.0.0.1]",
        "https://example.com/", "http://127.0.0.1:1/", "//evil.example/", "/\\evil.example",
    ];

    public static readonly string[] Dates =
    [
        "9999-12-31", "0001-01-01", "10000-01-01", "-0001-01-01", "2026-02-30", "2026-13-01", "2026-00-10", "2026-11-31",
        "31/12/2026", "12/31/2026", "2026-12-31T25:00:00", "2026-1-1", " 2026-11-20 ", "2026-11-20", "2026-12-25", "1900-01-01",
        "2099-12-31", "2100-01-01", "1970-01-01", "9999-12-30", "0001-01-02", "99999-01-01", "today", "",
    ];

    public static readonly string[] Numbers =
    [
        "0", "-1", "1", "-0", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "1.5", "NaN",
        "Infinity", "0x10", "1,000", "١٢٣", "٣", "  7  ", "999999999999999999999999999999", "+1", "00000000001",
    ];

    public static readonly string[] Guids =
    [
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-guid", "{00000000-0000-0000-0000-000000000000}",
        "0dc0ca57-0000-4000-8000-000000000801", "0dc0ca57-0000-4000-8000-000000000901",
    ];

    public static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>A string, sometimes very long: long enough to pass any sensible field length and some body limits.</summary>
    public static string Text(Random random)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 4 => new string('A', 100_000),
            < 8 => string.Concat(Enumerable.Repeat("Zoë🧒🏽", 2_000)),
            < 12 => new string('x', random.Next(256, 5_000)),
            < 14 => Guid.NewGuid().ToString(),
            < 20 => Pick(random, Numbers),
            < 26 => Pick(random, Dates),
            _ => Pick(random, Texts),
        };
    }

    /// <summary>A value for a form field, leaning to what its name and type suggest it holds.</summary>
    public static string ForField(Random random, string name, string type)
    {
        var lower = name.ToLowerInvariant();
        if (random.Next(100) < 35)
        {
            return Text(random);
        }

        if (type == "date" || lower.Contains("date", StringComparison.Ordinal) || lower.EndsWith("on", StringComparison.Ordinal))
        {
            return Pick(random, Dates);
        }

        if (lower.EndsWith(".day", StringComparison.Ordinal) || lower.EndsWith(".month", StringComparison.Ordinal) || lower.EndsWith(".year", StringComparison.Ordinal)
            || lower.EndsWith("day", StringComparison.Ordinal) || lower.EndsWith("month", StringComparison.Ordinal) || lower.EndsWith("year", StringComparison.Ordinal))
        {
            return Pick(random, [.. Numbers, "9999", "0001", "10000", "31", "29", "13", "00"]);
        }

        if (type == "number" || lower.Contains("count", StringComparison.Ordinal) || lower.Contains("number", StringComparison.Ordinal) || lower.Contains("page", StringComparison.Ordinal))
        {
            return Pick(random, Numbers);
        }

        if (lower.EndsWith("id", StringComparison.Ordinal))
        {
            return Pick(random, Guids);
        }

        return Text(random);
    }

    /// <summary>Any JSON value, of any type, sometimes nested deeper than parsers allow.</summary>
    public static JsonNode? AnyJson(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(double.Parse(Pick(random, ["0", "-1", "1e308", "-1e-308", "9007199254740993", "2147483648"]), CultureInfo.InvariantCulture)),
        3 => new JsonArray(JsonValue.Create(Text(random)), null, JsonValue.Create(1)),
        4 => new JsonObject { ["id"] = Text(random), ["unexpected"] = new JsonArray() },
        5 => Nested(random.Next(2, 200)),
        _ => JsonValue.Create(Text(random)),
    };

    /// <summary>Objects inside objects: past 64 levels most readers refuse, and they must refuse politely.</summary>
    public static JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create("deep");
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    /// <summary>Deep nesting as text, deeper than <see cref="JsonNode"/> can build without its own depth limit.</summary>
    public static string NestedText(int depth, bool arrays) =>
        arrays ? new string('[', depth) + "1" + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>
    /// Mutates an object in place (a field removed, given the wrong type or a hostile string,
    /// replaced by deep nesting; a field added) one to three times, then returns it serialised
    /// with, sometimes, damage only text can carry: a duplicate key, invalid UTF-8, truncation.
    /// </summary>
    public static byte[] MutateJson(Random random, JsonObject body, IReadOnlyList<string>? interestingKeys = null)
    {
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            var keys = body.Select(p => p.Key).ToList();
            var key = keys.Count > 0 && (interestingKeys is null || random.Next(2) == 0)
                ? keys[random.Next(keys.Count)]
                : interestingKeys is { Count: > 0 } ? Pick(random, interestingKeys) : "extra";
            switch (random.Next(8))
            {
                case 0:
                    body.Remove(key);
                    break;
                case 1:
                case 2:
                    body[key] = AnyJson(random);
                    break;
                case 3:
                    body[key] = Text(random);
                    break;
                case 4:
                    body[key] = Pick(random, Dates);
                    break;
                case 5:
                    body[key] = Nested(random.Next(30, 80));
                    break;
                case 6:
                    body[Pick(random, ["__proto__", "$type", "constructor", "", " ", "\u0000", new string('k', 1000)])] = AnyJson(random);
                    break;
                default:
                    if (body[key] is JsonObject inner && inner.Count > 0)
                    {
                        var innerKey = inner.First().Key;
                        inner[innerKey] = AnyJson(random);
                    }
                    else
                    {
                        body[key] = new JsonObject { ["id"] = AnyJson(random), ["name"] = AnyJson(random) };
                    }

                    break;
            }
        }

        var text = body.ToJsonString();
        switch (random.Next(10))
        {
            case 0 when body.Count > 0:
                // Duplicate keys: System.Text.Json's document readers allow them, its typed readers may not.
                var duplicated = body.First();
                return Encoding.UTF8.GetBytes("{" + $"\"{duplicated.Key}\":{AnyJson(random)?.ToJsonString() ?? "null"}," + text[1..]);
            case 1:
                return Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]);
            case 2:
                var bytes = Encoding.UTF8.GetBytes(text).ToList();
                var at = bytes.LastIndexOf((byte)'"');
                bytes.InsertRange(Math.Max(0, at), Pick(random, new byte[][] { [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80] }));
                return [.. bytes];
            default:
                return Encoding.UTF8.GetBytes(text);
        }
    }

    /// <summary>Bodies that are not the expected JSON object at all.</summary>
    public static byte[] JunkBody(Random random) => random.Next(12) switch
    {
        0 => [],
        1 => "null"u8.ToArray(),
        2 => "[]"u8.ToArray(),
        3 => "\"just a string\""u8.ToArray(),
        4 => "12345"u8.ToArray(),
        5 => Encoding.UTF8.GetBytes(NestedText(random.Next(65, 5_000), random.Next(2) == 0)),
        6 => [0xFF, 0xFE, 0x00, 0x7B, 0x00, 0x7D],
        7 => Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('A', random.Next(200_000, 400_000)) + "\"}"),
        8 => "type=message&text=hello"u8.ToArray(),
        9 => "{\"type\":\"message\",}"u8.ToArray(),
        10 => "{'type':'message'}"u8.ToArray(),
        _ => "<activity><type>message</type></activity>"u8.ToArray(),
    };

    public static string? ContentType(Random random) => random.Next(20) switch
    {
        0 => null,
        1 => "text/plain",
        2 => "application/x-www-form-urlencoded",
        3 => "application/json; charset=utf-16",
        4 => "application/json; charset=nonsense",
        5 => "multipart/form-data",
        6 => "application/xml",
        7 => "application/vnd.microsoft.activity",
        _ => "application/json",
    };

    /// <summary>A short, printable summary of a body for the report.</summary>
    public static string Summary(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty)";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 160));
        var printable = new string([.. text.Select(c => char.IsControl(c) || c == '|' ? '·' : c)]);
        return body.Length > 160 ? $"{printable}… ({body.Length:N0} bytes)" : printable;
    }
}
