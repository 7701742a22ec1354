using System.Net;
using System.Net.Http.Json;
using SelfService.BotFramework.Schema;
using SelfService.Web.Bot;

namespace SelfService.Web.Tests.Bot;

public sealed class BotStartupTests
{
    private sealed class ProductionWithoutAppIdFactory : WebAppFactory
    {
        protected override string EnvironmentName => "Production";
    }

    [Fact]
    public void Outside_development_the_host_will_not_start_without_an_app_id()
    {
        using var factory = new ProductionWithoutAppIdFactory();

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        var messages = Messages(error).ToList();
        Assert.Contains(messages, m => m.Contains("The bot has no App ID (setting Bot:MicrosoftAppId) in the Production environment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_app_id_and_no_token_validation_every_activity_is_refused()
    {
        using var factory = new ProductionWebAppFactory();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Channels.Emulator,
            ServiceUrl = "https://attacker.example/",
            Conversation = new ConversationAccount("c1"),
            Text = "hi",
        };

        using var response = await factory.CreateClient().PostAsJsonAsync(BotHosting.MessagesPath, activity, BotJson.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Messages(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Messages))
                {
                    yield return inner;
                }
            }
        }
    }
}
