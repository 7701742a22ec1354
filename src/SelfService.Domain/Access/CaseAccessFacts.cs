using SelfService.Domain.Assessments;

namespace SelfService.Domain.Access;

/// <summary>
/// What the access policy needs to know about a case or a plan, read from the store together with
/// it: whose it is, who holds parental responsibility, and which schools are connected to it.
/// </summary>
/// <param name="ChildId">The child or young person the case is about.</param>
/// <param name="ParentCarersWithResponsibility">Parent/carer records linked to the child with parental responsibility.</param>
/// <param name="ChildSchoolId">The school the child attends now (not when the request was made).</param>
/// <param name="RequestingSchoolId">The school that made the request, for a school request.</param>
/// <param name="NamedSchoolId">The school named in a plan, for a plan in place.</param>
/// <param name="Requester">Who asked for the assessment; null for a plan with no request on record.</param>
/// <param name="MembersWithConsent">Elected members with an enquiry matched to this case and the constituent's consent recorded.</param>
public sealed record CaseAccessFacts(
    Guid ChildId,
    IReadOnlySet<Guid> ParentCarersWithResponsibility,
    Guid? ChildSchoolId,
    Guid? RequestingSchoolId = null,
    Guid? NamedSchoolId = null,
    Requester? Requester = null,
    IReadOnlySet<Guid>? MembersWithConsent = null);

/// <summary>What the policy needs to know about an advice invitation and the request it answers.</summary>
/// <param name="CaseClosed">The case has ended (plan issued, refused, withdrawn).</param>
/// <param name="AdviceReceived">The advice for the invited request is already on the case, however it arrived.</param>
/// <param name="ExpiresOn">The last day the link works.</param>
public sealed record AdviceInvitationFacts(bool CaseClosed, bool AdviceReceived, DateOnly ExpiresOn);
