using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SelfService.BotFramework.Cards;

/// <summary>
/// Named card templates (a template's name is its file name without <c>.json</c>), each parsed
/// once. Templates are JSON files that stay editable in the Adaptive Cards Designer; the host
/// copies its <c>cards/</c> folder beside the app, so the same files serve <c>dotnet run</c>, the
/// tests and a published app. Every expansion is checked with <see cref="AdaptiveCardValidator"/>,
/// so a template that expands to an invalid card fails loudly rather than rendering badly.
/// </summary>
public sealed class CardTemplates
{
    /// <summary>The MIME type of an Adaptive Card attachment.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private readonly Func<string, string?> _read;
    private readonly ConcurrentDictionary<string, AdaptiveCardTemplate> _parsed = new(StringComparer.Ordinal);

    private CardTemplates(string source, Func<string, string?> read, IReadOnlyList<string> names)
    {
        Source = source;
        _read = read;
        Names = names;
    }

    /// <summary>Where the templates come from, for error messages.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Templates from a folder of <c>*.json</c> files.</summary>
    public static CardTemplates FromDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The card templates folder '{directory}' does not exist.");
        }

        var names = Directory.GetFiles(directory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return new CardTemplates(directory, name =>
        {
            var path = Path.Combine(directory, name + ".json");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }, names);
    }

    /// <summary>The folder <c>cards</c> beside the running app (where the host copies the templates).</summary>
    public static CardTemplates FromAppDirectory() => FromDirectory(Path.Combine(AppContext.BaseDirectory, "cards"));

    /// <summary>Templates embedded in an assembly under the logical names <c>{prefix}{name}.json</c>.</summary>
    public static CardTemplates FromEmbeddedResources(Assembly assembly, string prefix = "cards/")
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        return new CardTemplates($"{assembly.GetName().Name} resources", name =>
        {
            using var stream = assembly.GetManifestResourceStream(prefix + name + ".json");
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }, names);
    }

    public AdaptiveCardTemplate Get(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _parsed.GetOrAdd(name, n =>
        {
            var json = _read(n) ?? throw new CardTemplateException(
                $"There is no card template '{n}' in {Source}. Known templates: {string.Join(", ", Names)}.");
            return AdaptiveCardTemplate.Parse(json, n);
        });
    }

    /// <summary>The expanded card as an attachment, ready for <c>MessageFactory.Attachment</c>.</summary>
    public Schema.Attachment Attachment(string name, object? data) => new(ContentType, Expand(name, data));

    /// <summary>Expands the named template with data and checks the result is a valid card.</summary>
    public JsonObject Expand(string name, object? data)
    {
        var card = Get(name).Expand(data);
        AdaptiveCardValidator.EnsureValid(card, name);
        return card;
    }
}
