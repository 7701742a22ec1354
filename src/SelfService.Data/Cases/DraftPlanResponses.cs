using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Storage;
using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.People;
using SelfService.Domain.Timeline;

namespace SelfService.Data.Cases;

/// <summary>What a family says about a draft plan (SEND Regs 13(1)): comments, a meeting, a setting to name.</summary>
public sealed record DraftPlanResponse(string? Comments, bool MeetingRequested, Guid? RequestedSchoolId);

public enum DraftPlanResponseOutcome
{
    /// <summary>No such case, or not one this viewer may respond to: the caller answers 404.</summary>
    NotFound,

    /// <summary>There is no draft plan waiting for a response (none served yet, or the final plan issued).</summary>
    NoDraftToRespondTo,

    Recorded,
}

/// <param name="DaysLate">Calendar days after the last day of the 15; 0 when on time.</param>
public sealed record DraftPlanResponseResult(DraftPlanResponseOutcome Outcome, DateOnly? Deadline = null, int DaysLate = 0, string? NextStep = null)
{
    public bool IsLate => DaysLate > 0;
}

/// <summary>
/// Records a family's response to a draft plan as a domain change through <see cref="CaseCommands"/>
/// (event, audit entry and confirmation email together). A response after the 15 days is still
/// accepted, as councils must consider late representations, and is recorded as late.
/// </summary>
public sealed class DraftPlanResponses(CaseStoreDbContext db, CaseReader reader, CaseCommands commands, TimeProvider time)
{
    public const string OnTimeAction = "case.representationsReceived";
    public const string LateAction = "case.representationsReceivedLate";
    public const string EmailKind = "draftPlanResponse";

    /// <summary>The last day of the family's window: 15 days beginning with the day the draft was served.</summary>
    public static DateOnly DeadlineFor(DateOnly draftServedOn) => draftServedOn.AddDays(StatutoryClock.DraftResponseDays);

    /// <summary>Schools and settings a family may ask to have named, by name.</summary>
    public async Task<IReadOnlyList<School>> SettingsAsync(CancellationToken cancellationToken = default) =>
        await db.Schools.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <param name="today">The UK date the response arrived; it is the date of the representations.</param>
    public async Task<DraftPlanResponseResult> RecordAsync(
        string reference, Viewer viewer, DraftPlanResponse response, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(response);
        var found = await reader.FindAsync(reference, viewer, cancellationToken);
        if (found is null || !found.Access.CanRespondToDraft)
        {
            return new DraftPlanResponseResult(DraftPlanResponseOutcome.NotFound);
        }

        if (found.Case.Stage != CaseStage.DraftPlanIssued || found.Case.DraftPlanServedOn is not { } served)
        {
            return new DraftPlanResponseResult(DraftPlanResponseOutcome.NoDraftToRespondTo);
        }

        if (response.RequestedSchoolId is { } schoolId && !await db.Schools.AnyAsync(s => s.Id == schoolId, cancellationToken))
        {
            throw new ArgumentException("The requested setting is not a known school.", nameof(response));
        }

        var deadline = DeadlineFor(served);
        var daysLate = Math.Max(0, today.DayNumber - deadline.DayNumber);
        var recording = new Recording(viewer.Email, time.GetUtcNow().UtcDateTime);
        var representations = new RepresentationsReceived(
            Guid.CreateVersion7(), today, response.MeetingRequested, response.RequestedSchoolId, Clean(response.Comments));

        var setting = response.RequestedSchoolId is { } id ? await db.Schools.Where(s => s.Id == id).Select(s => s.Name).SingleAsync(cancellationToken) : null;
        var after = BuildTimeline(found.Case, representations, today);
        var email = OutboxEmail.Create(
            recording.AtUtc,
            EmailKind,
            viewer.Email,
            $"We have your response to {found.Child.KnownAs ?? found.Child.FirstName}'s draft EHC plan ({found.Case.Reference})",
            EmailBody(found, today, deadline, daysLate, response, setting, after.NextStep));

        await commands.ExecuteAsync(
            found.Case.Id,
            recording,
            c => c.RecordRepresentations(representations, recording),
            daysLate > 0 ? LateAction : OnTimeAction,
            [email],
            cancellationToken);
        return new DraftPlanResponseResult(DraftPlanResponseOutcome.Recorded, deadline, daysLate, after.NextStep);
    }

    /// <summary>The timeline as it will stand once the response is recorded, for the email's "what happens next".</summary>
    private static AssessmentTimeline BuildTimeline(AssessmentCase assessmentCase, RepresentationsReceived representations, DateOnly today)
    {
        var events = assessmentCase.Events.Append(representations).ToList();
        return StatutoryClock.Calculate(events, today);
    }

    private static string? Clean(string? comments) => string.IsNullOrWhiteSpace(comments) ? null : comments.Trim();

    private static string EmailBody(
        CaseRecord found, DateOnly today, DateOnly deadline, int daysLate, DraftPlanResponse response, string? setting, string nextStep)
    {
        var name = found.Child.DisplayName;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"We received your response to the draft EHC plan for {name} (reference {found.Case.Reference}) on {UkDate.Long(today)}.");
        text.AppendLine();
        text.AppendLine(daysLate > 0
            ? string.Create(CultureInfo.InvariantCulture, $"The last day to respond was {UkDate.Long(deadline)}, so your response is {daysLate} {(daysLate == 1 ? "day" : "days")} late. We will still consider it.")
            : $"Your response arrived within the 15 days (the last day is {UkDate.Long(deadline)}).");
        text.AppendLine();
        text.AppendLine("You told us:");
        text.AppendLine(CultureInfo.InvariantCulture, $"- comments: {(string.IsNullOrWhiteSpace(response.Comments) ? "none" : "yes, as you wrote them")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- meeting: {(response.MeetingRequested ? "you would like a meeting to discuss the draft" : "no meeting asked for")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- school or setting: {setting ?? "none asked for"}");
        text.AppendLine();
        text.AppendLine("What happens next");
        text.AppendLine(nextStep);
        if (setting is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"We must consult {setting} about naming it in the plan; it has 15 days to reply.");
        }

        return text.ToString();
    }
}
