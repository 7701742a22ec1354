using SelfService.Domain.Assessments;
using SelfService.Domain.People;
using SelfService.Domain.Plans;

namespace SelfService.Data.DemoData;

/// <summary>
/// One local authority's generated data. The national scale streams one chunk per authority so
/// that no more than one authority is ever held in memory.
/// </summary>
public sealed class DemoDataChunk
{
    internal DemoDataChunk(string authorityName, int authorityIndex)
    {
        AuthorityName = authorityName;
        AuthorityIndex = authorityIndex;
    }

    public string AuthorityName { get; }

    /// <summary>0 is Leeds, home of the named demo cast.</summary>
    public int AuthorityIndex { get; }

    public List<School> Schools { get; } = [];

    public List<SchoolContact> SchoolContacts { get; } = [];

    public List<StaffMember> StaffMembers { get; } = [];

    public List<ElectedMember> ElectedMembers { get; } = [];

    public List<Domain.Enquiries.MemberDelegate> MemberDelegates { get; } = [];

    public List<Child> Children { get; } = [];

    public List<ParentCarer> ParentCarers { get; } = [];

    public List<ChildParent> ChildParents { get; } = [];

    public List<AssessmentCase> AssessmentCases { get; } = [];

    public List<EhcPlan> EhcPlans { get; } = [];

    public DemoDataSummary Summarise() => new(
        Schools: Schools.Count,
        SchoolContacts: SchoolContacts.Count,
        StaffMembers: StaffMembers.Count,
        ElectedMembers: ElectedMembers.Count,
        Children: Children.Count,
        ParentCarers: ParentCarers.Count,
        ChildParents: ChildParents.Count,
        AssessmentCases: AssessmentCases.Count,
        CaseEvents: AssessmentCases.Sum(c => c.Events.Count),
        EhcPlans: EhcPlans.Count,
        PlansInPlace: EhcPlans.Count(p => p.CeasedOn is null),
        AnnualReviews: EhcPlans.Sum(p => p.Reviews.Count));
}

/// <summary>How many of each thing the demo data holds.</summary>
public sealed record DemoDataSummary(
    int Schools,
    int SchoolContacts,
    int StaffMembers,
    int ElectedMembers,
    int Children,
    int ParentCarers,
    int ChildParents,
    int AssessmentCases,
    int CaseEvents,
    int EhcPlans,
    int PlansInPlace,
    int AnnualReviews)
{
    public static DemoDataSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public DemoDataSummary Add(DemoDataSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Schools + other.Schools,
            SchoolContacts + other.SchoolContacts,
            StaffMembers + other.StaffMembers,
            ElectedMembers + other.ElectedMembers,
            Children + other.Children,
            ParentCarers + other.ParentCarers,
            ChildParents + other.ChildParents,
            AssessmentCases + other.AssessmentCases,
            CaseEvents + other.CaseEvents,
            EhcPlans + other.EhcPlans,
            PlansInPlace + other.PlansInPlace,
            AnnualReviews + other.AnnualReviews);
    }
}
