namespace SelfService.Data.Accounts;

/// <summary>
/// A one-time sign-in code sent by email. Only a keyed hash of the code is stored, so reading the
/// database does not let anyone sign in. The requesting address and IP are kept for rate limiting.
/// </summary>
public sealed class SignInCode
{
    public const int HashLength = 64;

    public const int IpAddressLength = 45;

    public SignInCode(Guid id, string email, string codeHash, DateTime createdAtUtc, DateTime expiresAtUtc, string requestedFromIp)
    {
        Id = id;
        Email = AccountEmail.Normalise(email);
        CodeHash = codeHash;
        CreatedAtUtc = createdAtUtc;
        ExpiresAtUtc = expiresAtUtc;
        RequestedFromIp = requestedFromIp;
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; }

    /// <summary>Hex HMAC-SHA256 of the code under the service's sign-in key.</summary>
    public string CodeHash { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public string RequestedFromIp { get; private set; }

    public int FailedAttempts { get; private set; }

    /// <summary>Set when the code was used to sign in; a code works once.</summary>
    public DateTime? ConsumedAtUtc { get; private set; }
}
