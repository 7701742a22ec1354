using System.Text.Json;
using SelfService.Domain.Assessments;
using SelfService.Domain.Common;
using SelfService.Web.Hosting;

namespace SelfService.Web.Api.Calculators;

public sealed record StatutoryTimelineResponse(IReadOnlyList<MilestoneResponse> Milestones, bool? Within20Weeks, string NextStep);

/// <summary>
/// POST /api/statutory-timeline: the 20-week clock for a request, from the dates a family knows.
/// The events are replayed through the real case aggregate, so the calculator rejects exactly
/// what the case store would (a final plan before a draft, a decision on a withdrawn case).
/// </summary>
internal static class StatutoryTimelineEndpoint
{
    private const int MaxEvents = 100;

    private static readonly Dictionary<string, bool> AssessOutcomes = new(StringComparer.Ordinal) { ["agreed"] = true, ["refused"] = false };

    private static readonly Dictionary<string, bool> IssueOutcomes = new(StringComparer.Ordinal) { ["issue"] = true, ["notIssue"] = false };

    private static readonly Dictionary<string, ExceptionKind> ExceptionKinds = new(StringComparer.Ordinal)
    {
        ["schoolClosure"] = ExceptionKind.SchoolClosure,
        ["earlyYearsClosure"] = ExceptionKind.EarlyYearsClosure,
        ["exceptionalPersonalCircumstances"] = ExceptionKind.ExceptionalPersonalCircumstances,
        ["absentFromArea"] = ExceptionKind.AbsentFromArea,
        ["missedAppointment"] = ExceptionKind.MissedAppointment,
    };

    private static readonly string[] EventTypes =
        ["decisionToAssess", "exception", "decisionToIssue", "draftPlanServed", "representationsReceived", "finalPlanIssued", "withdrawn"];

    private static readonly Recording Calculator = new("calculator", DateTime.UnixEpoch);

    public static Task<IResult> HandleAsync(HttpRequest request, UkClock clock, CancellationToken cancellationToken) =>
        CalculatorRequest.HandleAsync(request, (root, fields) => Calculate(root, fields, clock), cancellationToken);

    private static StatutoryTimelineResponse? Calculate(JsonElement root, JsonFields fields, UkClock clock)
    {
        var received = fields.Date(root, "requestReceived", "requestReceived", required: true);
        var asOf = fields.Date(root, "asOf", "asOf", required: false) ?? clock.Today();
        fields.NotBefore(asOf, "asOf", received, "requestReceived");
        var changes = ReadEvents(root, fields, asOf);
        if (fields.HasErrors)
        {
            return null;
        }

        var assessmentCase = AssessmentCase.Open(
            Guid.NewGuid(), "calculator", Guid.Empty, new RequestReceived(Guid.NewGuid(), received!.Value, Requester.Parent, null, null), Calculator);
        for (var i = 0; i < changes.Count; i++)
        {
            try
            {
                changes[i](assessmentCase);
            }
            catch (DomainException ex)
            {
                fields.Add($"events[{i}]", ex.Message);
                return null;
            }
        }

        var timeline = assessmentCase.Timeline(asOf);
        return new StatutoryTimelineResponse(MilestoneResponse.From(timeline.Milestones), timeline.Within20Weeks, timeline.NextStep);
    }

    private static List<Action<AssessmentCase>> ReadEvents(JsonElement root, JsonFields fields, DateOnly asOf)
    {
        var changes = new List<Action<AssessmentCase>>();
        if (!root.TryGetProperty("events", out var events) || events.ValueKind == JsonValueKind.Null)
        {
            return changes;
        }

        if (events.ValueKind != JsonValueKind.Array)
        {
            fields.Add("events", "events must be a list (a JSON array) of events.");
            return changes;
        }

        if (events.GetArrayLength() > MaxEvents)
        {
            fields.Add("events", $"events can have at most {MaxEvents} entries.");
            return changes;
        }

        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            var path = $"events[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                fields.Add(path, $"{path} must be an object with a type and a date.");
                continue;
            }

            if (ReadEvent(item, path, fields, asOf) is { } change)
            {
                changes.Add(change);
            }
        }

        return changes;
    }

    private static Action<AssessmentCase>? ReadEvent(JsonElement item, string path, JsonFields fields, DateOnly asOf)
    {
        var type = fields.Text(item, "type", $"{path}.type", required: true);
        if (type is null)
        {
            return null;
        }

        if (!EventTypes.Contains(type, StringComparer.Ordinal))
        {
            fields.Add($"{path}.type", $"{path}.type must be one of: {string.Join(", ", EventTypes)}.");
            return null;
        }

        var dateField = type == "exception" ? "from" : "date";
        var date = fields.Date(item, dateField, $"{path}.{dateField}", required: true);
        if (date > asOf)
        {
            fields.Add($"{path}.{dateField}", $"{path}.{dateField} cannot be after asOf ({asOf:yyyy-MM-dd}).");
        }

        var reason = fields.Text(item, "reason", $"{path}.reason", required: false);
        Action<AssessmentCase>? change = type switch
        {
            "decisionToAssess" => fields.Choice(item, "outcome", $"{path}.outcome", true, AssessOutcomes) is { } agreed && date is { } d
                ? c => c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), d, agreed, agreed ? reason : reason ?? "Not given"), Calculator)
                : null,
            "exception" => ReadException(item, path, fields, date, reason),
            "decisionToIssue" => fields.Choice(item, "outcome", $"{path}.outcome", true, IssueOutcomes) is { } issue && date is { } d
                ? c => c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), d, issue, issue ? reason : reason ?? "Not given"), Calculator)
                : null,
            "draftPlanServed" => date is { } d ? c => c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), d), Calculator) : null,
            "representationsReceived" => date is { } d
                ? c => c.RecordRepresentations(new RepresentationsReceived(Guid.NewGuid(), d, false, null, null), Calculator)
                : null,
            "finalPlanIssued" => date is { } d ? c => c.IssueFinalPlan(new FinalPlanIssued(Guid.NewGuid(), d, null), Calculator) : null,
            _ => date is { } d ? c => c.Withdraw(new RequestWithdrawn(Guid.NewGuid(), d, reason ?? "Not given"), Calculator) : null,
        };
        return change;
    }

    private static Action<AssessmentCase>? ReadException(JsonElement item, string path, JsonFields fields, DateOnly? from, string? reason)
    {
        var kind = fields.Choice(item, "kind", $"{path}.kind", true, ExceptionKinds);
        var to = fields.Date(item, "to", $"{path}.to", required: false);
        fields.NotBefore(to, $"{path}.to", from, $"{path}.from");
        if (kind is not { } k || from is not { } f)
        {
            return null;
        }

        return c => c.ApplyException(new ExceptionApplied(Guid.NewGuid(), f, k, to, reason ?? "Not given"), Calculator);
    }
}
