using SelfService.Domain.Assessments;

namespace SelfService.Domain.Timeline;

/// <summary>
/// The initial EHC needs assessment clock (the "20-week" process). Day 0 is the day the request
/// was received (CoP 9.14); "within N weeks" is on or before day 0 + 7N calendar days, and bank
/// holidays never move these deadlines.
/// </summary>
public static class StatutoryClock
{
    /// <summary>SEND Regs 5(1): decide whether to assess within 6 weeks.</summary>
    public const int DecisionToAssessDays = 42;

    /// <summary>SEND Regs 10(1): decide whether to issue a plan within 16 weeks.</summary>
    public const int DecisionToIssueDays = 112;

    /// <summary>SEND Regs 13(2): issue the final plan within 20 weeks.</summary>
    public const int FinalPlanDays = 140;

    /// <summary>
    /// SEND Regs 13(1): at least 15 days "beginning with" the day the draft was served, so the
    /// day of service is day 1 and the last day is served + 14.
    /// </summary>
    public const int DraftResponseDays = 14;

    /// <param name="events">The case's events in sequence order, as validated by <see cref="AssessmentCase"/>.</param>
    /// <param name="asOf">The UK date to judge the deadlines on.</param>
    public static AssessmentTimeline Calculate(IReadOnlyList<CaseEvent> events, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(events);
        var facts = CaseFacts.From(events);
        var milestones = new List<TrackedMilestone>();

        milestones.Add(DecisionToAssessMilestone(facts, asOf));
        if (facts.DecisionToAssess is not { Agreed: false })
        {
            milestones.AddRange(AdviceMilestones(facts, asOf));
            if (facts.DecisionToAssess is { Agreed: true })
            {
                milestones.Add(DecisionToIssueMilestone(facts, asOf));
            }

            if (facts.DecisionToIssue is not { Issue: false })
            {
                if (DraftResponseMilestone(facts, asOf) is { } draftResponse)
                {
                    milestones.Add(draftResponse);
                }

                milestones.Add(FinalPlanMilestone(facts, asOf));
            }
        }

        // A closed case can never complete what is outstanding (no advice, decision or plan can be
        // recorded on it), so only what was done stays on the record.
        if (facts.IsClosed)
        {
            milestones.RemoveAll(m => m.Milestone.Completed is null);
        }

        var within20Weeks = Within20Weeks(facts, asOf);
        var nextStep = NextStepWriter.ForAssessment(facts, milestones, asOf);
        return new AssessmentTimeline(milestones.ConvertAll(m => m.Milestone), within20Weeks, nextStep);
    }

    private static TrackedMilestone DecisionToAssessMilestone(CaseFacts facts, DateOnly asOf)
    {
        var due = facts.Day0.AddDays(DecisionToAssessDays);
        var completed = facts.DecisionToAssess?.OccurredOn;
        return Track(MilestoneKeys.DecisionToAssess, facts.Day0, due, completed, asOf, facts, adviceOnly: false);
    }

    private static IEnumerable<TrackedMilestone> AdviceMilestones(CaseFacts facts, DateOnly asOf) =>
        facts.AdviceRequests.Select(request =>
        {
            var completed = facts.AdviceReceived.FirstOrDefault(r => r.AdviceRequestId == request.Id)?.OccurredOn;
            return Track(MilestoneKeys.Advice, request.OccurredOn, request.DueOn, completed, asOf, facts, adviceOnly: true, request.AdviserName);
        });

    private static TrackedMilestone DecisionToIssueMilestone(CaseFacts facts, DateOnly asOf)
    {
        var due = facts.Day0.AddDays(DecisionToIssueDays);

        // Serving a draft is itself the decision to issue when none was recorded separately.
        var completed = facts.DecisionToIssue?.OccurredOn ?? facts.Drafts.FirstOrDefault()?.OccurredOn;
        return Track(MilestoneKeys.DecisionToIssue, facts.Day0, due, completed, asOf, facts, adviceOnly: false);
    }

    private static TrackedMilestone? DraftResponseMilestone(CaseFacts facts, DateOnly asOf)
    {
        if (facts.Drafts.LastOrDefault() is not { } draft)
        {
            return null;
        }

        var due = draft.OccurredOn.AddDays(DraftResponseDays);

        // A withdrawal cuts the window short: it only counts as closed if it ran out before then.
        var judgedOn = facts.Withdrawal?.OccurredOn ?? asOf;
        var completed = facts.ResponseToLatestDraft?.OccurredOn
            ?? MilestoneRules.WindowClosedOn(due, judgedOn, overtaken: facts.FinalPlan is not null);

        // Exceptions lift the council's limits, never the family's 15 days.
        var milestone = MilestoneRules.Evaluate(MilestoneKeys.DraftResponseDeadline, due, completed, asOf);
        return new TrackedMilestone(milestone, []);
    }

    private static TrackedMilestone FinalPlanMilestone(CaseFacts facts, DateOnly asOf)
    {
        var due = facts.Day0.AddDays(FinalPlanDays);
        return Track(MilestoneKeys.FinalPlan, facts.Day0, due, facts.FinalPlan?.OccurredOn, asOf, facts, adviceOnly: false);
    }

    private static TrackedMilestone Track(
        string key,
        DateOnly start,
        DateOnly due,
        DateOnly? completed,
        DateOnly asOf,
        CaseFacts facts,
        bool adviceOnly,
        string? subject = null)
    {
        var end = Min(completed ?? asOf, due);
        var covering = facts.Exceptions
            .Where(e => Lifts(e.Applied.Kind, adviceOnly) && e.Overlaps(start, end))
            .Select(e => e.Applied)
            .ToList();
        var milestone = MilestoneRules.Evaluate(key, due, completed, asOf, covering.Count > 0, subject);
        return new TrackedMilestone(milestone, covering);
    }

    /// <summary>
    /// Which limits each exception lifts: Regs 5(4), 8(2), 10(4) and (by 13(3)) the 20 weeks for the
    /// closures, personal circumstances and absence; a missed appointment only the advice (8(2)(c)).
    /// </summary>
    private static bool Lifts(ExceptionKind kind, bool adviceDeadline) => kind switch
    {
        ExceptionKind.MissedAppointment => adviceDeadline,
        ExceptionKind.SchoolClosure
            or ExceptionKind.EarlyYearsClosure
            or ExceptionKind.ExceptionalPersonalCircumstances
            or ExceptionKind.AbsentFromArea => true,
        _ => false,
    };

    private static bool? Within20Weeks(CaseFacts facts, DateOnly asOf)
    {
        var due = facts.Day0.AddDays(FinalPlanDays);
        if (facts.FinalPlan is { } plan)
        {
            return plan.OccurredOn <= due;
        }

        if (facts.IsClosed)
        {
            return null;
        }

        return asOf > due ? false : null;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>A milestone with the exceptions that covered it, whose reasons the family is told (CoP 9.43).</summary>
internal sealed record TrackedMilestone(Milestone Milestone, IReadOnlyList<ExceptionApplied> Exceptions);

/// <summary>An exception with the period it lasted: from when it was applied to its end, or still open.</summary>
internal sealed record ExceptionPeriod(ExceptionApplied Applied, DateOnly? End)
{
    public bool Overlaps(DateOnly from, DateOnly to) =>
        Applied.OccurredOn <= to && (End is not { } end || end >= from);
}

/// <summary>The case's events sorted into what the clock needs.</summary>
internal sealed class CaseFacts
{
    private CaseFacts(RequestReceived request) => Request = request;

    public RequestReceived Request { get; }

    public DateOnly Day0 => Request.OccurredOn;

    public DecisionToAssess? DecisionToAssess { get; private set; }

    public List<AdviceRequested> AdviceRequests { get; } = [];

    public List<AdviceReceived> AdviceReceived { get; } = [];

    public List<ExceptionPeriod> Exceptions { get; } = [];

    public DecisionToIssue? DecisionToIssue { get; private set; }

    public List<DraftPlanServed> Drafts { get; } = [];

    /// <summary>The family's first response after the latest draft; an amended draft restarts the window.</summary>
    public RepresentationsReceived? ResponseToLatestDraft { get; private set; }

    public FinalPlanIssued? FinalPlan { get; private set; }

    public RequestWithdrawn? Withdrawal { get; private set; }

    public bool IsRefused => DecisionToAssess is { Agreed: false };

    public bool IsNotIssued => DecisionToIssue is { Issue: false };

    public bool IsClosed => IsRefused || IsNotIssued || FinalPlan is not null || Withdrawal is not null;

    public static CaseFacts From(IReadOnlyList<CaseEvent> events)
    {
        var request = events.OfType<RequestReceived>().FirstOrDefault()
            ?? throw new ArgumentException("A case's events must start with the request.", nameof(events));
        var facts = new CaseFacts(request);
        var ends = events.OfType<ExceptionEnded>().ToDictionary(e => e.ExceptionId, e => e.OccurredOn);
        foreach (var caseEvent in events)
        {
            switch (caseEvent)
            {
                case DecisionToAssess decision:
                    facts.DecisionToAssess = decision;
                    break;
                case AdviceRequested advice:
                    facts.AdviceRequests.Add(advice);
                    break;
                case AdviceReceived advice:
                    facts.AdviceReceived.Add(advice);
                    break;
                case ExceptionApplied exception:
                    var end = ends.TryGetValue(exception.Id, out var ended) ? ended : exception.ExpectedEnd;
                    facts.Exceptions.Add(new ExceptionPeriod(exception, end));
                    break;
                case DecisionToIssue decision:
                    facts.DecisionToIssue = decision;
                    break;
                case DraftPlanServed draft:
                    facts.Drafts.Add(draft);
                    facts.ResponseToLatestDraft = null;
                    break;
                case RepresentationsReceived representations:
                    facts.ResponseToLatestDraft ??= representations;
                    break;
                case FinalPlanIssued plan:
                    facts.FinalPlan = plan;
                    break;
                case RequestWithdrawn withdrawal:
                    facts.Withdrawal = withdrawal;
                    break;
                default:
                    break;
            }
        }

        return facts;
    }
}
