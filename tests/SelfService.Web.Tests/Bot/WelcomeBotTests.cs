using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfService.Web.Hosting;
using SelfService.Web.Tests.DirectLine;

namespace SelfService.Web.Tests.Bot;

/// <summary>The bot the product ships until the SEND conversations arrive, as Web Chat would meet it.</summary>
public sealed class WelcomeBotTests(WelcomeBotTests.ProductBotFactory factory) : IClassFixture<WelcomeBotTests.ProductBotFactory>
{
    [Fact]
    public async Task A_message_gets_an_honest_answer_pointing_to_the_portal_pages()
    {
        using var client = factory.CreateClient();
        var (conversationId, token) = await DirectLineAppFactory.GenerateAsync(client, "dl-welcome-user");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.PostAsync("/v3/directline/conversations", null);
        started.EnsureSuccessStatusCode();

        using var sent = await client.PostAsJsonAsync(
            $"/v3/directline/conversations/{conversationId}/activities",
            new { type = "message", from = new { id = "dl-welcome-user" }, text = "where is my son's assessment?" });
        sent.EnsureSuccessStatusCode();

        var texts = await BotTextsAsync(client, conversationId);
        Assert.Contains(texts, t => t.Contains("cannot yet answer questions about a request or a plan", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("/requests", StringComparison.Ordinal) && t.Contains("/cases", StringComparison.Ordinal));
        var teamEmail = factory.Services.GetRequiredService<IOptions<CouncilOptions>>().Value.SendTeamEmail;
        Assert.Contains(texts, t => t.Contains(teamEmail, StringComparison.Ordinal));
    }

    private static async Task<List<string>> BotTextsAsync(HttpClient client, string conversationId)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities?watermark=");
        return body.GetProperty("activities").EnumerateArray()
            .Where(a => a.GetProperty("from").GetProperty("id").GetString() != "dl-welcome-user" && a.TryGetProperty("text", out _))
            .Select(a => a.GetProperty("text").GetString()!)
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
