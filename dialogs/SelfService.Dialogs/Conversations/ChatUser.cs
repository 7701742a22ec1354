using SelfService.BotFramework.Builder;
using SelfService.BotFramework.DirectLine;
using SelfService.Data;
using SelfService.Data.Access;
using SelfService.Data.Conversations;
using SelfService.Domain.Access;

namespace SelfService.Dialogs.Conversations;

/// <summary>How the bot knows who it is talking to.</summary>
public enum ChatIdentitySource
{
    /// <summary>Nobody known: general information only.</summary>
    Anonymous,

    /// <summary>The portal's signed-in user, by a Direct Line token this host signed.</summary>
    PortalToken,

    /// <summary>A channel identity the account holder linked with a one-time code.</summary>
    LinkedChannel,
}

/// <summary>The person in this turn, as the case-access policy sees them.</summary>
public sealed record ChatUser(Viewer Viewer, ChatIdentitySource Source, bool IsInProcessChannel, string ChannelId, string ChannelUserId)
{
    public bool IsKnown => Viewer.IsSignedIn;

    /// <summary>
    /// Works out who sent the turn. A name the user types never counts: only a token this host
    /// signed (in-process Direct Line) or a link made with a one-time code (every other channel).
    /// </summary>
    public static async Task<ChatUser> ForTurnAsync(ITurnContext turnContext, CaseStoreDbContext db, ChatLinks links, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(links);
        var channelId = turnContext.Activity.ChannelId ?? string.Empty;
        var userId = turnContext.Activity.From?.Id ?? string.Empty;
        var inProcess = DirectLineTurns.IsInProcess(turnContext);

        Guid? accountId;
        ChatIdentitySource source;
        if (inProcess)
        {
            accountId = ChatUserIds.AccountOf(userId);
            source = ChatIdentitySource.PortalToken;
        }
        else
        {
            accountId = channelId.Length == 0 || userId.Length == 0 ? null : await links.FindAccountAsync(channelId, userId, cancellationToken);
            source = ChatIdentitySource.LinkedChannel;
        }

        // Staff see the chat as members of the public: their case work belongs in the staff console.
        var viewer = accountId is { } id ? await db.ForAccountIdAsync(id, today, cancellationToken) : Viewer.Anonymous;
        return new ChatUser(viewer, viewer.IsSignedIn ? source : ChatIdentitySource.Anonymous, inProcess, channelId, userId);
    }
}
