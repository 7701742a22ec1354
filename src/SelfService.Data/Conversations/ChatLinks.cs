using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SelfService.Data.Conversations;

public enum ChatLinkOutcome
{
    Linked,

    /// <summary>Wrong, used or expired: the user is told the same for all three.</summary>
    Refused,

    /// <summary>Too many wrong codes from this channel user lately.</summary>
    TooManyAttempts,
}

/// <summary>
/// Links a channel identity to a portal account by a one-time code: the account holder gets the
/// code on a signed-in portal page and types it into the other channel. Names are never used.
/// </summary>
public sealed class ChatLinks(CaseStoreDbContext db, TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes allowed per channel user in <see cref="FailureWindow"/>: enough for typos, far too few to guess 1 in a million.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    /// <summary>Issues a new code for the account; earlier unused codes stop working.</summary>
    public async Task<(string Code, DateTime ExpiresAtUtc)> IssueCodeAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var earlier = await db.Set<ChatLinkCode>().Where(c => c.AccountId == accountId && c.UsedAtUtc == null).ToListAsync(cancellationToken);
        foreach (var old in earlier)
        {
            old.Use(now);
        }

        string code, hash;
        do
        {
            code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            hash = Hash(code);
        }
        while (await db.Set<ChatLinkCode>().AnyAsync(c => c.CodeHash == hash && c.UsedAtUtc == null && c.ExpiresAtUtc > now, cancellationToken));

        var expires = now + CodeLifetime;
        db.Set<ChatLinkCode>().Add(new ChatLinkCode(Guid.NewGuid(), accountId, hash, now, expires));
        await db.SaveChangesAsync(cancellationToken);
        return (code, expires);
    }

    /// <summary>Whether text looks like a link code (6 digits, spaces allowed): the bot then tries it rather than reading it as a question.</summary>
    public static string? AsCode(string? text)
    {
        var digits = new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public async Task<ChatLinkOutcome> RedeemAsync(string channelId, string channelUserId, string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(channelUserId);
        var now = Now();
        var since = now - FailureWindow;
        var failures = await db.Set<ChatLinkFailure>()
            .CountAsync(f => f.ChannelId == channelId && f.ChannelUserId == channelUserId && f.AtUtc > since, cancellationToken);
        if (failures >= MaxFailures)
        {
            return ChatLinkOutcome.TooManyAttempts;
        }

        var hash = AsCode(code) is { } digits ? Hash(digits) : null;
        var found = hash is null ? null : await db.Set<ChatLinkCode>().FirstOrDefaultAsync(c => c.CodeHash == hash && c.UsedAtUtc == null, cancellationToken);
        if (found is null || !found.IsUsable(now))
        {
            db.Set<ChatLinkFailure>().Add(new ChatLinkFailure(Guid.NewGuid(), channelId, channelUserId, now));
            await db.SaveChangesAsync(cancellationToken);
            return ChatLinkOutcome.Refused;
        }

        found.Use(now);
        var existing = await db.Set<ChatIdentityLink>().FindAsync([channelId, channelUserId], cancellationToken);
        if (existing is null)
        {
            db.Set<ChatIdentityLink>().Add(new ChatIdentityLink(channelId, channelUserId, found.AccountId, now));
        }
        else
        {
            existing.Relink(found.AccountId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChatLinkOutcome.Linked;
    }

    public Task<Guid?> FindAccountAsync(string channelId, string channelUserId, CancellationToken cancellationToken = default) =>
        db.Set<ChatIdentityLink>().AsNoTracking()
            .Where(l => l.ChannelId == channelId && l.ChannelUserId == channelUserId)
            .Select(l => (Guid?)l.AccountId)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>"Forget me": removes the link; the channel user is a stranger again.</summary>
    public async Task<bool> UnlinkAsync(string channelId, string channelUserId, CancellationToken cancellationToken = default)
    {
        var existing = await db.Set<ChatIdentityLink>().FindAsync([channelId, channelUserId], cancellationToken);
        if (existing is null)
        {
            return false;
        }

        db.Set<ChatIdentityLink>().Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Codes live for minutes and are used once, so a plain hash keeps them off disk without a key to manage.</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("selfservice-chat-link:" + code)));

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
