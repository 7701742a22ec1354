namespace SelfService.Data.Accounts;

/// <summary>
/// Someone who has signed in at least once. Made on the first successful sign-in for any address,
/// because a new parent must be able to sign in before any record of them exists. What the account
/// may see is worked out from the case store by its email address on each request, never stored here.
/// </summary>
public sealed class UserAccount
{
    public const int DisplayNameLength = 200;

    public UserAccount(Guid id, string email, DateTime createdAtUtc)
    {
        Id = id;
        Email = AccountEmail.Normalise(email);
        CreatedAtUtc = createdAtUtc.Kind == DateTimeKind.Utc ? createdAtUtc : throw new ArgumentException("Instants are UTC.", nameof(createdAtUtc));
    }

    public Guid Id { get; private set; }

    /// <summary>Normalised (trimmed, lower case); unique.</summary>
    public string Email { get; private set; }

    public string? DisplayName { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? LastSignInAtUtc { get; private set; }

    public void RecordSignIn(DateTime atUtc) => LastSignInAtUtc = atUtc;

    public void SetDisplayName(string? name)
    {
        var trimmed = name?.Trim();
        DisplayName = string.IsNullOrEmpty(trimmed) ? null
            : trimmed.Length > DisplayNameLength ? trimmed[..DisplayNameLength] : trimmed;
    }
}
