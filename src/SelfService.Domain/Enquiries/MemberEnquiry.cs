using System.Globalization;
using SelfService.Domain.Calendar;
using SelfService.Domain.Common;

namespace SelfService.Domain.Enquiries;

/// <summary>
/// A councillor's or MP's enquiry about a constituent's child, with its service-level dates.
/// Status only moves forward (logged → acknowledged → answered → closed); a change that does not
/// fit the current status is refused with a <see cref="DomainException"/> the page can show.
/// </summary>
public sealed class MemberEnquiry
{
    public const string ReferencePrefix = "MQ-";

    /// <summary>Within this many working days of a due date, the enquiry shows amber.</summary>
    public const int AmberWorkingDays = 2;

    public MemberEnquiry(Guid id, string reference, Guid electedMemberId, Guid? loggedByDelegateId, EnquiryAnswers answers, DateTime loggedAtUtc, DateOnly receivedOn, DueDates due)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(answers);
        Id = id;
        Reference = reference;
        ElectedMemberId = electedMemberId;
        LoggedByDelegateId = loggedByDelegateId;
        ChildFirstName = answers.ChildFirstName;
        ChildLastName = answers.ChildLastName;
        ChildDateOfBirth = answers.ChildDateOfBirth;
        ParentName = answers.ParentName;
        Postcode = answers.Postcode;
        GivenCaseReference = answers.CaseReference;
        Concern = answers.Concern;
        Category = answers.Category;
        LoggedAtUtc = loggedAtUtc.Kind == DateTimeKind.Utc ? loggedAtUtc : throw new ArgumentException("Instants are UTC.", nameof(loggedAtUtc));
        ReceivedOn = receivedOn;
        AcknowledgeBy = due.AcknowledgeBy;
        RespondBy = due.RespondBy;
        Status = EnquiryStatus.Logged;
        if (answers.Consent is { } consent)
        {
            Consent = new EnquiryConsent(id, consent.GivenBy, consent.Method, consent.GivenOn);
        }
    }

    private MemberEnquiry()
    {
        Reference = ChildFirstName = ChildLastName = ParentName = Postcode = Concern = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary><c>MQ-{year}-{5 digits}</c>.</summary>
    public string Reference { get; private set; }

    public Guid ElectedMemberId { get; private set; }

    /// <summary>The office caseworker who logged it for the member, if not the member themselves.</summary>
    public Guid? LoggedByDelegateId { get; private set; }

    public string ChildFirstName { get; private set; }

    public string ChildLastName { get; private set; }

    public DateOnly ChildDateOfBirth { get; private set; }

    public string ParentName { get; private set; }

    public string Postcode { get; private set; }

    /// <summary>The case reference as the member gave it; the match to a case is made by staff.</summary>
    public string? GivenCaseReference { get; private set; }

    public string Concern { get; private set; }

    public EnquiryCategory Category { get; private set; }

    public DateTime LoggedAtUtc { get; private set; }

    /// <summary>The UK date it was received; service-level days count from the day after.</summary>
    public DateOnly ReceivedOn { get; private set; }

    public DateOnly AcknowledgeBy { get; private set; }

    public DateOnly RespondBy { get; private set; }

    public EnquiryStatus Status { get; private set; }

    public DateOnly? AcknowledgedOn { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public Guid? AssignedStaffId { get; private set; }

    public Guid? MatchedCaseId { get; private set; }

    public string? MatchedCaseReference { get; private set; }

    /// <summary>When the service manager was told it is overdue; set once, never again.</summary>
    public DateTime? EscalatedAtUtc { get; private set; }

    public EnquiryConsent? Consent { get; private set; }

    public bool HasConsent => Consent is not null;

    public bool IsOpen => Status is EnquiryStatus.Logged or EnquiryStatus.Acknowledged;

    public string ChildName => $"{ChildFirstName} {ChildLastName}";

    /// <summary>The next service-level date: acknowledging while logged, answering once acknowledged; none when answered.</summary>
    public DateOnly? NextDueOn => Status switch
    {
        EnquiryStatus.Logged => AcknowledgeBy,
        EnquiryStatus.Acknowledged => RespondBy,
        _ => null,
    };

    public static string FormatReference(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{ReferencePrefix}{year}-{number:D5}");

    /// <summary>Red past the next due date, amber within <see cref="AmberWorkingDays"/> working days of it, otherwise green; null once answered.</summary>
    public EnquiryRag? RagOn(DateOnly today, WorkingDayCalendar calendar) =>
        NextDueOn is { } due ? Rag(due, today, calendar) : null;

    public static EnquiryRag Rag(DateOnly due, DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (today > due)
        {
            return EnquiryRag.Red;
        }

        return calendar.WorkingDaysBetween(today, due) <= AmberWorkingDays ? EnquiryRag.Amber : EnquiryRag.Green;
    }

    /// <summary>Overdue for escalation: not answered by the response date.</summary>
    public bool IsOverdueOn(DateOnly today) => IsOpen && today > RespondBy;

    /// <summary>A caseworker takes the enquiry; the first assignment acknowledges it.</summary>
    public void Assign(Guid staffId, DateOnly today)
    {
        RequireOpen("assign");
        AssignedStaffId = staffId;
        Acknowledge(today);
    }

    public void Acknowledge(DateOnly today)
    {
        RequireOpen("acknowledge");
        if (Status == EnquiryStatus.Logged)
        {
            Status = EnquiryStatus.Acknowledged;
            AcknowledgedOn = today;
        }
    }

    public void MatchTo(Guid caseId, string caseReference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseReference);
        if (Status == EnquiryStatus.Closed)
        {
            throw new DomainException("enquiry.closed", "This enquiry is closed. It cannot be matched to a case.");
        }

        MatchedCaseId = caseId;
        MatchedCaseReference = caseReference;
    }

    /// <summary>Answering also acknowledges an enquiry nobody had acknowledged yet.</summary>
    public void Answer(DateOnly today)
    {
        RequireOpen("answer");
        if (Status == EnquiryStatus.Logged)
        {
            AcknowledgedOn = today;
        }

        Status = EnquiryStatus.Answered;
        AnsweredOn = today;
    }

    public void Close(DateOnly today)
    {
        if (Status != EnquiryStatus.Answered)
        {
            throw new DomainException("enquiry.notAnswered", "Send a reply before closing the enquiry.");
        }

        Status = EnquiryStatus.Closed;
        ClosedOn = today;
    }

    private void RequireOpen(string what)
    {
        if (!IsOpen)
        {
            throw new DomainException("enquiry.answered", $"This enquiry has already been answered, so you cannot {what} it.");
        }
    }
}
