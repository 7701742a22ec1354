using SelfService.Domain.Common;
using SelfService.Domain.Timeline;

namespace SelfService.Domain.Assessments;

/// <summary>
/// An EHC needs assessment case: from the request to a final plan, a refusal or a withdrawal.
/// Every change appends an event after checking it is legal now; the stage and the summary
/// fields are kept in step so the store can query them without replaying events.
/// </summary>
public sealed class AssessmentCase
{
    private readonly List<CaseEvent> _events = [];

    private AssessmentCase(Guid id, string reference, Guid childId)
    {
        Id = id;
        Reference = reference;
        ChildId = childId;
    }

    public Guid Id { get; private set; }

    /// <summary>The reference families and staff quote, e.g. EHC-2026-00042.</summary>
    public string Reference { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid? CaseworkerId { get; private set; }

    public DateOnly RequestReceivedOn { get; private set; }

    public Requester Requester { get; private set; }

    public Guid? RequestingSchoolId { get; private set; }

    public RequestRoute Route { get; private set; }

    public CaseStage Stage { get; private set; }

    public DateOnly? DecisionToAssessOn { get; private set; }

    public DateOnly? DraftPlanServedOn { get; private set; }

    public DateOnly? FinalPlanIssuedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Optimistic concurrency: bumped on every change so two caseworkers cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<CaseEvent> Events => _events;

    public bool IsClosed => Stage.IsClosed();

    /// <summary>The statutory deadlines as they stand on <paramref name="asOf"/> (a UK date).</summary>
    public AssessmentTimeline Timeline(DateOnly asOf) => StatutoryClock.Calculate(Events, asOf);

    public static AssessmentCase Open(Guid id, string reference, Guid childId, RequestReceived request, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Requester == Requester.SchoolWithParentalConsent)
        {
            if (request.RequestingSchoolId is null)
            {
                throw new DomainException("request.schoolMissing", "A request from a school must say which school made it.");
            }

            if (request.ParentalConsentGivenOn is null)
            {
                throw new DomainException("request.consentMissing", "A school can only ask for an assessment with the parent's consent.");
            }
        }

        var assessmentCase = new AssessmentCase(id, reference, childId)
        {
            RequestReceivedOn = request.OccurredOn,
            Requester = request.Requester,
            RequestingSchoolId = request.RequestingSchoolId,
            Route = request.Route,
            Stage = CaseStage.AwaitingDecisionToAssess,
        };
        assessmentCase.Append(request, recording);
        return assessmentCase;
    }

    public void AssignCaseworker(Guid? caseworkerId)
    {
        CaseworkerId = caseworkerId;
        Version++;
    }

    public void RecordDecisionToAssess(DecisionToAssess decision, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(decision);
        RequireStage("decide whether to assess", CaseStage.AwaitingDecisionToAssess);
        RequireProgressDate(decision);
        if (!decision.Agreed && string.IsNullOrWhiteSpace(decision.Reason))
        {
            throw new DomainException("decision.reasonMissing", "A refusal to assess must give the reason.");
        }

        DecisionToAssessOn = decision.OccurredOn;
        Stage = decision.Agreed ? CaseStage.Assessing : CaseStage.AssessmentRefused;
        Append(decision, recording);
    }

    public void RequestAdvice(AdviceRequested request, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireStage("ask for advice", CaseStage.Assessing);
        RequireNotBefore(request, DecisionToAssessOn!.Value, "the decision to assess");
        Append(request, recording);
    }

    public void RecordAdviceReceived(AdviceReceived received, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(received);
        RequireOpen("record advice");
        var request = _events.OfType<AdviceRequested>().FirstOrDefault(e => e.Id == received.AdviceRequestId)
            ?? throw new DomainException("advice.unknownRequest", "There is no request for that advice on this case.");
        if (_events.OfType<AdviceReceived>().Any(e => e.AdviceRequestId == received.AdviceRequestId))
        {
            throw new DomainException("advice.alreadyReceived", $"Advice from {request.AdviserName} has already been recorded.");
        }

        RequireNotBefore(received, request.OccurredOn, "the request for that advice");
        Append(received, recording);
    }

    public void ApplyException(ExceptionApplied exception, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(exception);
        RequireOpen("apply an exception");
        RequireNotBefore(exception, RequestReceivedOn, "the request was received");
        if (string.IsNullOrWhiteSpace(exception.Reason))
        {
            throw new DomainException("exception.reasonMissing", "An exception to the time limits must be recorded with its reason.");
        }

        if (exception.ExpectedEnd is { } end && end < exception.OccurredOn)
        {
            throw new DomainException("exception.endBeforeStart", "An exception cannot end before it starts.");
        }

        Append(exception, recording);
    }

    public void EndException(ExceptionEnded ended, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(ended);
        RequireOpen("end an exception");
        var applied = _events.OfType<ExceptionApplied>().FirstOrDefault(e => e.Id == ended.ExceptionId)
            ?? throw new DomainException("exception.unknown", "There is no such exception on this case.");
        if (_events.OfType<ExceptionEnded>().Any(e => e.ExceptionId == ended.ExceptionId))
        {
            throw new DomainException("exception.alreadyEnded", "That exception has already ended.");
        }

        RequireNotBefore(ended, applied.OccurredOn, "the exception started");
        Append(ended, recording);
    }

    public void RecordDecisionToIssue(DecisionToIssue decision, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(decision);
        RequireStage("decide whether to issue a plan", CaseStage.Assessing);
        RequireProgressDate(decision);
        if (!decision.Issue && string.IsNullOrWhiteSpace(decision.Reason))
        {
            throw new DomainException("decision.reasonMissing", "A decision not to issue a plan must give the reason.");
        }

        Stage = decision.Issue ? CaseStage.DraftingPlan : CaseStage.PlanNotIssued;
        Append(decision, recording);
    }

    /// <summary>
    /// Serving a draft implies the decision to issue, so it is accepted straight from assessing;
    /// serving it again (an amended draft) restarts the family's 15 days.
    /// </summary>
    public void ServeDraftPlan(DraftPlanServed draft, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RequireStage("serve a draft plan", CaseStage.Assessing, CaseStage.DraftingPlan, CaseStage.DraftPlanIssued);
        RequireProgressDate(draft);
        DraftPlanServedOn = draft.OccurredOn;
        Stage = CaseStage.DraftPlanIssued;
        Append(draft, recording);
    }

    public void RecordRepresentations(RepresentationsReceived representations, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(representations);
        RequireStage("record the family's response to the draft plan", CaseStage.DraftPlanIssued);
        RequireNotBefore(representations, DraftPlanServedOn!.Value, "the draft plan was served");
        Append(representations, recording);
    }

    public void IssueFinalPlan(FinalPlanIssued plan, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(plan);
        RequireStage("issue the final plan", CaseStage.DraftPlanIssued);
        RequireProgressDate(plan);
        FinalPlanIssuedOn = plan.OccurredOn;
        Stage = CaseStage.FinalPlanIssued;
        Append(plan, recording);
    }

    public void Withdraw(RequestWithdrawn withdrawal, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        RequireOpen("withdraw the request");
        RequireProgressDate(withdrawal);
        Stage = CaseStage.Withdrawn;
        Append(withdrawal, recording);
    }

    private void Append(CaseEvent caseEvent, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        caseEvent.CaseId = Id;
        caseEvent.Sequence = _events.Count + 1;
        caseEvent.RecordedAtUtc = recording.AtUtc;
        caseEvent.RecordedBy = recording.By;
        _events.Add(caseEvent);
        if (Stage.IsClosed())
        {
            ClosedOn = caseEvent.OccurredOn;
        }

        Version++;
    }

    private void RequireOpen(string action)
    {
        if (IsClosed)
        {
            throw new DomainException("case.closed", $"You cannot {action}: case {Reference} is closed ({Describe(Stage)}).");
        }
    }

    private void RequireStage(string action, params CaseStage[] allowed)
    {
        RequireOpen(action);
        if (!allowed.Contains(Stage))
        {
            throw new DomainException("case.invalidTransition", $"You cannot {action} while the case is at \"{Describe(Stage)}\".");
        }
    }

    /// <summary>Steps of the process happen in order: none can be dated before the previous step.</summary>
    private void RequireProgressDate(CaseEvent caseEvent)
    {
        var previous = _events.Where(IsProgressStep).Select(e => e.OccurredOn).DefaultIfEmpty(RequestReceivedOn).Max();
        RequireNotBefore(caseEvent, previous, "the previous step of the process");
    }

    private static void RequireNotBefore(CaseEvent caseEvent, DateOnly earliest, string what)
    {
        if (caseEvent.OccurredOn < earliest)
        {
            throw new DomainException(
                "case.outOfOrder",
                $"The date {caseEvent.OccurredOn:yyyy-MM-dd} is before {what} ({earliest:yyyy-MM-dd}).");
        }
    }

    private static bool IsProgressStep(CaseEvent e) =>
        e is RequestReceived or DecisionToAssess or DecisionToIssue or DraftPlanServed or FinalPlanIssued or RequestWithdrawn;

    public static string Describe(CaseStage stage) => stage switch
    {
        CaseStage.AwaitingDecisionToAssess => "deciding whether to assess",
        CaseStage.Assessing => "assessment under way",
        CaseStage.DraftingPlan => "plan being drafted",
        CaseStage.DraftPlanIssued => "draft plan issued",
        CaseStage.FinalPlanIssued => "final plan issued",
        CaseStage.AssessmentRefused => "decided not to assess",
        CaseStage.PlanNotIssued => "decided not to issue a plan",
        CaseStage.Withdrawn => "request withdrawn",
        _ => stage.ToString(),
    };
}
