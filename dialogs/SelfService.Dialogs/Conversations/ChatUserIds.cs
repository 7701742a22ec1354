using System.Buffers.Text;
using System.Security.Cryptography;

namespace SelfService.Dialogs.Conversations;

/// <summary>
/// The contract for Direct Line user ids minted by this host: a signed-in portal account is
/// <c>u:{accountId:D}</c>, anyone else <c>anon:{random}</c>. The bot believes a <c>u:</c> id only on
/// turns the in-process Direct Line channel delivered, where the id comes from a token this host signed.
/// </summary>
public static class ChatUserIds
{
    public const string AccountPrefix = "u:";
    public const string AnonymousPrefix = "anon:";

    /// <summary>The Direct Line user id to put in the token of a signed-in portal user.</summary>
    public static string ForAccount(Guid accountId) => AccountPrefix + accountId.ToString("D");

    /// <summary>A fresh user id for a visitor who is not signed in.</summary>
    public static string ForAnonymousVisitor() => AnonymousPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The account an id names, when it has the account form; says nothing about whether to believe it.</summary>
    public static Guid? AccountOf(string? userId) =>
        userId is not null && userId.StartsWith(AccountPrefix, StringComparison.Ordinal) && Guid.TryParseExact(userId[AccountPrefix.Length..], "D", out var id) && id != Guid.Empty
            ? id
            : null;
}
