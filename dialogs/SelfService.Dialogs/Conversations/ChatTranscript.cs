namespace SelfService.Dialogs.Conversations;

/// <summary>
/// The recent lines of this conversation, kept in conversation state on every channel, so that
/// "talk to a person" can pass on what was said without asking the user to repeat it.
/// </summary>
public sealed class ChatTranscript
{
    public const int MaxLineLength = 600;

    public List<string> Lines { get; set; } = [];

    public void Add(string speaker, string? text, int keep)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var line = text.Trim().ReplaceLineEndings(" ");
        if (line.Length > MaxLineLength)
        {
            line = line[..MaxLineLength] + "…";
        }

        Lines.Add($"{speaker}: {line}");
        if (Lines.Count > keep)
        {
            Lines.RemoveRange(0, Lines.Count - keep);
        }
    }

    public override string ToString() => string.Join('\n', Lines);
}
