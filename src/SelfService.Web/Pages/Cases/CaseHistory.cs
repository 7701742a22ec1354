using SelfService.Data.Cases;
using SelfService.Domain.Assessments;
using SelfService.Domain.Timeline;

namespace SelfService.Web.Pages.Cases;

/// <summary>One entry of the MOJ timeline component (<c>_CaseHistory</c> partial).</summary>
/// <param name="Byline">Who did it, when that helps the reader ("You").</param>
public sealed record CaseHistoryItem(string Title, DateOnly Date, string? Description, string? Byline = null);

/// <summary>The case's recorded events told as a family would want them, newest first.</summary>
public static class CaseHistory
{
    public static IReadOnlyList<CaseHistoryItem> For(CaseRecord record, string viewerEmail)
    {
        ArgumentNullException.ThrowIfNull(record);
        var events = record.Case.Events;
        var advisers = events.OfType<AdviceRequested>().ToDictionary(e => e.Id, e => e.AdviserName);
        var items = new List<(int Sequence, CaseHistoryItem Item)>();
        DateOnly? latestDraft = null;
        foreach (var caseEvent in events)
        {
            var byline = string.Equals(caseEvent.RecordedBy, viewerEmail, StringComparison.OrdinalIgnoreCase) ? "You" : null;
            CaseHistoryItem item = caseEvent switch
            {
                RequestReceived r => new("Request for an EHC needs assessment received", r.OccurredOn,
                    $"Made by: {CaseText.RequesterText(r.Requester)}{SchoolSuffix(record, r.RequestingSchoolId)}. The time limits are counted from this day."),
                DecisionToAssess { Agreed: true } d => new("The council agreed to carry out an assessment", d.OccurredOn, null),
                DecisionToAssess d => new("The council decided not to carry out an assessment", d.OccurredOn, d.Reason),
                AdviceRequested a => new($"Advice asked for from {a.AdviserName}", a.OccurredOn, $"Due by {CaseText.Date(a.DueOn)}."),
                AdviceReceived a => new($"Advice received from {advisers.GetValueOrDefault(a.AdviceRequestId, "an adviser")}", a.OccurredOn, null),
                ExceptionApplied e => new("An exception to the time limits was recorded", e.OccurredOn, $"{CaseText.ExceptionKindText(e.Kind)}: {e.Reason}"),
                ExceptionEnded e => new("The exception to the time limits ended", e.OccurredOn, null),
                DecisionToIssue { Issue: true } d => new("The council decided to issue an EHC plan", d.OccurredOn, null),
                DecisionToIssue d => new("The council decided not to issue an EHC plan", d.OccurredOn, d.Reason),
                DraftPlanServed d => new("Draft EHC plan sent", d.OccurredOn,
                    $"The last day to comment, ask for a meeting and ask for a school or setting to be named is {CaseText.Date(DraftPlanResponses.DeadlineFor(d.OccurredOn))}."),
                RepresentationsReceived r => new("Response to the draft plan received", r.OccurredOn, ResponseText(record, r, latestDraft)),
                FinalPlanIssued f => new("Final EHC plan issued", f.OccurredOn,
                    record.School(f.NamedSchoolId) is { } school ? $"School or setting named: {school.Name}." : null),
                RequestWithdrawn w => new("Request withdrawn", w.OccurredOn, w.Reason),
                _ => new(caseEvent.GetType().Name, caseEvent.OccurredOn, null),
            };
            if (caseEvent is DraftPlanServed served)
            {
                latestDraft = served.OccurredOn;
            }

            items.Add((caseEvent.Sequence, item with { Byline = byline }));
        }

        return [.. items.OrderByDescending(i => i.Item.Date).ThenByDescending(i => i.Sequence).Select(i => i.Item)];
    }

    /// <summary>Whether a response came in time, against the draft it answered.</summary>
    public static string ResponseText(CaseRecord record, RepresentationsReceived response, DateOnly? draftServedOn)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(response);
        var parts = new List<string>();
        if (draftServedOn is { } served)
        {
            var deadline = DraftPlanResponses.DeadlineFor(served);
            var late = response.OccurredOn.DayNumber - deadline.DayNumber;
            parts.Add(late > 0
                ? $"Received late: {CaseText.Duration(late)} after the last day ({CaseText.Date(deadline)}). The council will still consider it."
                : "Received within the 15 days.");
        }

        if (response.MeetingRequested)
        {
            parts.Add("A meeting was asked for.");
        }

        if (record.School(response.RequestedSchoolId) is { } school)
        {
            parts.Add($"Asked for {school.Name} to be named.");
        }

        return string.Join(" ", parts);
    }

    private static string SchoolSuffix(CaseRecord record, Guid? schoolId) =>
        record.School(schoolId) is { } school ? $" ({school.Name})" : "";

    /// <summary>The draft each response answered: the latest one served on or before it.</summary>
    public static DateOnly? DraftAnswered(IEnumerable<CaseEvent> events, RepresentationsReceived response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return events.OfType<DraftPlanServed>().Where(d => d.Sequence < response.Sequence).Select(d => (DateOnly?)d.OccurredOn).LastOrDefault();
    }

    /// <summary>The window milestone, which the family reads as "your response": done, late, or still open.</summary>
    public static bool IsWindowOpen(AssessmentTimeline timeline) =>
        timeline.Find(MilestoneKeys.DraftResponseDeadline) is { Completed: null };
}
