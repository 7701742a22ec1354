using System.Globalization;
using SelfService.Data.Cases;
using SelfService.Domain.Appeals;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Timeline;

namespace SelfService.Dialogs.Conversations;

/// <summary>
/// What the chat says about one request or plan: the stage, the next legal deadline and whether
/// it is late, exceptions with reasons, the caseworker. The words and dates come from the same
/// domain clock and wording as the case page, so the two never disagree.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "All the wording is read through one instance, whichever lines happen to use configuration.")]
public sealed class CaseAnswers(ConversationOptions options, WorkingDayCalendar calendar)
{
    public static string CasePath(string reference) => $"/cases/{Uri.EscapeDataString(reference)}";

    public static string PlanPath(string reference) => $"/cases/plans/{Uri.EscapeDataString(reference)}";

    public static string DraftResponsePath(string reference) => $"/cases/{Uri.EscapeDataString(reference)}/draft-plan-response";

    public CaseFacts Facts(CaseRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        var assessmentCase = record.Case;
        var timeline = assessmentCase.Timeline(today);
        var next = CaseWording.NextMilestone(timeline.Milestones);
        var exceptions = ExceptionsOf(assessmentCase);
        DateOnly? draftDeadline = assessmentCase.Stage == CaseStage.DraftPlanIssued && assessmentCase.DraftPlanServedOn is { } served
            ? DraftPlanResponses.DeadlineFor(served)
            : null;
        return new CaseFacts(
            Title: $"{record.Child.DisplayName}: request {assessmentCase.Reference}",
            ChildName: record.Child.DisplayName,
            Reference: assessmentCase.Reference,
            Stage: CaseWording.StageName(assessmentCase.Stage),
            Next: next,
            NextStep: timeline.NextStep,
            Milestones: timeline.Milestones,
            Exceptions: exceptions,
            CaseworkerName: record.Caseworker?.Name,
            CaseworkerTeam: record.Caseworker?.Team,
            CaseworkerEmail: record.Caseworker?.Email,
            CaseworkerPhone: record.Caseworker?.Phone,
            Url: options.Link(CasePath(assessmentCase.Reference)),
            DraftResponseDeadline: record.Access.CanRespondToDraft ? draftDeadline : null,
            AppealText: AppealText(assessmentCase),
            IsPlan: false);
    }

    public CaseFacts Facts(PlanRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plan = record.Plan;
        var timeline = AnnualReviewClock.Calculate(plan.ToTimelineInput(), today);
        var next = CaseWording.NextMilestone(timeline.Milestones);
        return new CaseFacts(
            Title: $"{record.Child.DisplayName}: EHC plan {plan.Reference}",
            ChildName: record.Child.DisplayName,
            Reference: plan.Reference,
            Stage: plan.CeasedOn is { } ceased ? $"Ceased on {UkDate.DayMonthYear(ceased)}" : "In place",
            Next: next,
            NextStep: timeline.NextStep,
            Milestones: timeline.Milestones,
            Exceptions: [],
            CaseworkerName: record.Caseworker?.Name,
            CaseworkerTeam: record.Caseworker?.Team,
            CaseworkerEmail: record.Caseworker?.Email,
            CaseworkerPhone: record.Caseworker?.Phone,
            Url: options.Link(PlanPath(plan.Reference)),
            DraftResponseDeadline: null,
            AppealText: null,
            IsPlan: true,
            NextReviewDueOn: plan.NextReviewDueOn());
    }

    public static string NextDeadlineText(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Next is { } next ? $"{CaseWording.MilestoneName(next)}: {UkDate.DayMonthYear(next.Due)}" : "None";
    }

    public static string? LateText(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Next is { Status: MilestoneStatus.Overdue } late
            ? $"This is late: overdue by {CaseWording.Duration(late.DaysOverdue)}."
            : null;
    }

    public static string CaseworkerText(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.CaseworkerName is { } name ? $"{name} ({facts.CaseworkerTeam} team)" : "Not named yet";
    }

    /// <summary>The status in words: the same stage and dates the case page shows.</summary>
    public string StatusText(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var lines = new List<string>
        {
            $"{Md(facts.Title)}.",
            $"Status: {facts.Stage}.",
            facts.IsPlan && facts.NextReviewDueOn is { } review ? $"Next annual review by {UkDate.DayMonthYear(review)}." : $"Next deadline: {Md(NextDeadlineText(facts))}.",
        };
        if (LateText(facts) is { } late)
        {
            lines.Add(late);
        }

        lines.Add(Md(facts.NextStep));
        foreach (var exception in facts.Exceptions)
        {
            lines.Add($"Exception to the time limits: {Md(exception)}");
        }

        lines.Add($"Caseworker: {Md(CaseworkerText(facts))}.");
        lines.Add($"See everything on the case page: {facts.Url}");
        return string.Join("\n\n", lines);
    }

    public string NextStepText(CaseFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var lines = new List<string> { $"{Md(facts.Title)}.", Md(facts.NextStep) };
        if (facts.Next is { } next)
        {
            lines.Add(next.Status == MilestoneStatus.Overdue
                ? $"The next step was due by {UkDate.DayMonthYear(next.Due)} and is late: overdue by {CaseWording.Duration(next.DaysOverdue)}. You can ask your caseworker why, or make a complaint."
                : $"The next step is due by {UkDate.DayMonthYear(next.Due)}, {DaysAway(next.Due, today)} from today. It is not late.");
        }

        if (facts.DraftResponseDeadline is { } draft)
        {
            lines.Add($"You can respond to the draft plan until {UkDate.Long(draft)}: {options.Link(DraftResponsePath(facts.Reference))}");
        }

        return string.Join("\n\n", lines);
    }

    public string DeadlinesText(CaseFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var lines = new List<string> { $"{Md(facts.Title)}: the deadlines still to come." };
        var open = facts.Milestones.Where(m => m.Completed is null).OrderBy(m => m.Due).ToList();
        if (open.Count == 0)
        {
            lines.Add("There are no deadlines still to come.");
        }

        foreach (var milestone in open)
        {
            var state = milestone.Status == MilestoneStatus.Overdue ? $" (late: overdue by {CaseWording.Duration(milestone.DaysOverdue)})" : "";
            lines.Add($"{Md(CaseWording.MilestoneName(milestone))}: {UkDate.DayMonthYear(milestone.Due)}{state}");
        }

        if (facts.DraftResponseDeadline is { } draft)
        {
            lines.Add(today <= draft
                ? $"Your response to the draft plan is due by {UkDate.Long(draft)}."
                : $"The last day to respond to the draft plan was {UkDate.Long(draft)}. You can still respond: it will be considered and recorded as late.");
        }

        return string.Join("\n\n", lines);
    }

    public string CaseworkerReply(CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.CaseworkerName is { } name
            ? $"The caseworker for {Md(facts.Title)} is {Md(name)} ({Md(facts.CaseworkerTeam)} team). Email: {facts.CaseworkerEmail}" +
              (string.IsNullOrEmpty(facts.CaseworkerPhone) ? "" : $". Telephone: {Md(facts.CaseworkerPhone)}") +
              $". Quote the reference {facts.Reference}. You can also say \"talk to a person\" to send a message from here."
            : $"A caseworker has not been named yet for {Md(facts.Title)}. You can email the SEND team at {options.SendTeamEmail}, quoting {facts.Reference}.";
    }

    private static string DaysAway(DateOnly due, DateOnly today) => CaseWording.Duration(Math.Max(0, due.DayNumber - today.DayNumber));

    private string? AppealText(AssessmentCase assessmentCase)
    {
        DateOnly? letter = assessmentCase.Events switch
        {
            var events when assessmentCase.Stage == CaseStage.AssessmentRefused => events.OfType<DecisionToAssess>().LastOrDefault(d => !d.Agreed)?.OccurredOn,
            var events when assessmentCase.Stage == CaseStage.PlanNotIssued => events.OfType<DecisionToIssue>().LastOrDefault(d => !d.Issue)?.OccurredOn,
            var events when assessmentCase.Stage == CaseStage.FinalPlanIssued => events.OfType<FinalPlanIssued>().LastOrDefault()?.OccurredOn,
            _ => null,
        };
        if (letter is not { } date)
        {
            return null;
        }

        try
        {
            return AppealDeadline.Calculate(date, null, calendar).Explanation;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static List<string> ExceptionsOf(AssessmentCase assessmentCase)
    {
        var ends = assessmentCase.Events.OfType<ExceptionEnded>().ToDictionary(e => e.ExceptionId, e => e.OccurredOn);
        return
        [
            .. assessmentCase.Events.OfType<ExceptionApplied>().Select(e =>
            {
                DateOnly? to = ends.TryGetValue(e.Id, out var ended) ? ended : e.ExpectedEnd;
                var period = to is { } end
                    ? string.Create(CultureInfo.InvariantCulture, $"from {UkDate.DayMonthYear(e.OccurredOn)} to {UkDate.DayMonthYear(end)}")
                    : $"from {UkDate.DayMonthYear(e.OccurredOn)}, still applies";
                return $"{CaseWording.ExceptionKindText(e.Kind)}: {e.Reason} ({period})";
            }),
        ];
    }

    private static string Md(string? text) => CardText.Plain(text);
}

/// <summary>One request or plan as the chat tells it.</summary>
public sealed record CaseFacts(
    string Title,
    string ChildName,
    string Reference,
    string Stage,
    Milestone? Next,
    string NextStep,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<string> Exceptions,
    string? CaseworkerName,
    string? CaseworkerTeam,
    string? CaseworkerEmail,
    string? CaseworkerPhone,
    string Url,
    DateOnly? DraftResponseDeadline,
    string? AppealText,
    bool IsPlan,
    DateOnly? NextReviewDueOn = null);
