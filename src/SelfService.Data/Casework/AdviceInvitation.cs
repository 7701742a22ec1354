using System.Security.Cryptography;
using System.Text;

namespace SelfService.Data.Casework;

/// <summary>
/// An emailed link that lets one adviser upload their advice for one request on one case, without
/// an account. Only the SHA-256 of the link's token is stored, so the table cannot be used to
/// forge links (ADR 0024).
/// </summary>
public sealed class AdviceInvitation
{
    /// <summary>256 bits: far beyond guessing, however many links are live.</summary>
    public const int TokenBytes = 32;

    /// <summary>
    /// How long a link works while the advice is outstanding: about six months, because advice is
    /// often late and a link that died first would only push the adviser back to email.
    /// </summary>
    public const int DaysValid = 182;

    private AdviceInvitation(Guid id, Guid caseId, Guid adviceRequestId, string adviserEmail, string tokenHash, DateOnly dueOn, DateTime createdAtUtc)
    {
        Id = id;
        CaseId = caseId;
        AdviceRequestId = adviceRequestId;
        AdviserEmail = adviserEmail;
        TokenHash = tokenHash;
        DueOn = dueOn;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid AdviceRequestId { get; private set; }

    public string AdviserEmail { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public string TokenHash { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateOnly ExpiresOn => DateOnly.FromDateTime(CreatedAtUtc).AddDays(DaysValid);

    /// <summary>A new invitation and the token for its link, which is never stored.</summary>
    public static (AdviceInvitation Invitation, string Token) Create(Guid caseId, Guid adviceRequestId, string adviserEmail, DateOnly dueOn, DateTime createdAtUtc)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new AdviceInvitation(Guid.NewGuid(), caseId, adviceRequestId, adviserEmail, Hash(token), dueOn, createdAtUtc), token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> has the shape of a link's token, so anything else is refused before the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
