using System.Net;
using SelfService.Data.DemoData;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Chat;

/// <summary>Linking a chat on another channel (Teams, say) to a portal account by a one-time code, through <c>/api/messages</c>.</summary>
public sealed class ChatLinkTests(ChatWebAppFactory factory) : IClassFixture<ChatWebAppFactory>
{
    private const string Teams = "msteams";

    private string SamReference => DemoCast.SamCaseReference(factory.Today());

    private async Task<string> CodeForAsync(string email)
    {
        var client = await factory.ClientForAsync(email);
        using var response = await Forms.PostAsync(client, "/chat/link");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var doc = await Html.ParseAsync(response);
        return doc.QuerySelector("#chat-code")!.TextContent.Trim();
    }

    private async Task<string> SayAsync(string userId, string conversationId, string text) =>
        string.Join("\n", (await factory.ViaApiMessagesAsync(Teams, userId, conversationId, text)).Select(a => a.Text));

    [Fact]
    public async Task The_link_page_needs_sign_in()
    {
        using var anonymous = PortalSignIn.CreateClient(factory);

        using var response = await anonymous.GetAsync("/chat/link");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fchat%2Flink", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_code_from_the_portal_links_the_channel_user_until_they_say_forget_me()
    {
        var user = $"29:teams-{Guid.NewGuid():N}";
        var conversation = $"teams-conv-{Guid.NewGuid():N}";
        var before = await SayAsync(user, conversation, "How is Sam doing?");
        Assert.Contains("/chat/link", before, StringComparison.Ordinal);
        Assert.DoesNotContain(SamReference, before, StringComparison.Ordinal);

        var code = await CodeForAsync(DemoCast.ParentEmail);
        Assert.Matches("^[0-9]{6}$", code);
        var linked = await SayAsync(user, conversation, code);
        var status = await SayAsync(user, conversation, "How is Sam doing?");
        var reused = await SayAsync($"29:teams-{Guid.NewGuid():N}", conversation, code);

        Assert.Contains("that code is right", linked, StringComparison.Ordinal);
        Assert.Contains($"Sam Carter: request {SamReference}", status, StringComparison.Ordinal);
        Assert.Contains("not right or has expired", reused, StringComparison.Ordinal);

        var forgotten = await SayAsync(user, conversation, "forget me");
        var after = await SayAsync(user, conversation, "How is Sam doing?");

        Assert.Contains("no longer linked", forgotten, StringComparison.Ordinal);
        Assert.DoesNotContain(SamReference, after, StringComparison.Ordinal);
        Assert.Contains("/chat/link", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_or_expired_code_is_refused_and_guessing_is_stopped()
    {
        var code = await CodeForAsync(DemoCast.ParentEmail);
        var wrong = code == "000000" ? "111111" : "000000";
        var user = $"29:teams-{Guid.NewGuid():N}";
        var conversation = $"teams-conv-{Guid.NewGuid():N}";

        var refused = await SayAsync(user, conversation, wrong);
        factory.Time.Offset = TimeSpan.FromMinutes(11);
        string expired;
        try
        {
            expired = await SayAsync(user, conversation, code);
        }
        finally
        {
            factory.Time.Offset = TimeSpan.Zero;
        }

        Assert.Contains("not right or has expired", refused, StringComparison.Ordinal);
        Assert.Contains("not right or has expired", expired, StringComparison.Ordinal);
        Assert.DoesNotContain(SamReference, await SayAsync(user, conversation, "How is Sam doing?"), StringComparison.Ordinal);

        // Three more wrong guesses reach the limit; after it even the right code is not tried.
        for (var i = 0; i < 3; i++)
        {
            await SayAsync(user, conversation, wrong);
        }

        var fresh = await CodeForAsync(DemoCast.ParentEmail);
        Assert.Contains("too many codes", await SayAsync(user, conversation, fresh), StringComparison.Ordinal);
    }
}
