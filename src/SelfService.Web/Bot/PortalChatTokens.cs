using SelfService.BotFramework.DirectLine;
using SelfService.Dialogs.Conversations;
using SelfService.Web.Identity;

namespace SelfService.Web.Bot;

/// <summary>
/// Mints the Direct Line token for the portal's Web Chat, with the user id the bot believes: the
/// signed-in account as <c>u:{accountId:D}</c>, anyone else a fresh <c>anon:…</c>. The id comes
/// from the session, never from the browser, and no name goes into the token.
/// </summary>
public sealed class PortalChatTokens(IPortalUser user, DirectLineTokens tokens)
{
    public string UserId => user.IsSignedIn ? ChatUserIds.ForAccount(user.AccountId) : ChatUserIds.ForAnonymousVisitor();

    public DirectLineTokenResponse Mint() => tokens.Generate(UserId, null);
}
