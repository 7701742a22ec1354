using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.BotFramework.Schema;

/// <summary>Buttons shown once, under the last message, that disappear when one is chosen.</summary>
public sealed class SuggestedActions
{
    public SuggestedActions()
    {
    }

    public SuggestedActions(IEnumerable<string>? to, IEnumerable<CardAction> actions)
    {
        To = to?.ToList();
        Actions = actions.ToList();
    }

    /// <summary>Ids of the recipients who should see the actions; everyone when absent.</summary>
    public IList<string>? To { get; set; }

    public IList<CardAction>? Actions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
