namespace SelfService.Data.Accounts;

/// <summary>How an email address is compared everywhere an account meets the case store.</summary>
public static class AccountEmail
{
    /// <summary>
    /// Trimmed and lower-cased. The local part is case-sensitive in theory, but no mail service a
    /// family uses treats it so, and two accounts differing only in case would be a support trap.
    /// </summary>
    public static string Normalise(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
