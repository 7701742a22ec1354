using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfService.BotFramework.Cards;

/// <summary>
/// Checks an expanded card against the rules of Adaptive Card schema 1.5 that matter to us, with
/// Web Chat as the client: a top-level <c>AdaptiveCard</c> with <c>version</c> (at most 1.5) and
/// <c>body</c>; every element and action of a type schema 1.5 defines, in a place that type may
/// sit, with its required properties; every input with an <c>id</c> (unique) and a <c>label</c>;
/// and the card's <c>speak</c>, which Web Chat reads as the card's accessible name.
/// <c>Action.Execute</c> is refused: schema 1.5 has it but Web Chat does not run it.
/// Returns every problem found, each with a JSON path, so one run lists them all.
/// </summary>
public static class AdaptiveCardValidator
{
    public static readonly Version MaxVersion = new(1, 5);

    /// <summary>Element types of schema 1.5, with the properties each requires.</summary>
    private static readonly Dictionary<string, string[]> Elements = new(StringComparer.Ordinal)
    {
        ["TextBlock"] = ["text"],
        ["RichTextBlock"] = ["inlines"],
        ["Image"] = ["url"],
        ["Media"] = ["sources"],
        ["Container"] = ["items"],
        ["ColumnSet"] = [],
        ["FactSet"] = ["facts"],
        ["ImageSet"] = ["images"],
        ["ActionSet"] = ["actions"],
        ["Table"] = [],
        ["Input.Text"] = ["id"],
        ["Input.Number"] = ["id"],
        ["Input.Date"] = ["id"],
        ["Input.Time"] = ["id"],
        ["Input.Toggle"] = ["id", "title"],
        ["Input.ChoiceSet"] = ["id"],
    };

    private static readonly Dictionary<string, string[]> Actions = new(StringComparer.Ordinal)
    {
        ["Action.Submit"] = [],
        ["Action.OpenUrl"] = ["url"],
        ["Action.ShowCard"] = [],
        ["Action.ToggleVisibility"] = ["targetElements"],
    };

    public static IReadOnlyList<string> Validate(JsonNode? card)
    {
        var problems = new List<string>();
        if (card is not JsonObject root)
        {
            problems.Add("$: a card must be a JSON object");
            return problems;
        }

        if (Text(root, "type") != "AdaptiveCard")
        {
            problems.Add("$.type: must be \"AdaptiveCard\"");
        }

        var version = Text(root, "version");
        if (version is null)
        {
            problems.Add("$.version: required on the top-level card");
        }
        else if (!Version.TryParse(version, out var parsed) || parsed > MaxVersion)
        {
            problems.Add($"$.version: \"{version}\" is not a schema version up to {MaxVersion}");
        }

        if (root["body"] is not JsonArray)
        {
            problems.Add("$.body: required, an array of elements");
        }

        if (string.IsNullOrWhiteSpace(Text(root, "speak")))
        {
            problems.Add("$.speak: required, so screen readers in Web Chat can name the card");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        CheckCard(root, "$", problems, ids);
        return problems;
    }

    public static void EnsureValid(JsonNode? card, string name)
    {
        var problems = Validate(card);
        if (problems.Count > 0)
        {
            throw new CardTemplateException($"The card '{name}' is not a valid Adaptive Card {MaxVersion}:\n  {string.Join("\n  ", problems)}");
        }
    }

    private static void CheckCard(JsonObject card, string path, List<string> problems, HashSet<string> ids)
    {
        CheckElements(card["body"], $"{path}.body", problems, ids);
        CheckActions(card["actions"], $"{path}.actions", problems, ids);
        CheckSelectAction(card, path, problems, ids);
    }

    private static void CheckElements(JsonNode? node, string path, List<string> problems, HashSet<string> ids)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray array)
        {
            problems.Add($"{path}: must be an array of elements");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            CheckElement(array[i], $"{path}[{i}]", problems, ids);
        }
    }

    private static void CheckElement(JsonNode? node, string path, List<string> problems, HashSet<string> ids)
    {
        if (node is not JsonObject element)
        {
            problems.Add($"{path}: an element must be an object");
            return;
        }

        var type = Text(element, "type");
        if (type is null || !Elements.TryGetValue(type, out var required))
        {
            problems.Add($"{path}.type: \"{type}\" is not an element type of Adaptive Cards {MaxVersion}");
            return;
        }

        Require(element, required, path, problems);
        if (Text(element, "id") is { } id && !ids.Add(id))
        {
            problems.Add($"{path}.id: \"{id}\" is used twice; ids must be unique in a card");
        }

        if (type.StartsWith("Input.", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(Text(element, "label")))
        {
            problems.Add($"{path}.label: every input needs a label, so it has an accessible name");
        }

        switch (type)
        {
            case "Container":
                CheckElements(element["items"], $"{path}.items", problems, ids);
                CheckSelectAction(element, path, problems, ids);
                break;
            case "ColumnSet":
                CheckColumns(element["columns"], $"{path}.columns", problems, ids);
                CheckSelectAction(element, path, problems, ids);
                break;
            case "ActionSet":
                CheckActions(element["actions"], $"{path}.actions", problems, ids);
                break;
            case "FactSet":
                CheckTyped(element["facts"], $"{path}.facts", "Fact", ["title", "value"], problems);
                break;
            case "Input.ChoiceSet":
                CheckTyped(element["choices"], $"{path}.choices", "Input.Choice", ["title", "value"], problems);
                break;
            case "Table":
                CheckTableRows(element["rows"], $"{path}.rows", problems, ids);
                break;
            case "ImageSet":
                CheckTyped(element["images"], $"{path}.images", "Image", ["url"], problems);
                break;
            case "TextBlock" or "Image":
                CheckSelectAction(element, path, problems, ids);
                break;
        }
    }

    private static void CheckColumns(JsonNode? node, string path, List<string> problems, HashSet<string> ids)
    {
        if (node is not JsonArray columns)
        {
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var columnPath = $"{path}[{i}]";
            if (columns[i] is not JsonObject column || (Text(column, "type") ?? "Column") != "Column")
            {
                problems.Add($"{columnPath}: a ColumnSet holds only Column objects");
                continue;
            }

            CheckElements(column["items"], $"{columnPath}.items", problems, ids);
            CheckSelectAction(column, columnPath, problems, ids);
        }
    }

    private static void CheckTableRows(JsonNode? node, string path, List<string> problems, HashSet<string> ids)
    {
        if (node is not JsonArray rows)
        {
            return;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not JsonObject row || (Text(row, "type") ?? "TableRow") != "TableRow" || row["cells"] is not JsonArray cells)
            {
                problems.Add($"{path}[{r}]: a Table row must be a TableRow with cells");
                continue;
            }

            for (var c = 0; c < cells.Count; c++)
            {
                if (cells[c] is not JsonObject cell || (Text(cell, "type") ?? "TableCell") != "TableCell")
                {
                    problems.Add($"{path}[{r}].cells[{c}]: must be a TableCell");
                    continue;
                }

                CheckElements(cell["items"], $"{path}[{r}].cells[{c}].items", problems, ids);
            }
        }
    }

    private static void CheckActions(JsonNode? node, string path, List<string> problems, HashSet<string> ids)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray array)
        {
            problems.Add($"{path}: must be an array of actions");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            CheckAction(array[i], $"{path}[{i}]", allowShowCard: true, problems, ids);
        }
    }

    private static void CheckSelectAction(JsonObject owner, string path, List<string> problems, HashSet<string> ids)
    {
        if (owner["selectAction"] is { } action)
        {
            CheckAction(action, $"{path}.selectAction", allowShowCard: false, problems, ids);
        }
    }

    private static void CheckAction(JsonNode? node, string path, bool allowShowCard, List<string> problems, HashSet<string> ids)
    {
        if (node is not JsonObject action)
        {
            problems.Add($"{path}: an action must be an object");
            return;
        }

        var type = Text(action, "type");
        if (type == "Action.Execute")
        {
            problems.Add($"{path}.type: Action.Execute is not run by Web Chat; use Action.Submit");
            return;
        }

        if (type is null || !Actions.TryGetValue(type, out var required))
        {
            problems.Add($"{path}.type: \"{type}\" is not an action type of Adaptive Cards {MaxVersion}");
            return;
        }

        if (type == "Action.ShowCard" && !allowShowCard)
        {
            problems.Add($"{path}: Action.ShowCard cannot be a selectAction");
        }

        Require(action, required, path, problems);
        if (type == "Action.Submit" && action["data"] is { } data && data.GetValueKind() is not (JsonValueKind.Object or JsonValueKind.String))
        {
            problems.Add($"{path}.data: must be an object or a string");
        }

        if (type == "Action.ShowCard" && action["card"] is JsonObject shown)
        {
            if (Text(shown, "type") != "AdaptiveCard")
            {
                problems.Add($"{path}.card.type: must be \"AdaptiveCard\"");
            }

            CheckCard(shown, $"{path}.card", problems, ids);
        }
    }

    private static void CheckTyped(JsonNode? node, string path, string type, string[] required, List<string> problems)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (array[i] is not JsonObject item || (Text(item, "type") ?? type) != type)
            {
                problems.Add($"{itemPath}: must be a {type}");
                continue;
            }

            Require(item, required, itemPath, problems);
        }
    }

    private static void Require(JsonObject obj, string[] required, string path, List<string> problems)
    {
        foreach (var property in required)
        {
            if (obj[property] is null)
            {
                problems.Add($"{path}.{property}: required");
            }
            else if (obj[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0 && property is "id" or "url" or "text")
            {
                problems.Add($"{path}.{property}: must not be empty");
            }
        }
    }

    private static string? Text(JsonObject obj, string property) => obj[property] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => Convert.ToString(v, CultureInfo.InvariantCulture),
        _ => null,
    };
}
