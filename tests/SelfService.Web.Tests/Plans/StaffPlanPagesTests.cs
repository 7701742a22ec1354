using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Domain.Appeals;
using SelfService.Domain.Assessments;
using SelfService.Domain.Calendar;
using SelfService.Domain.Notifications;
using SelfService.Domain.People;
using SelfService.Domain.Plans;
using SelfService.Domain.Timeline;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Plans;

/// <summary>
/// Caseworkers run annual reviews from the staff plan pages; after each step the family's plan
/// page, their email and their chat say what happened and what date comes next.
/// </summary>
public abstract class StaffPlanPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SeededWebAppFactory
{
    [Fact]
    public async Task A_caseworker_takes_a_plan_through_an_amending_review_and_the_family_hears_each_step()
    {
        await SignInFamilyFirstAsync();
        var (planId, reference) = await NewPlanAsync(issuedDaysAgo: 330);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var parent = await factory.ClientForAsync(DemoCast.ParentEmail);
        var today = factory.Today();
        var dueBy = AnnualReviewClock.ReviewDueBy(today.AddDays(-330));
        var arranged = today.AddDays(10);

        await StepAsync(staff, parent, reference, "schedule", [("Input.Date", Iso(arranged))], "Annual review meeting arranged", $"arranged for {Long(arranged)}", $"must be held by {Long(dueBy)}");
        var familyAfterArranging = await Html.ParseAsync(await parent.GetAsync($"/cases/plans/{reference}"));
        Assert.Equal($"Arranged for {CaseTextDate(arranged)}", familyAfterArranging.QuerySelector("#review-list [data-meeting]")?.TextContent.Trim());
        await StepAsync(staff, parent, reference, "meeting", [], "Annual review meeting held", $"held on {Long(today)}", $"by {Long(today.AddDays(28))}");
        await StepAsync(staff, parent, reference, "decision", [("Input.Decision", "amend")], "We will change the EHC plan", "decided to change", $"due by {Long(today.AddDays(84))}");
        await StepAsync(staff, parent, reference, "amendments", [("Input.Summary", "Adds weekly speech and language therapy")], "Proposed changes to the EHC plan", "Adds weekly speech and language therapy", $"by {Long(today.AddDays(14))}");
        await StepAsync(staff, parent, reference, "finalAmended", [], "Final amended EHC plan issued", $"appeal about its content to the SEND Tribunal by {Long(AppealDeadline.Calculate(today, null, WorkingDayCalendar.EnglandAndWales).Deadline)}", $"must be held by {Long(AnnualReviewClock.ReviewDueBy(today))}");

        var plan = await factory.LoadPlanAsync(planId);
        var done = plan.Reviews[0];
        Assert.Equal((arranged, today, ReviewDecision.Amend, today), (done.MeetingScheduledFor!.Value, done.MeetingHeldOn!.Value, done.Decision!.Value, done.FinalAmendedPlanIssuedOn!.Value));
        Assert.Equal(AnnualReviewClock.ReviewDueBy(today), plan.NextReviewDueOn());
        var familyPlan = await Html.ParseAsync(await parent.GetAsync($"/cases/plans/{reference}"));
        Assert.Contains(CaseTextDate(AnnualReviewClock.ReviewDueBy(today)), familyPlan.QuerySelector("#next-review")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Final amended plan issued on", familyPlan.QuerySelector("#review-list")?.TextContent, StringComparison.Ordinal);
        var staffPage = await Html.ParseAsync(await staff.GetAsync($"/staff/plans/{reference}"));
        Assert.Contains("Adds weekly speech and language therapy", staffPage.QuerySelector("#review-history")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(staffPage.QuerySelector("#staff-timeline tr[data-milestone]"));
    }

    [Fact]
    public async Task Keeping_the_plan_then_ceasing_another_tells_the_family_the_words_for_each()
    {
        await SignInFamilyFirstAsync();
        var (_, kept) = await NewPlanAsync(issuedDaysAgo: 340);
        var (_, ceased) = await NewPlanAsync(issuedDaysAgo: 340);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var parent = await factory.ClientForAsync(DemoCast.ParentEmail);
        var today = factory.Today();
        var appealBy = Long(AppealDeadline.Calculate(today, null, WorkingDayCalendar.EnglandAndWales).Deadline);

        await StepAsync(staff, parent, kept, "meeting", [], "Annual review meeting held", $"held on {Long(today)}", "keep the plan as it is, change it or stop maintaining it");
        await StepAsync(staff, parent, kept, "decision", [("Input.Decision", "maintain")], "We will keep the EHC plan as it is", $"must be held by {Long(AnnualReviewClock.ReviewDueBy(today))}", appealBy);
        await StepAsync(staff, parent, ceased, "meeting", [], "Annual review meeting held", $"held on {Long(today)}", $"by {Long(today.AddDays(28))}");
        await StepAsync(staff, parent, ceased, "decision", [("Input.Decision", "cease")], "We intend to stop maintaining the EHC plan", "decided to stop maintaining", appealBy);
        await StepAsync(staff, parent, ceased, "cease", [], "EHC plan ceased", "we no longer maintain", appealBy);

        var ceasedPage = await Html.ParseAsync(await staff.GetAsync($"/staff/plans/{ceased}"));
        Assert.Contains("Ceased on", ceasedPage.QuerySelector("[data-status]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(ceasedPage.QuerySelector("form[data-action]"));
        var familyPage = await Html.ParseAsync(await parent.GetAsync($"/cases/plans/{ceased}"));
        Assert.Contains("Ceased on", familyPage.QuerySelector("#plan-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decision", "meeting", "Record the review meeting before the decision")]
    [InlineData("meeting", "meeting", "is in the future")]
    [InlineData("meeting", "meeting", "before the plan was issued")]
    [InlineData("cease", "cease", "Enter the date as year-month-day")]
    [InlineData("decision", "meeting", "Choose whether to keep the plan")]
    public async Task A_step_out_of_order_or_wrongly_dated_shows_an_error_summary_and_stores_nothing(string action, string throughForm, string message)
    {
        await SignInFamilyFirstAsync();
        var (planId, reference) = await NewPlanAsync(issuedDaysAgo: 300);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var url = $"/staff/plans/{reference}";
        var page = await Html.ParseAsync(await staff.GetAsync(url));
        var today = factory.Today();
        var date = message switch
        {
            "is in the future" => Iso(today.AddDays(1)),
            "before the plan was issued" => Iso(today.AddDays(-301)),
            "Enter the date as year-month-day" => "31/12/2026",
            _ => "",
        };
        var fields = message.StartsWith("Choose", StringComparison.Ordinal)
            ? Forms.Fields(("action", action), ("Input.Date", date))
            : Forms.Fields(("action", action), ("Input.Date", date), ("Input.Decision", "maintain"));

        using var response = await Forms.SubmitAsync(staff, page, url, fields, $"form[data-action={throughForm}]");
        var refusal = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, refusal.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        var stored = await factory.LoadPlanAsync(planId);
        Assert.Null(Assert.Single(stored.Reviews).MeetingHeldOn);
        Assert.Null(stored.CeasedOn);
        Assert.Equal(0, await factory.WithStoreAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "chat.caseUpdate" && m.PayloadJson.Contains(reference))));
    }

    [Fact]
    public async Task A_form_from_before_someone_else_changed_the_plan_is_refused_with_a_clear_message()
    {
        await SignInFamilyFirstAsync();
        var (planId, reference) = await NewPlanAsync(issuedDaysAgo: 300);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var url = $"/staff/plans/{reference}";
        var before = await Html.ParseAsync(await staff.GetAsync(url));
        using (var first = await Forms.SubmitAsync(staff, before, url, Forms.Fields(("Input.Date", Iso(factory.Today().AddDays(7)))), "form[data-action=schedule]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await Forms.SubmitAsync(staff, before, url, null, "form[data-action=meeting]");
        var page = await Html.ParseAsync(second);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this plan", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(Assert.Single((await factory.LoadPlanAsync(planId)).Reviews).MeetingHeldOn);
    }

    [Fact]
    public async Task The_final_plan_on_a_case_puts_a_plan_in_place_linked_from_the_case_the_list_and_the_work_tray()
    {
        await SignInFamilyFirstAsync();
        var reviewer = await NewCaseworkerAsync();
        var (_, caseReference) = await DraftPlanCaseAsync(reviewer);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var caseUrl = $"/staff/cases/{caseReference}";
        var planReference = "EHCP-" + caseReference["EHC-".Length..];

        using (var issued = await Forms.PostAsync(staff, caseUrl, Forms.Fields(("Input.SchoolUrn", DemoCast.PrimarySchoolUrn)), "form[data-action=finalPlan]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        }

        var casePage = await Html.ParseAsync(await staff.GetAsync(caseUrl));
        var list = await Html.ParseAsync(await staff.GetAsync($"/staff/plans?caseworker={reviewer}"));
        var tray = await Html.ParseAsync(await staff.GetAsync($"/staff/work?kind=AnnualReview&caseworker={reviewer}"));
        using var planResponse = await staff.GetAsync($"/staff/plans/{planReference}");
        var planPage = await Html.ParseAsync(planResponse);

        Assert.Equal($"/staff/plans/{planReference}", casePage.QuerySelector("#plan-link")?.GetAttribute("href"));
        var row = list.QuerySelector($"#plan-list tr[data-reference='{planReference}']");
        Assert.Contains(CaseTextDate(AnnualReviewClock.ReviewDueBy(factory.Today())), row?.QuerySelector("[data-next-review]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Meeting to arrange", row?.QuerySelector("[data-review-stage]")?.TextContent, StringComparison.Ordinal);
        Assert.Single(list.QuerySelectorAll("#plan-list tbody tr"));
        Assert.Equal($"/staff/plans/{planReference}", tray.QuerySelector($"tr[data-reference='{planReference}'] a")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, planResponse.StatusCode);
        Assert.Contains(DemoCast.PrimarySchoolName, planPage.QuerySelector("#plan-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(caseUrl, planPage.QuerySelector($"#plan-summary a[href='{caseUrl}']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_manager_sees_who_viewed_and_changed_the_plan_and_a_caseworker_is_refused_the_trail()
    {
        await SignInFamilyFirstAsync();
        var (_, reference) = await NewPlanAsync(issuedDaysAgo: 300);
        var caseworker = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        using (var posted = await Forms.PostAsync(caseworker, $"/staff/plans/{reference}", null, "form[data-action=meeting]"))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var manager = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);
        using var response = await manager.GetAsync($"/staff/plans/{reference}/audit");
        var trail = await Html.ParseAsync(response);
        using var refused = await caseworker.GetAsync($"/staff/plans/{reference}/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var held = trail.QuerySelector("#audit-trail tr[data-action='review.meetingHeld']");
        Assert.Contains(DemoCast.CaseworkerEmail, held?.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(trail.QuerySelector("#audit-trail tr[data-action='plan.viewed']"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoCast.ParentEmail, "/staff/plans")]
    [InlineData(DemoCast.ParentEmail, "/staff/plans/" + DemoCast.MaisiePlanReference)]
    [InlineData(DemoCast.SencoEmail, "/staff/plans/" + DemoCast.MaisiePlanReference)]
    public async Task Anyone_but_staff_is_refused_the_staff_plan_pages_even_for_a_plan_they_may_read(string email, string url)
    {
        await SignInFamilyFirstAsync();
        var client = await factory.ClientForAsync(email);

        using var response = await client.GetAsync(url);
        using var posted = await Forms.PostRawAsync(client, url, Forms.Fields(("action", "cease")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.Null((await factory.WithStoreAsync(db => db.EhcPlans.AsNoTracking().SingleAsync(p => p.Reference == DemoCast.MaisiePlanReference))).CeasedOn);
    }

    [Fact]
    public async Task An_unknown_plan_is_not_found_for_staff()
    {
        await SignInFamilyFirstAsync();
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        using var response = await staff.GetAsync("/staff/plans/EHCP-1999-000001");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// The parent signs in before any test here emails her: the sign-in reads the next email to her
    /// address, which must not be a plan update still on its way from an earlier test.
    /// </summary>
    private Task<HttpClient> SignInFamilyFirstAsync() => factory.ClientForAsync(DemoCast.ParentEmail);

    private async Task StepAsync(HttpClient staff, HttpClient parent, string reference, string action, (string Name, string Value)[] fields, string subject, params string[] mentions)
    {
        var mailbox = Mailbox.PickupFolder(factory);
        var url = $"/staff/plans/{reference}";
        var page = await Html.ParseAsync(await staff.GetAsync(url));

        using var response = await Forms.SubmitAsync(staff, page, url, Forms.Fields(fields), $"form[data-action={action}]");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent}");
        var email = await mailbox.WaitForAsync(e => e.To.Contains(DemoCast.ParentEmail, StringComparison.OrdinalIgnoreCase) && e.Subject == $"{subject}: {reference}");
        Assert.Contains($"/cases/plans/{reference}", email.Body, StringComparison.Ordinal);
        var chats = await factory.WithStoreAsync(db => db.OutboxMessages.Where(m => m.Kind == "chat.caseUpdate" && m.Recipient == DemoCast.ParentEmail).ToListAsync());
        var chat = Assert.Single(chats.Select(OutboxChat.Read), c => c.CaseReference == reference && c.Text.Contains(mentions[0], StringComparison.Ordinal));
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, Unwrapped(email.Body), StringComparison.Ordinal);
            Assert.Contains(mention, chat.Text, StringComparison.Ordinal);
        }

        using var familyPage = await parent.GetAsync($"/cases/plans/{reference}");
        Assert.Equal(HttpStatusCode.OK, familyPage.StatusCode);
    }

    /// <summary>A new child of Helen Carter's with a plan issued some days ago, its first review due a year from issue.</summary>
    private async Task<(Guid PlanId, string Reference)> NewPlanAsync(int issuedDaysAgo)
    {
        var reference = PlanReference.Format(2026, Random.Shared.Next(900_000, 999_999));
        var issuedOn = factory.Today().AddDays(-issuedDaysAgo);
        var planId = Guid.NewGuid();
        await factory.WithStoreAsync(async db =>
        {
            var child = new Child(Guid.NewGuid(), "Ivy", "Carter", new DateOnly(2017, 9, 14), "LS7 3AB");
            db.Children.Add(child);
            db.ChildParents.Add(new ChildParent(child.Id, DemoCast.ParentId, ParentRelationship.Mother, hasParentalResponsibility: true));
            var plan = new EhcPlan(planId, reference, child.Id, null, issuedOn, DemoCast.PrimarySchoolId);
            plan.AssignCaseworker(DemoCast.CaseworkerId);
            plan.StartReview(Guid.NewGuid(), AnnualReviewClock.ReviewDueBy(issuedOn));
            db.EhcPlans.Add(plan);
            return await db.SaveChangesAsync();
        });
        return (planId, reference);
    }

    private async Task<Guid> NewCaseworkerAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var reviewer = new StaffMember(Guid.NewGuid(), $"Reviewer {unique}", $"reviewer.{unique}@council.example", StaffRole.Caseworker, "North East");
        await factory.WithStoreAsync(db =>
        {
            db.StaffMembers.Add(reviewer);
            return db.SaveChangesAsync();
        });
        return reviewer.Id;
    }

    /// <summary>A new child of Helen Carter's whose draft plan has been served, with the given caseworker.</summary>
    private async Task<(Guid CaseId, string Reference)> DraftPlanCaseAsync(Guid caseworkerId)
    {
        var reference = $"EHC-2026-{Random.Shared.Next(800_000, 899_999)}";
        var today = factory.Today();
        var r = new Recording(DemoCast.CaseworkerEmail, DateTime.UtcNow);
        var child = new Child(Guid.NewGuid(), "Otis", "Carter", new DateOnly(2018, 1, 20), "LS7 3AB");
        var c = AssessmentCase.Open(Guid.NewGuid(), reference, child.Id, new RequestReceived(Guid.NewGuid(), today.AddDays(-120), Requester.Parent, null, null), r);
        c.AssignCaseworker(caseworkerId);
        c.RecordDecisionToAssess(new DecisionToAssess(Guid.NewGuid(), today.AddDays(-100), agreed: true, reason: null), r);
        c.RecordDecisionToIssue(new DecisionToIssue(Guid.NewGuid(), today.AddDays(-40), issue: true, reason: null), r);
        c.ServeDraftPlan(new DraftPlanServed(Guid.NewGuid(), today.AddDays(-30)), r);
        await factory.WithStoreAsync(db =>
        {
            db.Children.Add(child);
            db.ChildParents.Add(new ChildParent(child.Id, DemoCast.ParentId, ParentRelationship.Mother, hasParentalResponsibility: true));
            db.AssessmentCases.Add(c);
            return db.SaveChangesAsync();
        });
        return (c.Id, reference);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Long(DateOnly date) => CaseUpdateWording.LongDate(date);

    private static string CaseTextDate(DateOnly date) => SelfService.Web.Pages.Cases.CaseText.Date(date);

    /// <summary>Email bodies may be wrapped at 76 characters; the words are compared with the breaks taken out.</summary>
    private static string Unwrapped(string body) => string.Join(' ', body.Split((char[])['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries));
}

public sealed class SqliteStaffPlanPagesTests(SeededWebAppFactory factory) : StaffPlanPagesTests<SeededWebAppFactory>(factory);

public sealed class PostgresStaffPlanPagesTests(PostgresSeededWebAppFactory factory) : StaffPlanPagesTests<PostgresSeededWebAppFactory>(factory);
