using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;

namespace SelfService.Data.Casework;

/// <summary>What the holder of a live advice invitation is shown: who the child is and what is asked, nothing more.</summary>
public sealed record OpenAdviceInvitation(
    Guid CaseId,
    Guid AdviceRequestId,
    string CaseReference,
    string ChildName,
    DateOnly ChildDateOfBirth,
    AdviserKind Adviser,
    string AdviserName,
    string AdviserEmail,
    DateOnly RequestedOn,
    DateOnly DueOn)
{
    /// <summary>How the adviser appears in the audit trail and on the stored document.</summary>
    public string Actor => "adviser:" + AdviserEmail;
}

/// <summary>
/// The adviser's side of an advice invitation: opening the link (decided by the one access policy
/// and audited) and uploading the advice, which records it received in the same transaction.
/// </summary>
public sealed class AdviceInvitations(CaseStoreDbContext db, CaseActions actions)
{
    /// <returns>The invitation, or null when the token opens nothing: unknown, used, expired, or the case closed.</returns>
    public async Task<OpenAdviceInvitation?> OpenAsync(string? token, DateOnly today, DateTime atUtc, CancellationToken cancellationToken)
    {
        if (!AdviceInvitation.IsWellFormed(token))
        {
            return null;
        }

        var hash = AdviceInvitation.Hash(token!);
        var invitation = await db.Set<AdviceInvitation>().AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return null;
        }

        var assessmentCase = await db.AssessmentCases.AsNoTracking().WithEvents().SingleAsync(c => c.Id == invitation.CaseId, cancellationToken);
        var request = assessmentCase.Events.OfType<AdviceRequested>().SingleOrDefault(e => e.Id == invitation.AdviceRequestId);
        var received = request is null || assessmentCase.Events.OfType<AdviceReceived>().Any(r => r.AdviceRequestId == invitation.AdviceRequestId);
        var access = CaseAccessPolicy.DecideForInvitation(new AdviceInvitationFacts(assessmentCase.IsClosed, received, invitation.ExpiresOn), today);
        if (!access.CanUploadAdvice)
        {
            return null;
        }

        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == assessmentCase.ChildId, cancellationToken);
        var open = new OpenAdviceInvitation(
            assessmentCase.Id, request!.Id, assessmentCase.Reference, $"{child.FirstName} {child.LastName}", child.DateOfBirth,
            request.Adviser, request.AdviserName, invitation.AdviserEmail, request.OccurredOn, invitation.DueOn);
        db.AuditEntries.Add(AuditEntry.ForCase(assessmentCase.Id, atUtc, open.Actor, "case.adviceInvitationOpened", $"basis {access.Basis}"));
        await db.SaveChangesAsync(cancellationToken);
        return open;
    }

    /// <summary>Stores the report and records the advice received, together or not at all.</summary>
    /// <exception cref="Domain.Common.DomainException">The advice was recorded meanwhile, or the case closed.</exception>
    /// <exception cref="CaseConcurrencyException">The case changed at the same moment; nothing was stored.</exception>
    public Task SubmitAsync(OpenAdviceInvitation invitation, StoredFile report, DateOnly receivedOn, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return actions.RecordAdviceReceivedAsync(invitation.CaseId, invitation.AdviceRequestId, receivedOn, new Recording(invitation.Actor, atUtc), report, cancellationToken);
    }
}
