using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SelfService.Web.Tests.Configuration;

/// <summary>
/// appsettings.sample.json read as the commented document it is: which configuration keys it
/// names (as real properties, or as <c>"Key": …</c> inside a comment, for settings best left unset)
/// and which of them carry a comment of their own or sit in a commented section.
/// </summary>
internal sealed partial class SampleSettingsFile
{
    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _commented = new(StringComparer.OrdinalIgnoreCase);

    private SampleSettingsFile(string text)
    {
        Text = text;
        Read(Encoding.UTF8.GetBytes(text));
    }

    public static SampleSettingsFile Load() => new(File.ReadAllText(RepositoryFiles.PathOf("appsettings.sample.json")));

    public string Text { get; }

    /// <summary>Every key, ":"-separated; arrays and dictionaries count as one key (their values are examples).</summary>
    public IReadOnlyCollection<string> Keys => _keys;

    public bool Names(string key) => _keys.Contains(key);

    /// <summary>The key, or a section holding it, has a comment just before it.</summary>
    public bool Explains(string key)
    {
        for (var path = key; path.Length > 0; path = path.Contains(':', StringComparison.Ordinal) ? path[..path.LastIndexOf(':')] : string.Empty)
        {
            if (_commented.Contains(path))
            {
                return true;
            }
        }

        return false;
    }

    private void Read(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true });
        var objects = new Stack<string>();   // the path of each open object ("" for the root)
        string? property = null;             // the property whose value comes next
        var commentPending = false;
        var arrayDepth = 0;                  // inside an array value: nothing below counts as a key
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Comment when objects.Count > 0 && arrayDepth == 0:
                    commentPending = true;
                    foreach (Match named in CommentedKey().Matches(reader.GetComment()))
                    {
                        var key = Join(objects.Peek(), named.Groups[1].Value);
                        _keys.Add(key);
                        _commented.Add(key);
                    }

                    break;
                case JsonTokenType.PropertyName when arrayDepth == 0:
                    property = Join(objects.Peek(), reader.GetString()!);
                    _keys.Add(property);
                    if (commentPending)
                    {
                        _commented.Add(property);
                    }

                    commentPending = false;
                    break;
                case JsonTokenType.StartObject when arrayDepth == 0:
                    objects.Push(property ?? string.Empty);
                    if (property is not null && IsDictionary(property))
                    {
                        // Example entries of a dictionary, not keys of their own.
                        reader.Skip();
                        objects.Pop();
                    }

                    property = null;
                    break;
                case JsonTokenType.EndObject when arrayDepth == 0:
                    objects.Pop();
                    break;
                case JsonTokenType.StartArray:
                    arrayDepth++;
                    break;
                case JsonTokenType.EndArray:
                    arrayDepth--;
                    break;
            }
        }
    }

    private static bool IsDictionary(string key) => AppConfigurationKeys.Dictionaries.Contains(key);

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}:{name}";

    [GeneratedRegex("\"([A-Za-z][A-Za-z0-9]*)\"\\s*:")]
    private static partial Regex CommentedKey();
}
