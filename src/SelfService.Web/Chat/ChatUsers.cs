using System.Buffers.Text;
using System.Security.Cryptography;
using SelfService.Dialogs.Conversations;

namespace SelfService.Web.Chat;

/// <summary>
/// The user ids the portal puts in the Direct Line tokens it mints, which the bot reads to know
/// who it is talking to: <c>u:{accountId}</c> for a signed-in account, <c>anon:{random}</c> for a
/// visitor who has not signed in (general information only). The account form is the bot's own
/// contract (<see cref="ChatUserIds"/>); anonymous ids here are 128-bit, kept in a session cookie.
/// </summary>
public static class ChatUsers
{
    public const string AccountPrefix = ChatUserIds.AccountPrefix;

    public const string AnonymousPrefix = ChatUserIds.AnonymousPrefix;

    public static string ForAccount(Guid accountId) =>
        accountId == Guid.Empty
            ? throw new ArgumentException("A signed-in chat user needs an account.", nameof(accountId))
            : ChatUserIds.ForAccount(accountId);

    /// <summary>A new anonymous id: 128 random bits, so one visitor cannot guess another's.</summary>
    public static string NewAnonymous() => AnonymousPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>True for an id <see cref="NewAnonymous"/> could have made (the cookie is not trusted blindly).</summary>
    public static bool IsWellFormedAnonymous(string? userId)
    {
        if (userId is null || !userId.StartsWith(AnonymousPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[24];
        var random = userId.AsSpan(AnonymousPrefix.Length);
        return random.Length == 22 && Base64Url.TryDecodeFromChars(random, bytes, out var written) && written == 16;
    }

    public static bool TryGetAccountId(string? userId, out Guid accountId)
    {
        accountId = ChatUserIds.AccountOf(userId) ?? Guid.Empty;
        return accountId != Guid.Empty;
    }
}
