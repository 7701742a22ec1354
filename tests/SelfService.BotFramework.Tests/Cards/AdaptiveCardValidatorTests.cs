using System.Text.Json.Nodes;
using SelfService.BotFramework.Cards;

namespace SelfService.BotFramework.Tests.Cards;

public sealed class AdaptiveCardValidatorTests
{
    private static IReadOnlyList<string> Validate(string json) => AdaptiveCardValidator.Validate(JsonNode.Parse(json));

    [Fact]
    public void A_minimal_card_with_speak_is_valid()
    {
        Assert.Empty(Validate("""{"type":"AdaptiveCard","version":"1.5","speak":"Hi","body":[{"type":"TextBlock","text":"Hi"}]}"""));
    }

    [Theory]
    [InlineData("""{"version":"1.5","speak":"s","body":[]}""", "$.type")]
    [InlineData("""{"type":"AdaptiveCard","speak":"s","body":[]}""", "$.version: required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.6","speak":"s","body":[]}""", "$.version: \"1.6\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s"}""", "$.body: required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[]}""", "$.speak: required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[{"type":"Carousel"}]}""", "$.body[0].type: \"Carousel\" is not an element type")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[{"type":"TextBlock"}]}""", "$.body[0].text: required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[{"type":"Input.Text","label":"Name"}]}""", "$.body[0].id: required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[{"type":"Input.Date","id":"d"}]}""", "$.body[0].label")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[{"type":"Input.Text","id":"a","label":"A"},{"type":"Input.Text","id":"a","label":"B"}]}""", "\"a\" is used twice")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[],"actions":[{"type":"Action.Execute"}]}""", "Action.Execute is not run by Web Chat")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[],"actions":[{"type":"Action.Http"}]}""", "$.actions[0].type: \"Action.Http\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[],"actions":[{"type":"Action.OpenUrl","title":"x"}]}""", "$.actions[0].url: required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[{"type":"Container","items":[{"type":"ColumnSet","columns":[{"type":"Column","items":[{"type":"Input.Number","id":"n"}]}]}]}]}""", "$.body[0].items[0].columns[0].items[0].label")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[],"actions":[{"type":"Action.ShowCard","card":{"type":"AdaptiveCard","body":[{"type":"Input.Toggle","id":"t","label":"T"}]}}]}""", "$.actions[0].card.body[0].title: required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[{"type":"FactSet","facts":[{"title":"a"}]}]}""", "$.body[0].facts[0].value: required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","speak":"s","body":[],"selectAction":{"type":"Action.ShowCard"}}""", "cannot be a selectAction")]
    public void Each_rule_names_the_place_it_is_broken(string json, string expected)
    {
        var problems = Validate(json);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }
}
