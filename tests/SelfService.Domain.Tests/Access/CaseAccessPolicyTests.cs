using SelfService.Domain.Access;
using SelfService.Domain.Assessments;
using SelfService.Domain.People;

namespace SelfService.Domain.Tests.Access;

public sealed class CaseAccessPolicyTests
{
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid Parent = Guid.NewGuid();
    private static readonly Guid OtherParent = Guid.NewGuid();
    private static readonly Guid ParentWithoutResponsibility = Guid.NewGuid();
    private static readonly Guid ChildsSchool = Guid.NewGuid();
    private static readonly Guid RequestingSchool = Guid.NewGuid();
    private static readonly Guid NamedSchool = Guid.NewGuid();
    private static readonly Guid OtherSchool = Guid.NewGuid();

    private static CaseAccessFacts Facts(Requester? requester = Requester.Parent, Guid? requestingSchool = null, Guid? namedSchool = null) =>
        new(Child, new HashSet<Guid> { Parent, OtherParent }, ChildsSchool, requestingSchool, namedSchool, requester);

    private static Viewer SignedIn(Func<Viewer, Viewer>? with = null)
    {
        var viewer = new Viewer { AccountId = Guid.NewGuid(), Email = "someone@example.com" };
        return with is null ? viewer : with(viewer);
    }

    [Fact]
    public void Anonymous_sees_nothing()
    {
        var access = CaseAccessPolicy.Decide(Viewer.Anonymous, Facts());

        Assert.Same(CaseAccess.Denied, access);
        Assert.False(access.CanView);
        Assert.False(access.CanRespondToDraft);
    }

    [Fact]
    public void An_anonymous_viewer_carrying_links_still_sees_nothing()
    {
        // A half-built viewer (no account) must not be let in by stray ids.
        var viewer = Viewer.Anonymous with { ParentCarerId = Parent, StaffMemberId = Guid.NewGuid(), SchoolIds = new HashSet<Guid> { ChildsSchool } };

        Assert.False(CaseAccessPolicy.CanView(viewer, Facts()));
    }

    [Fact]
    public void A_signed_in_account_with_no_role_sees_nothing() =>
        Assert.False(CaseAccessPolicy.CanView(SignedIn(), Facts()));

    [Theory]
    [InlineData(Requester.Parent)]
    [InlineData(Requester.SchoolWithParentalConsent)]
    [InlineData(null)]
    public void Each_parent_with_parental_responsibility_sees_the_case_and_may_respond_to_the_draft(Requester? requester)
    {
        foreach (var parent in new[] { Parent, OtherParent })
        {
            var access = CaseAccessPolicy.Decide(SignedIn(v => v with { ParentCarerId = parent }), Facts(requester));

            Assert.Equal(CaseAccessBasis.ParentCarer, access.Basis);
            Assert.True(access.CanView);
            Assert.True(access.CanRespondToDraft);
        }
    }

    [Fact]
    public void A_parent_of_another_child_sees_nothing()
    {
        var viewer = SignedIn(v => v with { ParentCarerId = ParentWithoutResponsibility, ChildrenInCare = new HashSet<Guid> { Guid.NewGuid() } });

        Assert.Same(CaseAccess.Denied, CaseAccessPolicy.Decide(viewer, Facts()));
    }

    [Fact]
    public void A_parent_whose_account_holds_responsibility_through_another_record_sees_the_case()
    {
        var viewer = SignedIn(v => v with { ParentCarerId = ParentWithoutResponsibility, ChildrenInCare = new HashSet<Guid> { Child } });

        Assert.Equal(CaseAccessBasis.ParentCarer, CaseAccessPolicy.Decide(viewer, Facts()).Basis);
    }

    [Fact]
    public void A_parent_link_without_responsibility_is_not_enough()
    {
        // The facts list only parents holding responsibility; a linked parent without it is absent.
        var facts = Facts() with { ParentCarersWithResponsibility = new HashSet<Guid>() };

        Assert.False(CaseAccessPolicy.CanView(SignedIn(v => v with { ParentCarerId = Parent }), facts));
    }

    [Fact]
    public void The_young_person_sees_their_own_case_and_may_respond()
    {
        var access = CaseAccessPolicy.Decide(SignedIn(v => v with { YoungPersonChildId = Child }), Facts(Requester.YoungPerson));

        Assert.Equal(CaseAccessBasis.YoungPerson, access.Basis);
        Assert.True(access.CanRespondToDraft);
    }

    [Fact]
    public void A_young_person_sees_nobody_else_s_case() =>
        Assert.False(CaseAccessPolicy.CanView(SignedIn(v => v with { YoungPersonChildId = Guid.NewGuid() }), Facts(Requester.YoungPerson)));

    [Fact]
    public void A_parent_does_not_see_a_case_the_young_person_asked_for_themselves() =>
        Assert.False(CaseAccessPolicy.CanView(SignedIn(v => v with { ParentCarerId = Parent }), Facts(Requester.YoungPerson)));

    [Theory]
    [InlineData("child")]
    [InlineData("requesting")]
    [InlineData("named")]
    public void A_school_contact_sees_a_case_connected_to_their_school_but_may_not_respond_for_the_family(string connection)
    {
        var school = connection switch { "child" => ChildsSchool, "requesting" => RequestingSchool, _ => NamedSchool };
        var viewer = SignedIn(v => v with { SchoolIds = new HashSet<Guid> { OtherSchool, school } });

        var access = CaseAccessPolicy.Decide(viewer, Facts(Requester.SchoolWithParentalConsent, RequestingSchool, NamedSchool));

        Assert.Equal(CaseAccessBasis.School, access.Basis);
        Assert.False(access.CanRespondToDraft);
    }

    [Fact]
    public void A_school_that_asked_keeps_access_after_the_child_moves_school()
    {
        var facts = Facts(Requester.SchoolWithParentalConsent, RequestingSchool) with { ChildSchoolId = OtherSchool };

        Assert.True(CaseAccessPolicy.CanView(SignedIn(v => v with { SchoolIds = new HashSet<Guid> { RequestingSchool } }), facts));
    }

    [Fact]
    public void A_former_school_loses_access_when_the_child_moves_unless_it_asked()
    {
        var facts = Facts(Requester.Parent) with { ChildSchoolId = OtherSchool };

        Assert.False(CaseAccessPolicy.CanView(SignedIn(v => v with { SchoolIds = new HashSet<Guid> { ChildsSchool } }), facts));
    }

    [Fact]
    public void A_school_contact_of_another_school_sees_nothing() =>
        Assert.False(CaseAccessPolicy.CanView(
            SignedIn(v => v with { SchoolIds = new HashSet<Guid> { OtherSchool } }),
            Facts(Requester.SchoolWithParentalConsent, RequestingSchool, NamedSchool)));

    [Fact]
    public void A_child_with_no_school_is_seen_by_no_school()
    {
        var facts = Facts() with { ChildSchoolId = null };

        Assert.False(CaseAccessPolicy.CanView(SignedIn(v => v with { SchoolIds = new HashSet<Guid> { ChildsSchool } }), facts));
    }

    [Fact]
    public void An_elected_member_sees_nothing_without_a_consented_enquiry()
    {
        var viewer = SignedIn(v => v with { ElectedMemberId = Guid.NewGuid() });

        Assert.Same(CaseAccess.Denied, CaseAccessPolicy.Decide(viewer, Facts(Requester.SchoolWithParentalConsent, RequestingSchool, NamedSchool)));
    }

    [Theory]
    [InlineData(StaffRole.Caseworker)]
    [InlineData(StaffRole.ServiceManager)]
    [InlineData(StaffRole.Administrator)]
    public void Staff_see_every_case_but_do_not_respond_as_the_family(StaffRole role)
    {
        var viewer = SignedIn(v => v with { StaffMemberId = Guid.NewGuid(), StaffRole = role });

        var access = CaseAccessPolicy.Decide(viewer, Facts(Requester.YoungPerson));

        Assert.Equal(CaseAccessBasis.Staff, access.Basis);
        Assert.False(access.CanRespondToDraft);
    }

    [Fact]
    public void Roles_add_up_and_the_family_role_wins()
    {
        // A SENCO at the child's school who is also the child's parent responds as the parent.
        var viewer = SignedIn(v => v with { ParentCarerId = Parent, SchoolIds = new HashSet<Guid> { ChildsSchool } });

        var access = CaseAccessPolicy.Decide(viewer, Facts());

        Assert.Equal(CaseAccessBasis.ParentCarer, access.Basis);
        Assert.True(access.CanRespondToDraft);
    }

    [Fact]
    public void A_senco_who_is_a_parent_of_another_child_still_sees_their_school_s_cases()
    {
        var viewer = SignedIn(v => v with { ParentCarerId = ParentWithoutResponsibility, SchoolIds = new HashSet<Guid> { ChildsSchool } });

        Assert.Equal(CaseAccessBasis.School, CaseAccessPolicy.Decide(viewer, Facts()).Basis);
    }

    /// <summary>Every combination of the viewer's links against one case: access exactly when one link matches.</summary>
    [Fact]
    public void Every_combination_of_links_grants_access_exactly_when_one_of_them_matches()
    {
        var facts = Facts(Requester.SchoolWithParentalConsent, RequestingSchool, NamedSchool);
        Guid?[] parents = [null, Parent, ParentWithoutResponsibility];
        HashSet<Guid>[] childrenInCare = [[], [Child], [Guid.NewGuid()]];
        Guid?[] youngPeople = [null, Child, Guid.NewGuid()];
        HashSet<Guid>[] schools = [[], [OtherSchool], [ChildsSchool], [RequestingSchool], [NamedSchool]];
        Guid?[] staff = [null, Guid.NewGuid()];
        Guid?[] members = [null, Guid.NewGuid()];
        var checkedCount = 0;
        foreach (var parent in parents)
        foreach (var inCare in childrenInCare)
        foreach (var youngPerson in youngPeople)
        foreach (var school in schools)
        foreach (var staffId in staff)
        foreach (var member in members)
        {
            var viewer = SignedIn(v => v with
            {
                ParentCarerId = parent,
                ChildrenInCare = inCare,
                YoungPersonChildId = youngPerson,
                SchoolIds = school,
                StaffMemberId = staffId,
                ElectedMemberId = member,
            });
            var family = parent == Parent || inCare.Contains(Child) || youngPerson == Child;
            var expected = family || staffId is not null || school.Overlaps([ChildsSchool, RequestingSchool, NamedSchool]);
            var access = CaseAccessPolicy.Decide(viewer, facts);
            Assert.Equal(expected, access.CanView);
            Assert.Equal(family, access.CanRespondToDraft);
            checkedCount++;
        }

        Assert.Equal(3 * 3 * 3 * 5 * 2 * 2, checkedCount);
    }
}
