using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SelfService.BotFramework.Cards;
using SelfService.BrowserTests.Infrastructure;

namespace SelfService.BrowserTests.Chat;

/// <summary>
/// Every card template in <c>cards/</c>, expanded with its sample data by the bot's own templating,
/// parsed and rendered in Chromium by the official Adaptive Cards renderer (adaptivecards 3.0.6,
/// the one Web Chat 4.18.1 bundles). Any parse or validation warning fails the card.
/// </summary>
public sealed class ChatCardRenderingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string RenderScript = """
        json => {
          const payload = JSON.parse(json);
          const AC = window.AdaptiveCards;
          const context = new AC.SerializationContext(new AC.Version(1, 5));
          const card = new AC.AdaptiveCard();
          card.parse(payload, context);
          const events = [];
          for (let i = 0; i < context.eventCount; i++) {
            const e = context.getEventAt(i);
            events.push('parse ' + AC.ValidationEvent[e.event] + ': ' + e.message);
          }
          for (const e of card.validateProperties().validationEvents) {
            events.push('validate ' + AC.ValidationEvent[e.event] + ': ' + e.message);
          }
          const rendered = card.render();
          if (!rendered) {
            events.push('render: the renderer produced nothing');
            return JSON.stringify({ events, text: '' });
          }
          const host = document.createElement('section');
          host.appendChild(rendered);
          document.body.appendChild(host);
          return JSON.stringify({ events, text: rendered.innerText });
        }
        """;

    public static TheoryData<string> Templates() => new(TemplateNames());

    [Theory]
    [MemberData(nameof(Templates))]
    public Task The_official_renderer_parses_and_renders_the_card_without_a_warning(string name) => StepsAsync(async () =>
    {
        var template = AdaptiveCardTemplate.Parse(await File.ReadAllTextAsync(Path.Combine(CardsFolder, name + ".json")), name);
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CardsFolder, "samples", name + ".json")));
        var card = template.Expand(sample);

        var result = await RenderAsync(card);

        Assert.True(result.Events.Length == 0, $"{name}: {string.Join("\n", result.Events)}");
        Assert.False(string.IsNullOrWhiteSpace(result.Text), $"{name} rendered no text");
    });

    [Fact]
    public Task The_check_does_fail_on_what_the_renderer_would_warn_about() => StepsAsync(async () =>
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel"},{"type":"TextBlock","text":"x","size":"Hueg"}]}""")!;

        var result = await RenderAsync(card);

        Assert.Contains(result.Events, e => e.Contains("Carousel", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Contains("Hueg", StringComparison.Ordinal));
    });

    [Fact]
    public void Every_template_has_sample_data()
    {
        Assert.NotEmpty(TemplateNames());
        Assert.All(TemplateNames(), name => Assert.True(File.Exists(Path.Combine(CardsFolder, "samples", name + ".json")), $"cards/samples/{name}.json is missing"));
    }

    private async Task<RenderResult> RenderAsync(JsonNode card)
    {
        var errors = new List<string>();
        Page.PageError += (_, error) => errors.Add("page error: " + error);
        await Page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Cards</title></head><body></body></html>");
        await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = await RendererScriptAsync() });
        var json = await Page.EvaluateAsync<string>(RenderScript, card.ToJsonString());
        var result = System.Text.Json.JsonSerializer.Deserialize<RenderResult>(json, Json)!;
        return result with { Events = [.. result.Events, .. errors] };
    }

    private static IEnumerable<string> TemplateNames() =>
        Directory.EnumerateFiles(CardsFolder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    private static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SelfService.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (with SelfService.sln) is not above the test output folder.");
        }
    }

    private static string CardsFolder => Path.Combine(RepositoryRoot, "cards");

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The renderer from npm, pinned by the lock file the card tests already use; installed on first use.</summary>
    private static async Task<string> RendererScriptAsync()
    {
        var folder = Path.Combine(RepositoryRoot, "tests", "SelfService.BotFramework.Tests", "Cards", "renderer");
        var script = Path.Combine(folder, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(script))
            {
                using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund")
                {
                    WorkingDirectory = folder,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                })!;
                var output = npm.StandardOutput.ReadToEndAsync();
                var error = await npm.StandardError.ReadToEndAsync();
                await npm.WaitForExitAsync();
                Assert.True(npm.ExitCode == 0, $"npm ci failed in {folder}:\n{await output}\n{error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return script;
    }

    private sealed record RenderResult(string[] Events, string Text);
}
