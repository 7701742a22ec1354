using System.Text.Json;
using System.Text.Json.Nodes;
using SelfService.BotFramework.Cards;

namespace SelfService.BotFramework.Tests.Cards;

public sealed class AdaptiveCardTemplateTests
{
    private static JsonObject Expand(string template, object? data) => AdaptiveCardTemplate.Parse(template).Expand(data);

    private static JsonObject Card(string bodyItem) =>
        JsonNode.Parse($$"""{"type":"AdaptiveCard","version":"1.5","body":[{{bodyItem}}]}""")!.AsObject();

    [Fact]
    public void A_whole_string_binding_keeps_the_type_of_the_value()
    {
        var card = Expand("""{"a":"${count}","b":"${flag}","c":"${list}","d":"${obj}"}""",
            new { count = 3, flag = true, list = new[] { 1, 2 }, obj = new { x = "y" } });

        Assert.Equal(JsonValueKind.Number, card["a"]!.GetValueKind());
        Assert.Equal(3, card["a"]!.GetValue<int>());
        Assert.Equal(JsonValueKind.True, card["b"]!.GetValueKind());
        Assert.Equal("[1,2]", card["c"]!.ToJsonString());
        Assert.Equal("""{"x":"y"}""", card["d"]!.ToJsonString());
    }

    [Fact]
    public void A_binding_inside_text_becomes_text()
    {
        var card = Expand("""{"text":"You have ${count} messages, urgent: ${flag}. ${missing}End"}""", new { count = 3, flag = false });

        Assert.Equal("You have 3 messages, urgent: false. End", card["text"]!.GetValue<string>());
    }

    [Fact]
    public void Dotted_paths_indexes_and_root_are_followed()
    {
        var card = Expand("""{"a":"${child.name}","b":"${child.schools[1].name}","c":"${$root.child['name']}","d":"${child.schools[5].name}"}""",
            JsonNode.Parse("""{"child":{"name":"Sam","schools":[{"name":"Oak"},{"name":"Elm"}]}}"""));

        Assert.Equal("Sam", card["a"]!.GetValue<string>());
        Assert.Equal("Elm", card["b"]!.GetValue<string>());
        Assert.Equal("Sam", card["c"]!.GetValue<string>());
        Assert.False(card.ContainsKey("d"), "a whole binding to a missing path drops the property");
    }

    [Fact]
    public void Data_given_as_a_JsonElement_is_read_too()
    {
        using var document = JsonDocument.Parse("""{"name":"Maisie"}""");

        var card = Expand("""{"text":"Hello ${name}"}""", document.RootElement);

        Assert.Equal("Hello Maisie", card["text"]!.GetValue<string>());
    }

    [Fact]
    public void Data_over_an_array_repeats_the_element_with_its_index_and_root()
    {
        var template = Card("""{"type":"TextBlock","$data":"${items}","id":"item-${$index}","text":"${$index}: ${name} of ${$root.owner}"}""").ToJsonString();

        var card = Expand(template, new { owner = "Helen", items = new[] { new { name = "a" }, new { name = "b" }, new { name = "c" } } });

        var texts = card["body"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["0: a of Helen", "1: b of Helen", "2: c of Helen"], texts);
        Assert.Equal("item-2", card["body"]![2]!["id"]!.GetValue<string>());
        Assert.All(card["body"]!.AsArray(), e => Assert.False(e!.AsObject().ContainsKey("$data")));
    }

    [Fact]
    public void Data_over_an_empty_or_missing_array_gives_no_copies()
    {
        var template = Card("""{"type":"TextBlock","$data":"${items}","text":"${name}"}""").ToJsonString();

        Assert.Empty(Expand(template, new { items = Array.Empty<object>() })["body"]!.AsArray());
        Assert.Empty(Expand(template, new { other = 1 })["body"]!.AsArray());
    }

    [Fact]
    public void Data_on_an_object_rebinds_the_scope_for_everything_inside()
    {
        var template = Card("""{"type":"Container","$data":"${child}","items":[{"type":"TextBlock","text":"${name} (${$data.age}) for ${$root.parent}"}]}""").ToJsonString();

        var card = Expand(template, new { parent = "Helen", child = new { name = "Sam", age = 9 } });

        Assert.Equal("Sam (9) for Helen", card["body"]![0]!["items"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Data_can_be_a_literal_array_in_the_template()
    {
        var template = Card("""{"type":"TextBlock","$data":[{"n":"x"},{"n":"y"}],"text":"${n}"}""").ToJsonString();

        var card = Expand(template, null);

        Assert.Equal(2, card["body"]!.AsArray().Count);
        Assert.Equal("y", card["body"]![1]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("${show}", true)]
    [InlineData("${!show}", false)]
    [InlineData("${stage == 'Assessment'}", true)]
    [InlineData("${stage != \"Assessment\"}", false)]
    [InlineData("${count == 2}", true)]
    [InlineData("${count > 1 && count <= 2}", true)]
    [InlineData("${count < 2 || show}", true)]
    [InlineData("${count < 2 || !show}", false)]
    [InlineData("${flag == false}", true)]
    [InlineData("${empty(items)}", false)]
    [InlineData("${empty(none)}", true)]
    [InlineData("${empty(blank)}", true)]
    [InlineData("${exists(stage)}", true)]
    [InlineData("${exists(nothing)}", false)]
    [InlineData("${exists(none)}", false)]
    [InlineData("${not(exists(nothing)) && (count == 1 || count == 2)}", true)]
    [InlineData("${count(items) == 2}", true)]
    [InlineData("${items[0] == 'a'}", true)]
    [InlineData("${nothing == null}", true)]
    [InlineData("${blank}", false)]
    [InlineData("${stage}", true)]
    [InlineData("${0}", false)]
    [InlineData("${true}", true)]
    public void When_keeps_or_drops_the_element(string when, bool kept)
    {
        var template = Card($$"""{"type":"TextBlock","$when":"{{when.Replace("\"", "\\\"", StringComparison.Ordinal)}}","text":"x"}""").ToJsonString();

        var card = Expand(template, JsonNode.Parse("""{"show":true,"flag":false,"stage":"Assessment","count":2,"items":["a","b"],"none":null,"blank":""}"""));

        Assert.Equal(kept ? 1 : 0, card["body"]!.AsArray().Count);
    }

    [Fact]
    public void When_is_evaluated_per_repeated_item()
    {
        var template = Card("""{"type":"TextBlock","$data":"${items}","$when":"${done}","text":"${name}"}""").ToJsonString();

        var card = Expand(template, new { items = new[] { new { name = "a", done = true }, new { name = "b", done = false }, new { name = "c", done = true } } });

        Assert.Equal(["a", "c"], card["body"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("${formatDateTime(due)}", "formatDateTime")]
    [InlineData("${if(done, 'a', 'b')}", "'if(…)'")]
    [InlineData("${$host.name}", "$host")]
    [InlineData("${count + 1}", "'+ 1'")]
    [InlineData("${a ==}", "where a value was expected")]
    [InlineData("${(a}", "where ')' was expected")]
    [InlineData("${}", "empty expression")]
    [InlineData("${name", "no closing")]
    public void Anything_outside_the_subset_is_refused_with_a_clear_error(string binding, string expected)
    {
        var e = Assert.Throws<CardTemplateException>(() => AdaptiveCardTemplate.Parse($$"""{"text":"{{binding}}"}""", "broken"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("'broken'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_refused()
    {
        var e = Assert.Throws<CardTemplateException>(() => AdaptiveCardTemplate.Parse("{\"type\":", "half"));

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeating_outside_an_array_is_refused()
    {
        var template = AdaptiveCardTemplate.Parse("""{"selectAction":{"$data":"${items}","type":"Action.Submit"}}""", "odd");

        var e = Assert.Throws<CardTemplateException>(() => template.Expand(new { items = new[] { 1, 2 } }));

        Assert.Contains("selectAction", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_template_is_not_changed_by_expanding_it()
    {
        var template = AdaptiveCardTemplate.Parse(Card("""{"type":"TextBlock","$data":"${items}","text":"${name}"}""").ToJsonString());

        var first = template.Expand(new { items = new[] { new { name = "a" } } });
        var second = template.Expand(new { items = new[] { new { name = "b" }, new { name = "c" } } });

        Assert.Single(first["body"]!.AsArray());
        Assert.Equal(2, second["body"]!.AsArray().Count);
    }
}
