using SelfService.Domain.Notifications;
using SelfService.Domain.Plans;

namespace SelfService.Domain.Tests.Plans;

public sealed class PlanReferenceTests
{
    [Theory]
    [InlineData("EHC-2026-000123", "EHCP-2026-000123")]
    [InlineData("EHC-2025-00042", "EHCP-2025-000042")]
    [InlineData(" ehc-2024-7 ", "EHCP-2024-000007")]
    public void A_plan_is_named_after_the_case_it_came_from(string caseReference, string expected) =>
        Assert.Equal(expected, PlanReference.ForCase(caseReference, new DateOnly(2026, 6, 1)));

    [Fact]
    public void A_case_numbered_another_way_gets_a_stable_plan_reference_in_the_year_of_issue()
    {
        var first = PlanReference.ForCase("LEGACY/4471", new DateOnly(2026, 6, 1));

        Assert.Matches(@"^EHCP-2026-\d{6}$", first);
        Assert.Equal(first, PlanReference.ForCase("legacy/4471", new DateOnly(2026, 6, 1)));
        Assert.NotEqual(first, PlanReference.ForCase("LEGACY/4472", new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Updates_about_a_plan_link_to_the_family_plan_page()
    {
        var message = CaseUpdateWording.For(CaseUpdateKind.ReviewMeetingHeld, new CaseUpdateFacts("Sam Carter", "EHCP-2026-000042", new DateOnly(2027, 5, 20), NextDue: new DateOnly(2027, 6, 17)));

        Assert.Contains("/cases/plans/EHCP-2026-000042", message.Body, StringComparison.Ordinal);
        Assert.Equal("/cases/EHC-2026-000042", CaseUpdateWording.LinkFor(CaseUpdateKind.FinalPlanIssued, "EHC-2026-000042"));
        Assert.Contains("We will tell you by 17 June 2027", message.Chat, StringComparison.Ordinal);
    }
}
