using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfService.BotFramework.Cards;

/// <summary>
/// An Adaptive Card template, expanded with data the way the Adaptive Cards Templating language
/// does, for the subset this product uses (the C# templating package is not available to us).
/// <list type="bullet">
/// <item><c>${expression}</c> inside any string value. When the whole string is one binding the
/// result keeps its JSON type (<c>"${count}"</c> with a number gives a number, with an array gives
/// the array); when it is embedded in text it becomes text (numbers and booleans as JSON, nothing
/// or <c>null</c> as empty). A whole-string binding to a path that does not exist drops the
/// property (or the array item).</item>
/// <item><c>$data</c> on an object: bound to an array, the object is repeated once per item, with
/// that item as <c>$data</c> and its position as <c>$index</c> (an empty, null or missing array
/// gives no copies); bound to anything else, it becomes <c>$data</c> for the object and everything
/// inside it. Repeating needs the object to sit in an array.</item>
/// <item><c>$when</c> on an object: the object is left out unless the expression is truthy
/// (true, a non-zero number, a non-empty string, any object or array).</item>
/// <item>Expressions: see <see cref="TemplateExpression"/> for the grammar: paths with dots and
/// indexes from the current data, <c>$root</c>, <c>$data</c> and <c>$index</c>; literals;
/// <c>!</c>, <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>,
/// <c>&amp;&amp;</c>, <c>||</c>, parentheses; <c>empty(x)</c>, <c>exists(x)</c>, <c>not(x)</c>,
/// <c>count(x)</c>.</item>
/// </list>
/// Anything else (other functions such as <c>formatDateTime</c>, <c>$host</c>, arithmetic) throws
/// <see cref="CardTemplateException"/> naming the expression, when the template is parsed.
/// </summary>
public sealed class AdaptiveCardTemplate
{
    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web);

    private readonly JsonNode _template;
    private readonly Dictionary<string, TemplateExpression> _expressions = new(StringComparer.Ordinal);

    private AdaptiveCardTemplate(string name, JsonNode template)
    {
        Name = name;
        _template = template;
        Precompile(template);
    }

    /// <summary>The template's name, for error messages (the file name without <c>.json</c>).</summary>
    public string Name { get; }

    public static AdaptiveCardTemplate Parse(string json, string name = "card")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CardTemplateException($"The card template '{name}' is not valid JSON: {e.Message}", e);
        }

        if (node is not JsonObject)
        {
            throw new CardTemplateException($"The card template '{name}' must be a JSON object (an AdaptiveCard).");
        }

        try
        {
            return new AdaptiveCardTemplate(name, node);
        }
        catch (CardTemplateException e)
        {
            throw new CardTemplateException($"In card template '{name}': {e.Message}", e);
        }
    }

    /// <summary>Expands with data given as a plain object (serialised with web defaults: camelCase).</summary>
    public JsonObject Expand(object? data) => data switch
    {
        JsonNode node => ExpandNode(node),
        JsonElement element => ExpandNode(JsonSerializer.SerializeToNode(element)),
        null => ExpandNode(null),
        _ => ExpandNode(JsonSerializer.SerializeToNode(data, data.GetType(), DataOptions)),
    };

    /// <summary>Expands and writes the card as JSON text.</summary>
    public string ExpandToJson(object? data) => Expand(data).ToJsonString();

    private JsonObject ExpandNode(JsonNode? data)
    {
        var scope = new TemplateScope(data, data, null);
        var results = ExpandItem(_template, scope);
        if (results is not [JsonObject card])
        {
            throw new CardTemplateException($"The card template '{Name}' did not expand to exactly one card: its top-level $data or $when removed or repeated it.");
        }

        return card;
    }

    /// <summary>Expands one value; an object may come out as no copies or several.</summary>
    private List<JsonNode?> ExpandItem(JsonNode? node, TemplateScope scope)
    {
        switch (node)
        {
            case JsonObject obj:
                return ExpandObject(obj, scope);
            case JsonArray array:
                var expanded = new JsonArray();
                foreach (var item in array)
                {
                    foreach (var result in ExpandItem(item, scope))
                    {
                        expanded.Add(result);
                    }
                }

                return [expanded];
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var bound = BindString(value.GetValue<string>(), scope);
                return bound.Exists ? [bound.Node?.DeepClone()] : [];
            default:
                return [node?.DeepClone()];
        }
    }

    private List<JsonNode?> ExpandObject(JsonObject obj, TemplateScope scope)
    {
        if (obj.TryGetPropertyValue("$data", out var dataTemplate))
        {
            var data = dataTemplate is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? BindString(v.GetValue<string>(), scope)
                : TemplateValue.Of(ExpandItem(dataTemplate, scope).SingleOrDefault());
            if (data.Node is JsonArray items)
            {
                var copies = new List<JsonNode?>();
                for (var i = 0; i < items.Count; i++)
                {
                    copies.AddRange(ExpandScoped(obj, scope.WithData(items[i], i)));
                }

                return copies;
            }

            if (!data.Exists || data.Node is null)
            {
                return [];
            }

            return ExpandScoped(obj, scope.WithData(data.Node));
        }

        return ExpandScoped(obj, scope);
    }

    private List<JsonNode?> ExpandScoped(JsonObject obj, TemplateScope scope)
    {
        if (obj.TryGetPropertyValue("$when", out var when))
        {
            var include = when switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => BindString(v.GetValue<string>(), scope),
                _ => TemplateValue.Of(when?.DeepClone()),
            };
            if (!include.IsTruthy)
            {
                return [];
            }
        }

        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is "$data" or "$when")
            {
                continue;
            }

            var expanded = ExpandItem(value, scope);
            switch (expanded.Count)
            {
                case 0:
                    continue;
                case 1:
                    result[key] = expanded[0];
                    break;
                default:
                    throw new CardTemplateException(
                        $"In card template '{Name}', property '{key}' holds an object whose $data is an array; repeating needs the object to be inside an array.");
            }
        }

        return [result];
    }

    private TemplateValue BindString(string text, TemplateScope scope)
    {
        var parts = Split(text);
        if (parts.Count == 1 && parts[0].Expression is { } whole)
        {
            return _expressions[whole].Evaluate(scope);
        }

        if (parts.All(p => p.Expression is null))
        {
            return TemplateValue.Of(JsonValue.Create(text));
        }

        var builder = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part.Expression is { } expression ? _expressions[expression].Evaluate(scope).AsText() : part.Literal);
        }

        return TemplateValue.Of(JsonValue.Create(builder.ToString()));
    }

    private void Precompile(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Precompile(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Precompile(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                foreach (var part in Split(value.GetValue<string>()))
                {
                    if (part.Expression is { } expression && !_expressions.ContainsKey(expression))
                    {
                        _expressions[expression] = TemplateExpression.Parse(expression);
                    }
                }

                break;
        }
    }

    private readonly record struct Part(string? Literal, string? Expression);

    /// <summary>Splits text into literal runs and <c>${…}</c> bindings; braces and quotes inside a binding are respected.</summary>
    private static List<Part> Split(string text)
    {
        var parts = new List<Part>();
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0)
            {
                parts.Add(new Part(text[position..], null));
                break;
            }

            if (start > position)
            {
                parts.Add(new Part(text[position..start], null));
            }

            var end = FindClose(text, start + 2);
            parts.Add(new Part(null, text[(start + 2)..end]));
            position = end + 1;
        }

        return parts;
    }

    private static int FindClose(string text, int from)
    {
        var depth = 0;
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        throw new CardTemplateException($"The binding in '{text}' has no closing '}}'.");
    }
}
