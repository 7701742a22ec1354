using SelfService.Domain.People;

namespace SelfService.Domain.Access;

/// <summary>
/// Who is asking, as the case-access policy needs to know them: the signed-in account and every
/// role its email address holds. One address can hold several roles (a SENCO who is also a parent).
/// Built afresh from the case store on each request, so a link removed (a SENCO who left, a child
/// no longer in a parent's care) stops giving access at once.
/// </summary>
public sealed record Viewer
{
    public static readonly Viewer Anonymous = new() { AccountId = Guid.Empty, Email = string.Empty };

    public required Guid AccountId { get; init; }

    public required string Email { get; init; }

    /// <summary>The parent/carer record this account is, if any.</summary>
    public Guid? ParentCarerId { get; init; }

    /// <summary>The children this account's parent/carer holds parental responsibility for.</summary>
    public IReadOnlySet<Guid> ChildrenInCare { get; init; } = new HashSet<Guid>();

    /// <summary>The child record this account is, when the account belongs to a young person (16 to 25) themselves.</summary>
    public Guid? YoungPersonChildId { get; init; }

    /// <summary>Schools this account is an active contact of (a SENCO or a school's shared mailbox).</summary>
    public IReadOnlySet<Guid> SchoolIds { get; init; } = new HashSet<Guid>();

    public Guid? ElectedMemberId { get; init; }

    /// <summary>The councillor or MP this account acts for as an office caseworker (an active delegate).</summary>
    public Guid? DelegateForMemberId { get; init; }

    /// <summary>The member whose enquiries this account logs and follows: their own, or the one they act for.</summary>
    public Guid? ActingForMemberId => ElectedMemberId ?? DelegateForMemberId;

    public Guid? StaffMemberId { get; init; }

    public StaffRole? StaffRole { get; init; }

    public bool IsSignedIn => AccountId != Guid.Empty;

    public bool IsStaff => StaffMemberId is not null;
}
