using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.Accounts;
using SelfService.Domain.People;

namespace SelfService.Web.Identity.Staff;

public enum StaffLinkOutcome
{
    Linked,

    /// <summary>The provider's account is linked to a portal account with another address now.</summary>
    AddressChanged,

    /// <summary>The address belongs to a portal account linked to a different person at this provider.</summary>
    AddressHeldByAnother,
}

public sealed record StaffLink(StaffLinkOutcome Outcome, UserAccount? Account = null, Guid StaffMemberId = default);

/// <summary>The verified person from the ID token, as the portal needs them.</summary>
public sealed record VerifiedStaffPerson(string Issuer, string Subject, string Email, string Name, StaffRole Role);

/// <summary>
/// Finds or makes the portal account and staff record for someone the provider vouched for. The
/// provider's subject is matched first and the address second, and each is only ever linked to one
/// of the other, so a reassigned address or a second provider account cannot take over a session.
/// </summary>
public sealed class StaffAccountLinker(CaseStoreDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<StaffSignInOptions> options)
{
    public async Task<StaffLink> LinkAsync(VerifiedStaffPerson person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        try
        {
            return await TryLinkAsync(person, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person finished signing in twice at once; the other request made the rows.
            db.ChangeTracker.Clear();
            return await TryLinkAsync(person, cancellationToken);
        }
    }

    private async Task<StaffLink> TryLinkAsync(VerifiedStaffPerson person, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var email = AccountEmail.Normalise(person.Email);
        var identities = db.Set<StaffIdentity>();
        var accounts = db.Set<UserAccount>();

        UserAccount account;
        var identity = await identities.SingleOrDefaultAsync(i => i.Issuer == person.Issuer && i.Subject == person.Subject, cancellationToken);
        if (identity is not null)
        {
            account = await accounts.SingleAsync(a => a.Id == identity.UserAccountId, cancellationToken);
            if (account.Email != email)
            {
                return new StaffLink(StaffLinkOutcome.AddressChanged);
            }

            identity.RecordSignIn(now);
        }
        else
        {
            var existing = await accounts.SingleOrDefaultAsync(a => a.Email == email, cancellationToken);
            if (existing is not null && await identities.AnyAsync(i => i.UserAccountId == existing.Id && i.Issuer == person.Issuer, cancellationToken))
            {
                return new StaffLink(StaffLinkOutcome.AddressHeldByAnother);
            }

            account = existing ?? accounts.Add(new UserAccount(Guid.CreateVersion7(), email, now)).Entity;
            identities.Add(new StaffIdentity(Guid.CreateVersion7(), person.Issuer, person.Subject, account.Id, now));
        }

        account.RecordSignIn(now);
        account.SetDisplayName(person.Name);

        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (member is null)
        {
            var name = person.Name.Length > 200 ? person.Name[..200] : person.Name;
            member = db.StaffMembers.Add(new StaffMember(Guid.CreateVersion7(), name, email, person.Role, options.Value.NewStaffTeam)).Entity;
        }
        else if (member.Role != person.Role)
        {
            // The provider is the authority on roles; the staff record follows it for lists and reports.
            db.Entry(member).Property(s => s.Role).CurrentValue = person.Role;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new StaffLink(StaffLinkOutcome.Linked, account, member.Id);
    }
}
