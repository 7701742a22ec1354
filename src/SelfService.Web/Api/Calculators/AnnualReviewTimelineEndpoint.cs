using System.Text.Json;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;
using SelfService.Web.Hosting;

namespace SelfService.Web.Api.Calculators;

public sealed record AnnualReviewTimelineResponse(IReadOnlyList<MilestoneResponse> Milestones, string NextStep);

/// <summary>POST /api/annual-review-timeline: review, decision, amendment and phase-transfer deadlines for a plan.</summary>
internal static class AnnualReviewTimelineEndpoint
{
    private static readonly Dictionary<string, ReviewDecision> Decisions = new(StringComparer.Ordinal)
    {
        ["maintain"] = ReviewDecision.Maintain,
        ["amend"] = ReviewDecision.Amend,
        ["cease"] = ReviewDecision.Cease,
    };

    private static readonly Dictionary<string, PhaseTransferKind> TransferKinds = new(StringComparer.Ordinal)
    {
        ["school"] = PhaseTransferKind.School,
        ["post16"] = PhaseTransferKind.PostSixteen,
    };

    public static Task<IResult> HandleAsync(HttpRequest request, UkClock clock, CancellationToken cancellationToken) =>
        CalculatorRequest.HandleAsync(request, (root, f) => Calculate(root, f, clock), cancellationToken);

    private static AnnualReviewTimelineResponse? Calculate(JsonElement root, JsonFields f, UkClock clock)
    {
        var planIssued = f.Date(root, "planIssued", "planIssued", required: true);
        var lastMeeting = f.Date(root, "lastReviewMeeting", "lastReviewMeeting", required: false);
        var meeting = f.Date(root, "reviewMeeting", "reviewMeeting", required: false);
        var decision = f.Choice(root, "decision", "decision", required: false, Decisions);
        var notified = f.Date(root, "decisionNotified", "decisionNotified", required: false);
        var proposed = f.Date(root, "amendmentsProposed", "amendmentsProposed", required: false);
        var finalAmended = f.Date(root, "finalAmendedPlan", "finalAmendedPlan", required: false);
        var asOf = f.Date(root, "asOf", "asOf", required: false) ?? clock.Today();
        var transfer = ReadPhaseTransfer(root, f);

        f.NotBefore(lastMeeting, "lastReviewMeeting", planIssued, "planIssued");
        f.NotBefore(meeting, "reviewMeeting", lastMeeting ?? planIssued, lastMeeting is null ? "planIssued" : "lastReviewMeeting");
        RequireEarlierStep(f, notified, "decisionNotified", meeting, "reviewMeeting");
        RequireEarlierStep(f, proposed, "amendmentsProposed", meeting, "reviewMeeting");
        RequireEarlierStep(f, finalAmended, "finalAmendedPlan", proposed, "amendmentsProposed");
        if (proposed is not null && decision is ReviewDecision.Maintain or ReviewDecision.Cease)
        {
            f.Add("amendmentsProposed", "amendmentsProposed only applies when the decision is to amend the plan.");
        }

        foreach (var (date, name) in new[] { (planIssued, "planIssued"), (lastMeeting, "lastReviewMeeting"), (meeting, "reviewMeeting"), (notified, "decisionNotified"), (proposed, "amendmentsProposed"), (finalAmended, "finalAmendedPlan") })
        {
            if (date > asOf)
            {
                f.Add(name, $"{name} cannot be after asOf ({asOf:yyyy-MM-dd}).");
            }
        }

        if (f.HasErrors)
        {
            return null;
        }

        // Proposals are only sent after a decision to amend, so they imply it when the decision is not given.
        var effectiveDecision = decision ?? (proposed is not null ? ReviewDecision.Amend : null);
        var input = new AnnualReviewTimelineInput(planIssued!.Value, lastMeeting, meeting, effectiveDecision, notified, proposed, finalAmended, transfer);
        var timeline = AnnualReviewClock.Calculate(input, asOf);
        return new AnnualReviewTimelineResponse(MilestoneResponse.From(timeline.Milestones), timeline.NextStep);
    }

    private static void RequireEarlierStep(JsonFields f, DateOnly? date, string name, DateOnly? earlier, string earlierName)
    {
        if (date is not null && earlier is null)
        {
            f.Add(name, $"{name} needs {earlierName} too.");
        }

        f.NotBefore(date, name, earlier, earlierName);
    }

    private static PhaseTransfer? ReadPhaseTransfer(JsonElement root, JsonFields f)
    {
        if (!root.TryGetProperty("phaseTransfer", out var transfer) || transfer.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (transfer.ValueKind != JsonValueKind.Object)
        {
            f.Add("phaseTransfer", "phaseTransfer must be an object like {\"kind\":\"school\",\"transferYear\":2027}, or null.");
            return null;
        }

        var kind = f.Choice(transfer, "kind", "phaseTransfer.kind", required: false, TransferKinds);
        if (kind is null)
        {
            return null;
        }

        var year = f.WholeNumber(transfer, "transferYear", "phaseTransfer.transferYear", required: true, 2000, 2100);
        return year is null ? null : new PhaseTransfer(kind.Value, year.Value);
    }
}
