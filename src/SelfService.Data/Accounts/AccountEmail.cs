using System.Net.Mail;

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

    /// <summary>An address as people type one: no display name, no spaces, a dotted host, at most 254 characters.</summary>
    public static bool IsValid(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.Length > 254 || email.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(email, out var parsed))
        {
            return false;
        }

        // MailAddress accepts display-name forms and dotless hosts; people type neither.
        return string.Equals(parsed.Address, email, StringComparison.Ordinal) && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !parsed.Host.StartsWith('.') && !parsed.Host.EndsWith('.');
    }
}
