using SelfService.Domain.Assessments;
using SelfService.Domain.People;

namespace SelfService.Domain.Requests;

/// <summary>
/// Everything a person has answered so far in a request for an EHC needs assessment. Each answer
/// is only stored once it is valid, so a draft never holds a half-checked answer; a null answer
/// is a question not yet answered.
/// </summary>
public sealed record RequestAnswers
{
    public static readonly RequestAnswers Empty = new();

    public WhoIsAskingAnswer? WhoIsAsking { get; init; }

    /// <summary>Only for a school or setting asking: the parent's (or young person's) recorded consent.</summary>
    public ConsentAnswer? Consent { get; init; }

    public ChildAnswer? Child { get; init; }

    /// <summary>Null until the parents question has been answered (an empty list is a valid answer for a young person).</summary>
    public IReadOnlyList<ParentAnswer>? Parents { get; init; }

    public SchoolAnswer? School { get; init; }

    public NeedsAnswer? Needs { get; init; }

    public SupportHistoryAnswer? SupportHistory { get; init; }

    public ViewsAnswer? Views { get; init; }

    /// <summary>Null until answered; empty when no professional is involved.</summary>
    public IReadOnlyList<ProfessionalAnswer>? Professionals { get; init; }

    /// <summary>The person has finished with the documents page (uploading none is allowed).</summary>
    public bool DocumentsConfirmed { get; init; }

    public DeclarationAnswer? Declaration { get; init; }
}

public sealed record WhoIsAskingAnswer(Requester Requester, Guid? SchoolId, string? SchoolName);

public enum ConsentMethod
{
    InWriting,
    Email,
    InPerson,
    Phone,
}

/// <summary>Who gave consent for a school to ask, how and when: a school can only ask with it (CFA s36(1)).</summary>
public sealed record ConsentAnswer(string GivenBy, ConsentMethod Method, DateOnly GivenOn);

/// <param name="ExistingChildId">The child's record when the person picked a child already known to the service.</param>
public sealed record ChildAnswer(
    Guid? ExistingChildId,
    string FirstName,
    string LastName,
    string? KnownAs,
    DateOnly DateOfBirth,
    string Postcode)
{
    public string DisplayName => $"{KnownAs ?? FirstName} {LastName}";

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > date ? age - 1 : age;
    }
}

/// <param name="IsRequester">This parent is the signed-in person making the request (their account email).</param>
public sealed record ParentAnswer(
    string FirstName,
    string LastName,
    ParentRelationship Relationship,
    string? Email,
    string? Phone,
    bool IsRequester)
{
    public string DisplayName => $"{FirstName} {LastName}";
}

/// <param name="SchoolId">The school's record when the setting is one the service knows (by URN, or a SENCO's own school).</param>
public sealed record SchoolAnswer(bool AttendsSetting, string? Name, string? Urn, Guid? SchoolId);

public enum NeedArea
{
    CommunicationAndInteraction,
    CognitionAndLearning,
    SocialEmotionalAndMentalHealth,
    SensoryAndPhysical,
}

public sealed record NeedsAnswer(IReadOnlyList<NeedArea> Areas, string Description);

/// <summary>SEN support so far: the graduated approach of assess, plan, do and review cycles (CoP 6.44).</summary>
public sealed record SupportHistoryAnswer(bool HadSenSupport, int? Cycles, string? WhatWasTried, string? WhatHappened);

public sealed record ViewsAnswer(string ChildViews, string? FamilyViews);

public sealed record ProfessionalAnswer(string Name, string Role, string? Organisation, string? Email);

public sealed record DeclarationAnswer(bool Confirmed, DateTime ConfirmedAtUtc);
