using System.Text.Json;
using Microsoft.Playwright;

namespace SelfService.BrowserTests.Chat;

/// <summary>The portal's chat as a person sees it: the panel or the /chat page, with Web Chat inside.</summary>
internal static class ChatPage
{
    public const string SendBox = "[data-id='webchat-sendbox-input']";

    /// <summary>SHA-256 of no content at all, as a CSP report names it (Web Chat adds an empty style block).</summary>
    private const string EmptyContentHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    /// <summary>A paragraph of a message in the transcript (Web Chat also keeps hidden copies for screen readers).</summary>
    public static ILocator Said(IPage page, string text) =>
        page.Locator(".webchat__bubble__content", new() { HasTextString = text }).First;

    public static async Task SendAsync(IPage page, string text)
    {
        var box = page.Locator(SendBox);
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>The conversation this tab is in, as chat.js keeps it (user id and conversation id, nothing secret).</summary>
    public static async Task<(string UserId, string ConversationId)> CurrentAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('selfservice.chat')");
        Assert.False(string.IsNullOrEmpty(json), "The chat has not started in this tab.");
        using var doc = JsonDocument.Parse(json!);
        return (doc.RootElement.GetProperty("userId").GetString()!, doc.RootElement.GetProperty("conversationId").GetString()!);
    }

    /// <summary>Waits for something the server does in the background; the limit is a safety net, not a claim about speed.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting: {what}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>CSP violations, script errors and failed requests, which Web Chat otherwise hides.</summary>
    public static List<string> WatchForProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error"
                && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && !message.Text.Contains(EmptyContentHash, StringComparison.Ordinal))
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        return problems;
    }
}
