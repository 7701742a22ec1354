using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.Cases;
using SelfService.Domain.Assessments;

namespace SelfService.Dialogs.Conversations;

/// <summary>A child the user may ask about, with what there is to tell: their request or their plan.</summary>
/// <param name="Names">Every name the child goes by (first, known as, full), for matching what the user types.</param>
/// <param name="CaseReference">The request to talk about: the open one, else the latest.</param>
/// <param name="CaseIsOpen">Whether that request is still going: then it, not the plan, is the news.</param>
/// <param name="PlanReference">The plan in place, if any.</param>
public sealed record ChatSubject(Guid ChildId, string DisplayName, IReadOnlyList<string> Names, string? CaseReference, bool CaseIsOpen, string? PlanReference)
{
    public string FirstName { get; init; } = string.Empty;

    public string? KnownAs { get; init; }

    public string LastName { get; init; } = string.Empty;

    /// <summary>What to answer about: an open request first, then a plan in place, then a closed request.</summary>
    public bool FollowsPlan => PlanReference is not null && !(CaseReference is not null && CaseIsOpen);
}

/// <summary>
/// The children this user may ask about: only those the case-access policy already let through
/// <see cref="CaseReader.ListForViewerAsync"/>, so another family's child is never among them.
/// </summary>
public static class ChatSubjects
{
    public static async Task<(CaseList List, IReadOnlyList<ChatSubject> Subjects)> LoadAsync(
        CaseReader reader, CaseStoreDbContext db, Domain.Access.Viewer viewer, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(db);
        if (!viewer.IsSignedIn)
        {
            return (CaseList.Empty, []);
        }

        var list = await reader.ListForViewerAsync(viewer, today, ChatChannel.Name, cancellationToken);
        var childIds = list.Cases.Select(c => c.ChildId).Concat(list.Plans.Select(p => p.ChildId)).Distinct().ToList();
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var subjects = children
            .Select(child =>
            {
                var cases = list.Cases.Where(c => c.ChildId == child.Id).ToList();
                var caseItem = cases.FirstOrDefault(c => !c.Stage.IsClosed()) ?? cases.OrderByDescending(c => c.RequestReceivedOn).FirstOrDefault();
                var plan = list.Plans.FirstOrDefault(p => p.ChildId == child.Id);
                string[] names = [child.FirstName, child.KnownAs ?? child.FirstName, child.DisplayName, $"{child.FirstName} {child.LastName}"];
                return new ChatSubject(
                    child.Id, child.DisplayName, names.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    caseItem?.Reference, caseItem is { } open && !open.Stage.IsClosed(), plan?.Reference)
                {
                    FirstName = child.FirstName,
                    KnownAs = child.KnownAs,
                    LastName = child.LastName,
                };
            })
            .OrderBy(s => s.DisplayName, StringComparer.Ordinal)
            .ToList();
        return (list, subjects);
    }
}

/// <summary>How the chat names itself in the audit trail.</summary>
public static class ChatChannel
{
    public const string Name = "bot";
}
