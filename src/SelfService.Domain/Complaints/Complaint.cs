using System.Globalization;
using SelfService.Domain.Calendar;
using SelfService.Domain.Common;

namespace SelfService.Domain.Complaints;

/// <summary>
/// A complaint about a case or about the service, through stage 1, stage 2 and the Ombudsman
/// (LGSCO). Due dates are fixed when each stage starts, from the council's
/// <see cref="ServiceLevels"/> then in force, so a later policy change cannot move a promise
/// already made to the complainant. Every change is guarded: a step out of order raises a
/// <see cref="DomainException"/> with one of the <see cref="ComplaintErrors"/> codes.
/// </summary>
public sealed class Complaint
{
    public const int MaxTextLength = 4000;
    public const int MaxShortTextLength = 200;

    private Complaint()
    {
        Reference = string.Empty;
        ComplainantEmail = string.Empty;
        ComplainantName = string.Empty;
        WhatWentWrong = string.Empty;
        PutRight = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary><c>CMP-{year}-{5 digits}</c>.</summary>
    public string Reference { get; private set; }

    public Guid ComplainantAccountId { get; private set; }

    /// <summary>Normalised address of the account that made it; only that account sees it.</summary>
    public string ComplainantEmail { get; private set; }

    public string ComplainantName { get; private set; }

    public ComplainantRole Role { get; private set; }

    /// <summary>The case complained about; null for a complaint about the service in general.</summary>
    public Guid? CaseId { get; private set; }

    public string? CaseReference { get; private set; }

    /// <summary>For a member's complaint: the constituent it is made for.</summary>
    public string? ConstituentName { get; private set; }

    /// <summary>For a member's complaint: how and when the constituent agreed, as the member recorded it.</summary>
    public string? ConstituentConsent { get; private set; }

    public string WhatWentWrong { get; private set; }

    public string PutRight { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public DateOnly Stage1AcknowledgeBy { get; private set; }

    public DateOnly Stage1RespondBy { get; private set; }

    /// <summary>The later target, once the council has extended stage 1; null until then.</summary>
    public DateOnly? Stage1ExtendedTo { get; private set; }

    public string? Stage1ExtensionReason { get; private set; }

    public DateOnly? Stage1AcknowledgedOn { get; private set; }

    public DateOnly? Stage1RespondedOn { get; private set; }

    public ComplaintOutcome? Stage1Outcome { get; private set; }

    public string? Stage1Remedy { get; private set; }

    public string? Stage1Response { get; private set; }

    public DateOnly? Stage2RequestedOn { get; private set; }

    public string? Stage2Reason { get; private set; }

    public DateOnly? Stage2AcknowledgeBy { get; private set; }

    public DateOnly? Stage2RespondBy { get; private set; }

    public DateOnly? Stage2AcknowledgedOn { get; private set; }

    public DateOnly? Stage2RespondedOn { get; private set; }

    public ComplaintOutcome? Stage2Outcome { get; private set; }

    public string? Stage2Remedy { get; private set; }

    public string? Stage2Response { get; private set; }

    public DateOnly? OmbudsmanReferredOn { get; private set; }

    public string? OmbudsmanReference { get; private set; }

    public DateOnly? OmbudsmanDecidedOn { get; private set; }

    public OmbudsmanOutcome? OmbudsmanOutcome { get; private set; }

    public string? OmbudsmanRemedy { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>
    /// The next date the council must meet; null while the council is waiting on someone else
    /// (the Ombudsman) or the complaint is closed. Kept as a column so the work tray can sort on it.
    /// </summary>
    public DateOnly? NextDueOn { get; private set; }

    /// <summary>Stage 1 target in force: the extended date once extended.</summary>
    public DateOnly Stage1TargetRespondBy => Stage1ExtendedTo ?? Stage1RespondBy;

    /// <summary>The last day to ask for stage 2, once stage 1 has been answered.</summary>
    public DateOnly? Stage2WindowClosesOn { get; private set; }

    /// <summary>1 or 2 for the council's stages, 3 once with the Ombudsman.</summary>
    public int Stage => Status switch
    {
        ComplaintStatus.Stage1Received or ComplaintStatus.Stage1Acknowledged or ComplaintStatus.Stage1Responded => 1,
        ComplaintStatus.Stage2Requested or ComplaintStatus.Stage2Acknowledged or ComplaintStatus.Stage2Responded => 2,
        ComplaintStatus.ReferredToOmbudsman => 3,
        _ => OmbudsmanReferredOn is not null ? 3 : Stage2RequestedOn is not null ? 2 : 1,
    };

    public bool IsOpen => Status != ComplaintStatus.Closed;

    /// <summary>Opens a stage 1 complaint received on <paramref name="receivedOn"/> (a UK date).</summary>
    public static Complaint Open(NewComplaint details, string reference, DateOnly receivedOn, ServiceLevels levels, WorkingDayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(levels);
        var whatWentWrong = Required(details.WhatWentWrong, "Say what went wrong");
        var putRight = Required(details.PutRight, "Say what would put it right");
        string? constituent = null, consent = null;
        if (details.Role == ComplainantRole.MemberForConstituent)
        {
            constituent = Required(details.ConstituentName, "Give the name of the constituent the complaint is for");
            consent = string.IsNullOrWhiteSpace(details.ConstituentConsent)
                ? throw new DomainException(ComplaintErrors.ConsentRequired, "A member can complain for a constituent only with their consent")
                : details.ConstituentConsent.Trim();
        }

        var due = levels.ComplaintStage1DueDates(receivedOn, calendar);
        var complaint = new Complaint
        {
            Id = details.Id,
            Reference = reference,
            ComplainantAccountId = details.ComplainantAccountId,
            ComplainantEmail = details.ComplainantEmail,
            ComplainantName = details.ComplainantName,
            Role = details.Role,
            CaseId = details.CaseId,
            CaseReference = details.CaseReference,
            ConstituentName = constituent,
            ConstituentConsent = consent,
            WhatWentWrong = whatWentWrong,
            PutRight = putRight,
            Status = ComplaintStatus.Stage1Received,
            ReceivedOn = receivedOn,
            Stage1AcknowledgeBy = due.AcknowledgeBy,
            Stage1RespondBy = due.RespondBy,
        };
        complaint.NextDueOn = due.AcknowledgeBy;
        return complaint;
    }

    /// <summary>Acknowledges the current stage (1 or 2).</summary>
    public void Acknowledge(DateOnly on)
    {
        switch (Status)
        {
            case ComplaintStatus.Stage1Received:
                NotBefore(on, ReceivedOn, "the complaint was received");
                Stage1AcknowledgedOn = on;
                Status = ComplaintStatus.Stage1Acknowledged;
                NextDueOn = Stage1TargetRespondBy;
                break;
            case ComplaintStatus.Stage2Requested:
                NotBefore(on, Stage2RequestedOn!.Value, "stage 2 was asked for");
                Stage2AcknowledgedOn = on;
                Status = ComplaintStatus.Stage2Acknowledged;
                NextDueOn = Stage2RespondBy;
                break;
            default:
                throw NotNow("acknowledged");
        }
    }

    /// <summary>
    /// Tells the complainant stage 1 needs longer: the target moves to the extended date the
    /// service levels allow. Once only, with a reason the complainant will read.
    /// </summary>
    public void ExtendStage1(string reason, ServiceLevels levels, WorkingDayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (Status is not (ComplaintStatus.Stage1Received or ComplaintStatus.Stage1Acknowledged))
        {
            throw NotNow("extended");
        }

        if (Stage1ExtendedTo is not null)
        {
            throw new DomainException(ComplaintErrors.AlreadyExtended, "Stage 1 has already been extended once");
        }

        Stage1ExtensionReason = Required(reason, "Give the reason for the extension");
        Stage1ExtendedTo = levels.ComplaintStage1DueDates(ReceivedOn, calendar).ExtendedRespondBy;
        if (Status == ComplaintStatus.Stage1Acknowledged)
        {
            NextDueOn = Stage1ExtendedTo;
        }
    }

    /// <summary>Records the response to the current stage (1 or 2).</summary>
    public void Respond(ComplaintOutcome outcome, string remedy, string response, DateOnly on, ServiceLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var text = Required(response, "Enter the response");
        var remedyText = string.IsNullOrWhiteSpace(remedy) ? null : remedy.Trim();
        if (outcome != ComplaintOutcome.NotUpheld && remedyText is null)
        {
            throw new DomainException(ComplaintErrors.TextRequired, "Say what the council will do to put things right");
        }

        switch (Status)
        {
            case ComplaintStatus.Stage1Received or ComplaintStatus.Stage1Acknowledged:
                NotBefore(on, Stage1AcknowledgedOn ?? ReceivedOn, "the complaint was received or acknowledged");
                Stage1AcknowledgedOn ??= on;
                Stage1RespondedOn = on;
                Stage1Outcome = outcome;
                Stage1Remedy = remedyText;
                Stage1Response = text;
                Stage2WindowClosesOn = levels.Stage2RequestWindowCloses(on);
                Status = ComplaintStatus.Stage1Responded;
                NextDueOn = Stage2WindowClosesOn;
                break;
            case ComplaintStatus.Stage2Requested or ComplaintStatus.Stage2Acknowledged:
                NotBefore(on, Stage2AcknowledgedOn ?? Stage2RequestedOn!.Value, "stage 2 was asked for or acknowledged");
                Stage2AcknowledgedOn ??= on;
                Stage2RespondedOn = on;
                Stage2Outcome = outcome;
                Stage2Remedy = remedyText;
                Stage2Response = text;
                Status = ComplaintStatus.Stage2Responded;
                NextDueOn = null;
                break;
            default:
                throw NotNow("answered");
        }
    }

    /// <summary>Whether the complainant can still ask for stage 2 on <paramref name="today"/>.</summary>
    public bool CanRequestStage2(DateOnly today) =>
        Status == ComplaintStatus.Stage1Responded && Stage2WindowClosesOn is { } closes && today <= closes;

    /// <summary>
    /// The complainant asks for stage 2. Only within the window after the stage 1 reply
    /// (<see cref="ServiceLevels.Stage2RequestWindowCalendarDays"/> calendar days, the reply day being day 0).
    /// </summary>
    public void RequestStage2(string reason, DateOnly on, ServiceLevels levels, WorkingDayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (Status != ComplaintStatus.Stage1Responded)
        {
            throw NotNow("escalated to stage 2");
        }

        NotBefore(on, Stage1RespondedOn!.Value, "the stage 1 response");
        if (on > Stage2WindowClosesOn!.Value)
        {
            throw new DomainException(
                ComplaintErrors.Stage2WindowClosed,
                string.Create(CultureInfo.InvariantCulture, $"The time to ask for stage 2 ended on {LongDate(Stage2WindowClosesOn.Value)}, {levels.Stage2RequestWindowCalendarDays} days after the stage 1 response. You can contact the Local Government and Social Care Ombudsman."));
        }

        Stage2Reason = Required(reason, "Say why you are not satisfied with the stage 1 response");
        var due = levels.ComplaintStage2DueDates(on, calendar);
        Stage2RequestedOn = on;
        Stage2AcknowledgeBy = due.AcknowledgeBy;
        Stage2RespondBy = due.RespondBy;
        Status = ComplaintStatus.Stage2Requested;
        NextDueOn = due.AcknowledgeBy;
    }

    /// <summary>The complainant has taken the complaint to the Ombudsman after stage 2.</summary>
    public void ReferToOmbudsman(DateOnly on, string ombudsmanReference)
    {
        if (Status != ComplaintStatus.Stage2Responded)
        {
            throw NotNow("referred to the Ombudsman");
        }

        NotBefore(on, Stage2RespondedOn!.Value, "the stage 2 response");
        OmbudsmanReferredOn = on;
        OmbudsmanReference = Required(ombudsmanReference, "Enter the Ombudsman's reference");
        Status = ComplaintStatus.ReferredToOmbudsman;
        NextDueOn = null;
    }

    public void RecordOmbudsmanOutcome(OmbudsmanOutcome outcome, string? remedy, DateOnly on)
    {
        if (Status != ComplaintStatus.ReferredToOmbudsman || OmbudsmanOutcome is not null)
        {
            throw NotNow("given an Ombudsman outcome");
        }

        NotBefore(on, OmbudsmanReferredOn!.Value, "the referral to the Ombudsman");
        OmbudsmanOutcome = outcome;
        OmbudsmanRemedy = string.IsNullOrWhiteSpace(remedy) ? null : remedy.Trim();
        OmbudsmanDecidedOn = on;
    }

    /// <summary>
    /// Closes the complaint. After stage 1 only once the complainant can no longer ask for stage 2,
    /// so closing never takes that right away; with the Ombudsman only once they have decided.
    /// </summary>
    public void Close(DateOnly on)
    {
        switch (Status)
        {
            case ComplaintStatus.Stage1Responded when on <= Stage2WindowClosesOn!.Value:
                throw new DomainException(
                    ComplaintErrors.Stage2WindowOpen,
                    $"The complainant can ask for stage 2 until {LongDate(Stage2WindowClosesOn.Value)}; close it after that");
            case ComplaintStatus.Stage1Responded:
                NotBefore(on, Stage1RespondedOn!.Value, "the stage 1 response");
                break;
            case ComplaintStatus.Stage2Responded:
                NotBefore(on, Stage2RespondedOn!.Value, "the stage 2 response");
                break;
            case ComplaintStatus.ReferredToOmbudsman when OmbudsmanOutcome is not null:
                NotBefore(on, OmbudsmanDecidedOn!.Value, "the Ombudsman's decision");
                break;
            default:
                throw NotNow("closed");
        }

        ClosedOn = on;
        Status = ComplaintStatus.Closed;
        NextDueOn = null;
    }

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private DomainException NotNow(string step) =>
        new(ComplaintErrors.NotAtThisStep, $"Complaint {Reference} cannot be {step} now: it is at \"{ComplaintText.Status(Status)}\"");

    private static void NotBefore(DateOnly on, DateOnly earliest, string what)
    {
        if (on < earliest)
        {
            throw new DomainException(ComplaintErrors.DateOutOfOrder, $"The date must be on or after {LongDate(earliest)}, when {what}");
        }
    }

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException(ComplaintErrors.TextRequired, message) : text.Trim();
}

/// <summary>What the complainant gave, checked by <see cref="Complaint.Open"/>.</summary>
public sealed record NewComplaint(
    Guid Id,
    Guid ComplainantAccountId,
    string ComplainantEmail,
    string ComplainantName,
    ComplainantRole Role,
    Guid? CaseId,
    string? CaseReference,
    string WhatWentWrong,
    string PutRight,
    string? ConstituentName = null,
    string? ConstituentConsent = null);

/// <summary>Plain-English names for a complaint's states, shared by the pages and the emails.</summary>
public static class ComplaintText
{
    public static string Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Stage1Received => "Stage 1: received",
        ComplaintStatus.Stage1Acknowledged => "Stage 1: being looked into",
        ComplaintStatus.Stage1Responded => "Stage 1: answered",
        ComplaintStatus.Stage2Requested => "Stage 2: received",
        ComplaintStatus.Stage2Acknowledged => "Stage 2: being looked into",
        ComplaintStatus.Stage2Responded => "Stage 2: answered",
        ComplaintStatus.ReferredToOmbudsman => "With the Ombudsman",
        _ => "Closed",
    };

    public static string Outcome(ComplaintOutcome outcome) => outcome switch
    {
        ComplaintOutcome.Upheld => "Upheld",
        ComplaintOutcome.PartlyUpheld => "Partly upheld",
        _ => "Not upheld",
    };

    public static string Outcome(OmbudsmanOutcome outcome) => outcome switch
    {
        OmbudsmanOutcome.Upheld => "Upheld",
        OmbudsmanOutcome.NotUpheld => "Not upheld",
        _ => "Closed without a finding",
    };

    public static string Role(ComplainantRole role) => role switch
    {
        ComplainantRole.ParentCarer => "Parent or carer",
        ComplainantRole.YoungPerson => "Young person",
        ComplainantRole.MemberForConstituent => "Councillor or MP for a constituent",
        ComplainantRole.School => "School or setting",
        _ => "Someone else",
    };

    /// <summary>What the council must do next, for the staff list.</summary>
    public static string NextStep(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Status switch
        {
            ComplaintStatus.Stage1Received => "Acknowledge stage 1",
            ComplaintStatus.Stage1Acknowledged => "Respond to stage 1",
            ComplaintStatus.Stage1Responded => "Close unless stage 2 is asked for",
            ComplaintStatus.Stage2Requested => "Acknowledge stage 2",
            ComplaintStatus.Stage2Acknowledged => "Respond to stage 2",
            ComplaintStatus.Stage2Responded => "Close, or record an Ombudsman referral",
            ComplaintStatus.ReferredToOmbudsman => "Await the Ombudsman",
            _ => "None",
        };
    }
}
