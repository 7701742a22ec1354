using System.Text.Json.Nodes;
using SelfService.BotFramework.Cards;

namespace SelfService.BotFramework.Tests.Cards;

/// <summary>The product's templates in the top-level cards/ folder, expanded with their sample data.</summary>
public sealed class CardTemplatesTests
{
    private static readonly string CardsFolder = Path.Combine(AppContext.BaseDirectory, "cards");

    private static readonly CardTemplates Templates = CardTemplates.FromAppDirectory();

    public static TheoryData<string> Names() => new(Templates.Names);

    private static JsonNode Sample(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(CardsFolder, "samples", name + ".json")))!;

    [Fact]
    public void The_cards_folder_is_beside_the_app_with_the_example_templates()
    {
        Assert.Equal(["caseworker-contact", "confirmation", "enquiry", "member-enquiry", "next-steps", "query-form", "status", "timeline", "welcome"], Templates.Names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_template_expands_with_its_sample_data_to_a_valid_1_5_card(string name)
    {
        var card = Templates.Expand(name, Sample(name));

        Assert.Empty(AdaptiveCardValidator.Validate(card));
        Assert.DoesNotContain("${", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"$data\"", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"$when\"", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_Web_Chat_renderer_parses_every_expanded_template_without_complaint(string name)
    {
        var card = Templates.Expand(name, Sample(name));

        Assert.Empty(await CardRenderer.CheckAsync(card));
    }

    [Fact]
    public async Task The_renderer_check_does_catch_what_Web_Chat_would_not_render()
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel"},{"type":"TextBlock","text":"x","size":"Hueg"}]}""")!;

        var events = await CardRenderer.CheckAsync(card);

        Assert.Contains(events, e => e.Contains("Carousel", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("Hueg", StringComparison.Ordinal));
    }

    [Fact]
    public void The_welcome_card_offers_submit_actions_and_greets_by_name_only_when_known()
    {
        var known = Templates.Expand("welcome", Sample("welcome"));
        var anonymous = Templates.Expand("welcome", new { serviceName = "SEND Self-Service" });

        Assert.Contains(known["body"]!.AsArray(), e => e!["text"]!.GetValue<string>() == "Hello Helen.");
        Assert.DoesNotContain(anonymous["body"]!.AsArray(), e => e!["text"]!.GetValue<string>().StartsWith("Hello", StringComparison.Ordinal));
        var submits = known["actions"]!.AsArray().Where(a => a!["type"]!.GetValue<string>() == "Action.Submit").ToList();
        Assert.Equal(["status", "request", "enquiry"], submits.Select(a => a!["data"]!["action"]!.GetValue<string>()));
        Assert.DoesNotContain(anonymous["actions"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "Action.OpenUrl");
        Assert.Equal("Welcome to SEND Self-Service. You can check a request, start a new one, or ask a question.", known["speak"]!.GetValue<string>());
    }

    [Fact]
    public void The_status_card_lists_one_row_per_milestone_with_its_state()
    {
        var card = Templates.Expand("status", Sample("status"));

        var rows = card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "ColumnSet").ToList();
        Assert.Equal(["milestone-0", "milestone-1", "milestone-2"], rows.Select(r => r!["id"]!.GetValue<string>()));
        var states = rows.Select(r => r!["columns"]![2]!["items"]!.AsArray().Single()!["text"]!.GetValue<string>());
        Assert.Equal(["Done", "To do", "To do"], states);
        Assert.Equal("Decision to assess", rows[1]!["columns"]![0]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain(card["body"]!.AsArray(), e => e!["text"]?.GetValue<string>() == "This step is late. The council has been told.");
    }

    [Fact]
    public void The_status_card_marks_lateness_and_says_when_there_are_no_dates()
    {
        var late = Templates.Expand("status", new
        {
            childName = "Maisie", reference = "EHC-1", nextStep = "x", isOverdue = true,
            milestones = new[] { new { name = "Decision", due = "1 May", done = false, late = true } },
        });
        var empty = Templates.Expand("status", new { childName = "Maisie", reference = "EHC-1", nextStep = "x", isOverdue = false, milestones = Array.Empty<object>() });

        Assert.Contains(late["body"]!.AsArray(), e => e!["text"]?.GetValue<string>() == "This step is late. The council has been told.");
        Assert.Equal("Late", late["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "ColumnSet")!["columns"]![2]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(empty["body"]!.AsArray(), e => e!["text"]?.GetValue<string>() == "There are no dates to show yet.");
        Assert.DoesNotContain(empty["body"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "ColumnSet");
    }

    [Fact]
    public void The_enquiry_card_repeats_choices_and_labels_every_input()
    {
        var card = Templates.Expand("enquiry", Sample("enquiry"));

        var choices = card["body"]![1]!["choices"]!.AsArray();
        Assert.Equal(["timeline", "advice", "other"], choices.Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal("EHC-2026-0042", card["actions"]![0]!["data"]!["reference"]!.GetValue<string>());
    }

    [Fact]
    public void A_card_goes_out_as_an_adaptive_card_attachment_on_the_wire()
    {
        var activity = BotFramework.Builder.MessageFactory.Attachment(Templates.Attachment("welcome", Sample("welcome")));

        var wire = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(activity, BotFramework.Schema.BotJson.Options))!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", wire["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", wire["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
        Assert.Equal("Welcome to SEND Self-Service", wire["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void An_unknown_template_name_lists_the_known_ones()
    {
        var e = Assert.Throws<CardTemplateException>(() => Templates.Get("nope"));

        Assert.Contains("caseworker-contact, confirmation, enquiry, member-enquiry, next-steps, query-form, status, timeline, welcome", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_can_be_embedded_in_an_assembly_too()
    {
        var embedded = CardTemplates.FromEmbeddedResources(typeof(CardTemplatesTests).Assembly, "test-cards/");

        Assert.Equal(["embedded"], embedded.Names);
        Assert.Equal("Embedded for Sam", embedded.Expand("embedded", new { name = "Sam" })["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Expanding_a_template_into_an_invalid_card_fails_loudly()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "bad.json"), """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"${id}"}]}""");
            var templates = CardTemplates.FromDirectory(folder.FullName);

            var e = Assert.Throws<CardTemplateException>(() => templates.Expand("bad", new { id = "q" }));

            Assert.Contains("$.speak", e.Message, StringComparison.Ordinal);
            Assert.Contains("$.body[0].label", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
