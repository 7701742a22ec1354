using Microsoft.EntityFrameworkCore;
using SelfService.Data.Accounts;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Domain.Notifications;
using SelfService.Domain.People;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Casework;

/// <summary>A request that came by post, email or phone, as the caseworker took it down.</summary>
public sealed record OfflineRequest(
    string ChildFirstName,
    string ChildLastName,
    DateOnly ChildDateOfBirth,
    string Postcode,
    string ParentFirstName,
    string ParentLastName,
    string ParentEmail,
    DateOnly ReceivedOn,
    RequestRoute Route);

/// <summary>
/// Opens a case for a request that did not come through the portal. The parent's email links them
/// to the child, so once they sign in they follow it exactly as if they had asked online.
/// </summary>
public sealed class OfflineRequestRecorder(CaseStoreDbContext db, CaseCommands commands)
{
    public async Task<string> RecordAsync(OfflineRequest request, Recording recording, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recording);
        var email = AccountEmail.Normalise(request.ParentEmail);
        var parent = await db.ParentCarers.FirstOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (parent is null)
        {
            parent = new ParentCarer(Guid.NewGuid(), request.ParentFirstName.Trim(), request.ParentLastName.Trim(), email, request.Postcode.Trim());
            db.ParentCarers.Add(parent);
        }

        var child = new Child(Guid.NewGuid(), request.ChildFirstName.Trim(), request.ChildLastName.Trim(), request.ChildDateOfBirth, request.Postcode.Trim());
        db.Children.Add(child);
        db.ChildParents.Add(new ChildParent(child.Id, parent.Id, ParentRelationship.Other, hasParentalResponsibility: true));
        var reference = await CaseReferences.NextAsync(db, request.ReceivedOn.Year, cancellationToken);

        var message = CaseUpdateWording.For(
            CaseUpdateKind.RequestRecorded,
            new CaseUpdateFacts($"{child.FirstName} {child.LastName}", reference, request.ReceivedOn, NextDue: request.ReceivedOn.AddDays(StatutoryClock.DecisionToAssessDays)));
        OutboxMessage[] notifications =
        [
            OutboxEmail.Create(recording.AtUtc, CaseActions.ChatKind, email, message.Subject, message.Body),
            OutboxChat.Create(recording.AtUtc, CaseActions.ChatKind, email, message.Chat, reference, $"/cases/{reference}"),
        ];

        // The people and the case are saved together by the command's one SaveChanges.
        await commands.OpenAsync(Guid.NewGuid(), reference, child.Id, new RequestReceived(Guid.NewGuid(), request.ReceivedOn, Requester.Parent, null, null, request.Route), recording, notifications, cancellationToken);
        return reference;
    }
}
