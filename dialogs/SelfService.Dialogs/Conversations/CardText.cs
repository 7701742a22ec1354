using System.Text;

namespace SelfService.Dialogs.Conversations;

/// <summary>
/// Text going into a card or a markdown message from the case store (names, reasons a caseworker
/// typed): markdown and HTML characters are escaped so nothing stored can become a link or markup.
/// What users type is never put into a card at all.
/// </summary>
public static class CardText
{
    // What can start markup: emphasis, code, links and images (which need a bracket), HTML, tables,
    // strike-through, headings. Hyphens and full stops stay as they are: references are full of them.
    private const string Special = "\\`*_[]<>#|~";

    public static string Plain(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append(' ');
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
