using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Requests;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Requests;

/// <summary>How the council signs its confirmation emails.</summary>
/// <param name="PortalBaseUrl">The portal's public address, for the link to the case; none if unknown.</param>
public sealed record RequestContact(string CouncilName, string SendTeamEmail, Uri? PortalBaseUrl);

/// <param name="AlreadySubmitted">The draft had been sent before (a double click, a retry): this is that case, nothing new was made.</param>
public sealed record SubmittedRequest(Guid CaseId, string Reference, DateOnly ReceivedOn, bool AlreadySubmitted);

/// <summary>
/// Sends a draft: the child, parents and links it names, a case numbered from the yearly counter,
/// the draft marked sent, its documents attached and the confirmation emails queued, all in one
/// transaction. Sending the same draft again returns the case it already became.
/// </summary>
public sealed class RequestSubmitter(CaseStoreDbContext db, CaseCommands commands)
{
    /// <returns>The case, or null if the viewer has no such draft.</returns>
    /// <exception cref="Domain.Common.DomainException">The draft is not complete.</exception>
    public async Task<SubmittedRequest?> SubmitAsync(Guid draftId, Viewer viewer, RequestContact contact, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(contact);
        try
        {
            return await SubmitOnceAsync(draftId, viewer, contact, nowUtc, today, cancellationToken);
        }
        catch (CaseConcurrencyException)
        {
            // Another submit of the same draft won the race (its version check failed ours): that one counts.
            return await AlreadySubmittedAsync(draftId, viewer.AccountId, cancellationToken) ?? throw new InvalidOperationException($"Request draft {draftId} could not be sent.");
        }
    }

    private async Task<SubmittedRequest?> SubmitOnceAsync(Guid draftId, Viewer viewer, RequestContact contact, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken)
    {
        // SQLite: BEGIN IMMEDIATE, so a second submit waits here and then sees the first one's result.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var draft = await db.Set<RequestDraft>().SingleOrDefaultAsync(d => d.Id == draftId && d.AccountId == viewer.AccountId, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        if (draft.IsSubmitted)
        {
            return Existing(draft);
        }

        var answers = draft.Answers;
        var who = answers.WhoIsAsking ?? throw new Domain.Common.DomainException("request.incomplete", "Say who is asking for the assessment.");
        var reference = await CaseReferences.NextAsync(db, today.Year, cancellationToken);
        var caseId = Guid.NewGuid();
        draft.MarkSubmitted(caseId, reference, nowUtc, today);

        var child = await ChildAsync(answers, viewer, cancellationToken);
        var parents = await ParentsAsync(answers, child, viewer, cancellationToken);

        var documents = await db.Set<RequestDocument>().Where(d => d.DraftId == draftId).ToListAsync(cancellationToken);
        foreach (var document in documents)
        {
            document.AttachToCase(caseId);
        }

        var request = new RequestReceived(
            Guid.NewGuid(),
            today,
            who.Requester,
            who.Requester == Requester.SchoolWithParentalConsent ? who.SchoolId : null,
            who.Requester == Requester.SchoolWithParentalConsent ? answers.Consent?.GivenOn : null);
        var timeline = StatutoryClock.Calculate([request], today);
        var emails = RequestConfirmationEmail.Create(answers, reference, today, timeline, Recipients(answers, parents, viewer), contact, nowUtc);

        var actor = viewer.Email;
        db.AuditEntries.Add(new AuditEntry(nowUtc, actor, "request.submitted", RequestDraftStore.AuditEntityType, draftId.ToString())
        {
            CaseId = caseId,
            Detail = $"Sent as {reference} with {documents.Count} document(s)",
        });
        await commands.OpenAsync(caseId, reference, child.Id, request, new Recording(actor, nowUtc), emails, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SubmittedRequest(caseId, reference, today, AlreadySubmitted: false);
    }

    private async Task<SubmittedRequest?> AlreadySubmittedAsync(Guid draftId, Guid accountId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var draft = await db.Set<RequestDraft>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId && d.AccountId == accountId, cancellationToken);
        return draft is { IsSubmitted: true } ? Existing(draft) : null;
    }

    private static SubmittedRequest Existing(RequestDraft draft) =>
        new(draft.CaseId!.Value, draft.CaseReference!, UkDateOf(draft.SubmittedAtUtc!.Value), AlreadySubmitted: true);

    private static DateOnly UkDateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));

    /// <summary>
    /// Only records the viewer is already linked to are reused; anything else is a new record, so a
    /// request can never attach itself to a stranger's child who happens to share a name.
    /// </summary>
    private async Task<Child> ChildAsync(RequestAnswers answers, Viewer viewer, CancellationToken cancellationToken)
    {
        var given = answers.Child ?? throw new Domain.Common.DomainException("request.incomplete", "Give the child or young person's details.");
        if (given.ExistingChildId is { } existingId
            && (viewer.ChildrenInCare.Contains(existingId) || viewer.YoungPersonChildId == existingId)
            && await db.Children.SingleOrDefaultAsync(c => c.Id == existingId, cancellationToken) is { } known)
        {
            return known;
        }

        var child = new Child(Guid.NewGuid(), given.FirstName, given.LastName, given.DateOfBirth, given.Postcode);
        child.SetKnownAs(given.KnownAs);
        child.AttendSchool(answers.School?.SchoolId
            ?? (answers.WhoIsAsking?.Requester == Requester.SchoolWithParentalConsent ? answers.WhoIsAsking.SchoolId : null));
        if (answers.WhoIsAsking?.Requester == Requester.YoungPerson)
        {
            child.SetOwnEmail(viewer.Email);
        }

        db.Children.Add(child);
        return child;
    }

    private async Task<List<ParentCarer>> ParentsAsync(RequestAnswers answers, Child child, Viewer viewer, CancellationToken cancellationToken)
    {
        var parents = new List<ParentCarer>();
        var linked = await db.ChildParents.Where(l => l.ChildId == child.Id).Select(l => l.ParentCarerId).ToListAsync(cancellationToken);
        foreach (var given in answers.Parents ?? [])
        {
            var email = given.IsRequester ? viewer.Email : given.Email;
            ParentCarer? parent = null;
            if (given.IsRequester && viewer.ParentCarerId is { } ownId)
            {
                parent = await db.ParentCarers.SingleOrDefaultAsync(p => p.Id == ownId, cancellationToken);
            }

            // An address identifies the person who signs in with it: the same address is the same parent.
            if (parent is null && !string.IsNullOrEmpty(email))
            {
                parent = db.ParentCarers.Local.FirstOrDefault(p => p.Email == email)
                    ?? await db.ParentCarers.Where(p => p.Email == email).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
            }

            if (parent is null)
            {
                parent = new ParentCarer(Guid.NewGuid(), given.FirstName, given.LastName, email ?? string.Empty, child.Postcode);
                parent.SetPhone(given.Phone);
                db.ParentCarers.Add(parent);
            }

            if (!linked.Contains(parent.Id))
            {
                db.ChildParents.Add(new ChildParent(child.Id, parent.Id, given.Relationship, hasParentalResponsibility: true));
                linked.Add(parent.Id);
            }

            if (!parents.Contains(parent))
            {
                parents.Add(parent);
            }
        }

        return parents;
    }

    private static List<(string Email, string Name)> Recipients(RequestAnswers answers, List<ParentCarer> parents, Viewer viewer)
    {
        var recipients = parents.Where(p => p.Email.Length > 0).Select(p => (p.Email, p.DisplayName)).ToList();
        switch (answers.WhoIsAsking?.Requester)
        {
            case Requester.YoungPerson:
                recipients.Insert(0, (viewer.Email, answers.Child!.DisplayName));
                break;
            case Requester.SchoolWithParentalConsent:
                recipients.Add((viewer.Email, answers.WhoIsAsking.SchoolName ?? "the school or setting"));
                break;
            default:
                break;
        }

        return recipients.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
