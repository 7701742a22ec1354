namespace SelfService.Data.Accounts;

/// <summary>
/// A council officer's account at the council's identity provider, linked to the portal account
/// they sign in to. The provider's subject (<c>sub</c>, or Entra ID's <c>oid</c>) never changes for
/// a person, unlike an email address, so a later sign-in is matched by it first: an address handed
/// on to someone else cannot take over the account of whoever held it before.
/// </summary>
public sealed class StaffIdentity
{
    public const int IssuerLength = 500;

    public const int SubjectLength = 256;

    public StaffIdentity(Guid id, string issuer, string subject, Guid userAccountId, DateTime createdAtUtc)
    {
        Id = id;
        Issuer = issuer;
        Subject = subject;
        UserAccountId = userAccountId;
        CreatedAtUtc = createdAtUtc.Kind == DateTimeKind.Utc ? createdAtUtc : throw new ArgumentException("Instants are UTC.", nameof(createdAtUtc));
        LastSignInAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The provider's issuer identifier, exactly as in its metadata and tokens.</summary>
    public string Issuer { get; private set; }

    public string Subject { get; private set; }

    public Guid UserAccountId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime LastSignInAtUtc { get; private set; }

    public void RecordSignIn(DateTime atUtc) => LastSignInAtUtc = atUtc;
}
