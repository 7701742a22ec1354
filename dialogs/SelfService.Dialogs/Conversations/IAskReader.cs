namespace SelfService.Dialogs.Conversations;

/// <summary>Turns what the user typed into an <see cref="Ask"/>, matching names only against the user's own children.</summary>
public interface IAskReader
{
    Task<Ask> ReadAsync(string text, IReadOnlyList<ChatSubject> subjects, bool isSignedIn, CancellationToken cancellationToken);
}
