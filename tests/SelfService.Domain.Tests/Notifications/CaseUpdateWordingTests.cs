using SelfService.Domain.Notifications;

namespace SelfService.Domain.Tests.Notifications;

public sealed class CaseUpdateWordingTests
{
    private static readonly CaseUpdateFacts Facts = new("Sam Carter", "EHC-2026-000042", new DateOnly(2026, 2, 16));

    [Fact]
    public void A_refusal_gives_the_reason_and_the_appeal_deadline()
    {
        var message = CaseUpdateWording.For(CaseUpdateKind.RefusedToAssess, Facts with { Reason = "Needs are met at school", AppealBy = new DateOnly(2026, 4, 16) });

        Assert.Equal("We have decided not to assess: EHC-2026-000042", message.Subject);
        Assert.Contains("Our reason: Needs are met at school.", message.Body, StringComparison.Ordinal);
        Assert.Contains("by 16 April 2026", message.Chat, StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_plan_names_the_last_day_to_respond()
    {
        var message = CaseUpdateWording.For(CaseUpdateKind.DraftPlanServed, Facts with { NextDue = new DateOnly(2026, 3, 2) });

        Assert.Contains("On 16 February 2026 we sent you the draft EHC plan for Sam Carter", message.Chat, StringComparison.Ordinal);
        Assert.Contains("by 2 March 2026", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_tells_the_family_why()
    {
        var message = CaseUpdateWording.For(CaseUpdateKind.ExceptionApplied, Facts with { Reason = "the school is closed for the summer" });

        Assert.Contains("because: the school is closed for the summer", message.Chat, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_step_has_its_own_words_and_names_the_case()
    {
        var subjects = Enum.GetValues<CaseUpdateKind>()
            .Select(k => CaseUpdateWording.For(k, Facts with { Who = "Dr Ruth Ellis", NextDue = new DateOnly(2026, 3, 1), Reason = "x", AppealBy = new DateOnly(2026, 4, 16) }))
            .ToList();

        Assert.Equal(subjects.Count, subjects.Select(s => s.Subject).Distinct().Count());
        Assert.All(subjects, s => Assert.StartsWith("EHC-2026-000042: ", s.Chat, StringComparison.Ordinal));
    }
}
