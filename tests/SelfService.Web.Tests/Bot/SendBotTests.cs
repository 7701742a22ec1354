using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.BotFramework.Builder;
using SelfService.Dialogs;
using SelfService.Web.Hosting;
using SelfService.Web.Tests.DirectLine;

namespace SelfService.Web.Tests.Bot;

/// <summary>The bot the product ships, as Web Chat meets it before anyone signs in.</summary>
public sealed class SendBotTests(SendBotTests.ProductBotFactory factory) : IClassFixture<SendBotTests.ProductBotFactory>
{
    [Fact]
    public void The_product_s_bot_is_the_SEND_bot()
    {
        using var scope = factory.Services.CreateScope();

        Assert.IsType<SendBot>(scope.ServiceProvider.GetRequiredService<IBot>());
    }

    [Fact]
    public async Task A_new_conversation_is_greeted_with_the_council_s_name_and_the_welcome_card()
    {
        using var client = factory.CreateClient();
        var conversationId = await StartAsync(client, "anon:welcome-user");

        var activities = await BotActivitiesAsync(client, conversationId, "anon:welcome-user");

        var council = factory.Services.GetRequiredService<IOptions<CouncilOptions>>().Value;
        Assert.Contains(activities, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains(council.Name, StringComparison.Ordinal));
        var card = Assert.Single(activities, a => a.TryGetProperty("attachments", out _)).GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal("Welcome to SEND Self-Service", card.GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_question_about_a_case_before_sign_in_gets_an_honest_answer_pointing_to_the_portal()
    {
        using var client = factory.CreateClient();
        var conversationId = await StartAsync(client, "anon:question-user");

        using var sent = await client.PostAsJsonAsync(
            $"/v3/directline/conversations/{conversationId}/activities",
            new { type = "message", from = new { id = "anon:question-user" }, text = "where is my son's assessment?" });
        sent.EnsureSuccessStatusCode();

        var texts = (await BotActivitiesAsync(client, conversationId, "anon:question-user"))
            .Where(a => a.TryGetProperty("text", out _)).Select(a => a.GetProperty("text").GetString()!).ToList();
        Assert.Contains(texts, t => t.Contains("/sign-in", StringComparison.Ordinal) && t.Contains("general information", StringComparison.Ordinal));

        using var asked = await client.PostAsJsonAsync(
            $"/v3/directline/conversations/{conversationId}/activities",
            new { type = "message", from = new { id = "anon:question-user" }, text = "I want to start a request" });
        asked.EnsureSuccessStatusCode();
        var after = (await BotActivitiesAsync(client, conversationId, "anon:question-user"))
            .Where(a => a.TryGetProperty("text", out _)).Select(a => a.GetProperty("text").GetString()!).ToList();
        Assert.Contains(after, t => t.Contains("/requests", StringComparison.Ordinal));
    }

    private static async Task<string> StartAsync(HttpClient client, string userId)
    {
        var (conversationId, token) = await DirectLineAppFactory.GenerateAsync(client, userId);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.PostAsync("/v3/directline/conversations", null);
        started.EnsureSuccessStatusCode();
        return conversationId;
    }

    private static async Task<List<JsonElement>> BotActivitiesAsync(HttpClient client, string conversationId, string userId)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities?watermark=");
        return body.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("from").GetProperty("id").GetString() != userId)
            .Select(a => a.Clone())
            .ToList();
    }

    /// <summary>The real host with a known Direct Line secret and the product's own bot (no test bot).</summary>
    public sealed class ProductBotFactory : WebAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DirectLine:Secret", DirectLineAppFactory.Secret);
        }
    }
}
