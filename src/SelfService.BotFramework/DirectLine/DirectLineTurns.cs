using System.Security.Claims;
using SelfService.BotFramework.Builder;

namespace SelfService.BotFramework.DirectLine;

/// <summary>
/// The identity a turn gets when this host's own Direct Line channel delivered it. Its type, not
/// a claim, marks it: nothing a request to <c>/api/messages</c> carries can make one, so a bot can
/// rely on <see cref="DirectLineTurns.IsInProcess"/> to know that <c>from.id</c> was stamped from
/// a token this host signed.
/// </summary>
public sealed class InProcessDirectLineIdentity : ClaimsIdentity
{
    public const string AuthenticationTypeName = "DirectLine";

    internal InProcessDirectLineIdentity()
        : base([new Claim("channelId", DirectLineChannel.ChannelId)], AuthenticationTypeName)
    {
    }
}

public static class DirectLineTurns
{
    /// <summary>
    /// Whether this turn came through the in-process Direct Line channel, whose user ids come from
    /// tokens this host signed. Azure's Direct Line also says <c>channelId: directline</c>, which is
    /// why the channel id alone proves nothing.
    /// </summary>
    public static bool IsInProcess(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey) is InProcessDirectLineIdentity;
    }
}
