using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfService.BotFramework.DirectLine;
using SelfService.Data.DemoData;
using SelfService.Web.Chat;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.ChatDelivery;

/// <summary>
/// <c>POST /chat/token</c>: the portal's pages get a Direct Line token for the person using them,
/// the secret stays on the server, and signing out ends access to the signed-in conversation.
/// </summary>
public sealed class ChatTokenEndpointTests : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private const string Secret = "chat-token-tests-direct-line-secret-value";
    private readonly WebApplicationFactory<Program> _app;

    public ChatTokenEndpointTests(WebAppFactory factory) =>
        _app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("DirectLine:Secret", Secret);
            b.UseSetting("ChatDelivery:Worker:Enabled", "false");
        });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DirectLineTokens Tokens => _app.Services.GetRequiredService<DirectLineTokens>();

    [Fact]
    public async Task A_signed_in_page_gets_a_token_for_its_account_and_never_the_secret()
    {
        using var client = await PortalSignIn.SignInAsync(_app, DemoCast.ParentEmail);
        var account = await ChatHarness.AccountAsync(_app, DemoCast.ParentEmail);

        using var page = await client.GetAsync("/chat");
        var html = await page.Content.ReadAsStringAsync();
        using var response = await MintAsync(client, html);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"u:{account:D}", token.GetProperty("userId").GetString());
        Assert.True(token.GetProperty("signedIn").GetBoolean());
        var check = Tokens.Check(token.GetProperty("token").GetString());
        Assert.Equal(DirectLineTokenStatus.Valid, check.Status);
        Assert.Equal($"u:{account:D}", check.Claims!.UserId);
        Assert.Equal(token.GetProperty("conversationId").GetString(), check.Claims.ConversationId);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_visitor_gets_an_anonymous_id_kept_for_the_browser_session()
    {
        using var client = PortalSignIn.CreateClient(_app);
        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();

        using var first = await MintAsync(client, html);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ChatTokenEndpoint.AnonymousCookieName + "=", StringComparison.Ordinal));
        using var second = await MintAsync(client, html);
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.StartsWith("anon:", firstId, StringComparison.Ordinal);
        Assert.True(ChatUsers.IsWellFormedAnonymous(firstId));
        Assert.Equal(firstId, secondBody.GetProperty("userId").GetString());
        Assert.False(secondBody.GetProperty("signedIn").GetBoolean());
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);

        using var other = PortalSignIn.CreateClient(_app);
        using var stranger = await MintAsync(other, await (await other.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.NotEqual(firstId, (await stranger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString());
    }

    [Fact]
    public async Task A_page_resumes_its_own_conversation_but_not_after_signing_out()
    {
        using var client = await PortalSignIn.SignInAsync(_app, "resume-" + Guid.NewGuid().ToString("N") + "@example.com");
        var html = await (await client.GetAsync("/chat")).Content.ReadAsStringAsync();
        var minted = await (await MintAsync(client, html)).Content.ReadFromJsonAsync<JsonElement>();
        var conversation = new Conversation(minted.GetProperty("conversationId").GetString()!, minted.GetProperty("token").GetString()!);
        await StartAsync(client, conversation);

        var resumed = await (await MintAsync(client, html, conversation.Id)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.Equal(conversation.Id, resumed.GetProperty("conversationId").GetString());

        using (var signedOut = await Forms.PostAsync(client, "/sign-out"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        var afterHtml = await (await client.GetAsync("/chat")).Content.ReadAsStringAsync();
        var after = await (await MintAsync(client, afterHtml, conversation.Id)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("resumed").GetBoolean());
        Assert.False(after.GetProperty("signedIn").GetBoolean());
        Assert.NotEqual(conversation.Id, after.GetProperty("conversationId").GetString());
        Assert.StartsWith("anon:", after.GetProperty("userId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_conversation_is_never_resumed()
    {
        using var owner = await PortalSignIn.SignInAsync(_app, "owner-" + Guid.NewGuid().ToString("N") + "@example.com");
        var minted = await (await MintAsync(owner, await (await owner.GetAsync("/chat")).Content.ReadAsStringAsync())).Content.ReadFromJsonAsync<JsonElement>();
        var conversation = new Conversation(minted.GetProperty("conversationId").GetString()!, minted.GetProperty("token").GetString()!);
        await StartAsync(owner, conversation);

        using var intruder = await PortalSignIn.SignInAsync(_app, "intruder-" + Guid.NewGuid().ToString("N") + "@example.com");
        var theirs = await (await MintAsync(intruder, await (await intruder.GetAsync("/chat")).Content.ReadAsStringAsync(), conversation.Id)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(theirs.GetProperty("resumed").GetBoolean());
        Assert.NotEqual(conversation.Id, theirs.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Without_the_pages_antiforgery_token_there_is_no_token()
    {
        using var client = PortalSignIn.CreateClient(_app);
        using var response = await client.PostAsJsonAsync(ChatTokenEndpoint.Path, new { conversationId = (string?)null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("token\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_site_cannot_get_a_token_for_a_visitor()
    {
        using var client = PortalSignIn.CreateClient(_app);
        var html = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        using var request = MintRequest(html, null);
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Every_page_offers_Ask_a_question_linking_to_the_chat()
    {
        using var client = PortalSignIn.CreateClient(_app);
        foreach (var path in new[] { "/", "/what-happens-and-when", "/sign-in", "/accessibility" })
        {
            var doc = await Html.ParseAsync(await client.GetAsync(path));
            var link = doc.QuerySelector("#chat-launcher");
            Assert.True(link is not null, $"{path} has no Ask a question link");
            Assert.Equal("/chat", link.GetAttribute("href"));
            Assert.Equal("Ask a question", link.TextContent.Trim());
        }

        var chat = await Html.ParseAsync(await client.GetAsync("/chat"));
        Assert.Equal("Ask a question", chat.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(chat.QuerySelector("[data-chat-client][data-chat-autostart=true]"));
        Assert.Null(chat.QuerySelector("#chat-launcher"));
    }

    private static async Task StartAsync(HttpClient client, Conversation conversation)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", conversation.Token);
        using var started = await client.SendAsync(start);
        started.EnsureSuccessStatusCode();
    }

    private static async Task<HttpResponseMessage> MintAsync(HttpClient client, string pageHtml, string? conversationId = null)
    {
        using var request = MintRequest(pageHtml, conversationId);
        return await client.SendAsync(request);
    }

    private static HttpRequestMessage MintRequest(string pageHtml, string? conversationId)
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(pageHtml);
        var antiforgery = doc.QuerySelector("[data-chat-antiforgery]")?.GetAttribute("data-chat-antiforgery")
            ?? throw new InvalidOperationException("The page has no chat client.");
        var request = new HttpRequestMessage(HttpMethod.Post, ChatTokenEndpoint.Path) { Content = JsonContent.Create(new { conversationId }) };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        return request;
    }
}
