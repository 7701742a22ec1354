using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.DemoData;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Domain.Notifications;
using SelfService.Domain.People;
using SelfService.Web.Tests.Cases;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Casework;

/// <summary>
/// A caseworker takes a request from receipt to final plan through the staff pages; after every
/// step the family's case page, their email and their chat reflect it.
/// </summary>
public sealed class CaseworkJourneyTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    [Fact]
    public async Task Daniel_takes_a_request_to_a_final_plan_and_the_family_hears_of_every_step()
    {
        var (caseId, reference) = await OpenNewRequestAsync(daysAgo: 30);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var parent = await factory.ClientForAsync(DemoCast.ParentEmail);
        var today = factory.Today();
        var received = today.AddDays(-30);

        var tray = await Html.ParseAsync(await staff.GetAsync("/staff/work?kind=NewRequest"));
        Assert.NotNull(tray.QuerySelector($"tr[data-reference='{reference}']"));

        await StepAsync(staff, parent, reference, "assign", [("Input.StaffId", DemoCast.CaseworkerId.ToString())], "Your caseworker", "Deciding whether to assess", "Daniel Price");
        await StepAsync(staff, parent, reference, "decideAssess", [("Input.Decision", "yes")], "We will assess", "Assessment under way", CaseUpdateWording.LongDate(received.AddDays(112)));
        await StepAsync(staff, parent, reference, "requestAdvice", [("Input.AdviserKind", "EducationalPsychologist"), ("Input.AdviserName", "Dr Ruth Ellis")], "Advice requested", "Assessment under way", CaseUpdateWording.LongDate(today.AddDays(42)));
        await StepAsync(staff, parent, reference, "adviceReceived", [], "Advice received", "Assessment under way", "Dr Ruth Ellis");
        await StepAsync(staff, parent, reference, "applyException", [("Input.ExceptionKind", "AbsentFromArea"), ("Input.Reason", "The family are abroad until January")], "A delay to the time limits", "Assessment under way", "The family are abroad until January");
        await StepAsync(staff, parent, reference, "endException", [], "The time limits apply again", "Assessment under way", "has ended");
        await StepAsync(staff, parent, reference, "decideIssue", [("Input.Decision", "yes")], "We will issue a plan", "Plan being drafted", CaseUpdateWording.LongDate(received.AddDays(140)));
        await StepAsync(staff, parent, reference, "serveDraft", [], "Draft plan ready for your comments", "Draft plan issued", CaseUpdateWording.LongDate(today.AddDays(14)), FormFile.Pdf("Document", "draft-plan.pdf"));
        await StepAsync(staff, parent, reference, "representations", [("Input.SchoolUrn", DemoCast.PrimarySchoolUrn), ("Input.Summary", "Please name Chapel Allerton")], "Your comments on the draft plan", "Draft plan issued", DemoCast.PrimarySchoolName);
        await StepAsync(staff, parent, reference, "finalPlan", [("Input.SchoolUrn", DemoCast.PrimarySchoolUrn)], "Final EHC plan issued", "Final plan issued", DemoCast.PrimarySchoolName);

        var stored = await factory.LoadCaseAsync(caseId);
        Assert.Equal(CaseStage.FinalPlanIssued, stored.Stage);
        Assert.Equal(today, stored.FinalPlanIssuedOn);
        Assert.Equal(DemoCast.CaseworkerId, stored.CaseworkerId);
    }

    [Fact]
    public async Task A_refusal_tells_the_family_the_reason_and_the_appeal_deadline()
    {
        var (_, reference) = await OpenNewRequestAsync(daysAgo: 10);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var parent = await factory.ClientForAsync(DemoCast.ParentEmail);
        var appealBy = SelfService.Domain.Appeals.AppealDeadline.Calculate(factory.Today(), null, SelfService.Domain.Calendar.WorkingDayCalendar.EnglandAndWales).Deadline;

        await StepAsync(staff, parent, reference, "decideAssess", [("Input.Decision", "no"), ("Input.Reason", "Needs are met from the school's resources")], "We have decided not to assess", "Not assessed", CaseUpdateWording.LongDate(appealBy));
    }

    [Fact]
    public async Task An_invalid_action_shows_an_error_summary_and_stores_nothing()
    {
        var (caseId, reference) = await OpenNewRequestAsync(daysAgo: 5);
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        var url = $"/staff/cases/{reference}";
        var page = await Html.ParseAsync(await staff.GetAsync(url));

        // Issuing a final plan is not valid before an assessment: post it through another form's token.
        using var response = await Forms.SubmitAsync(staff, page, url, Forms.Fields(("action", "finalPlan")), "form[data-action=assign]");
        var refusal = await Html.ParseAsync(response);
        using var refusedToRefuse = await Forms.SubmitAsync(staff, page, url, Forms.Fields(("action", "decideAssess"), ("Input.Decision", "no")), "form[data-action=decideAssess]");
        var noReason = await Html.ParseAsync(refusedToRefuse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot issue the final plan", refusal.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("must give the reason", noReason.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        var stored = await factory.LoadCaseAsync(caseId);
        Assert.Equal(CaseStage.AwaitingDecisionToAssess, stored.Stage);
        Assert.Single(stored.Events);
        Assert.Equal(0, await factory.WithStoreAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "chat.caseUpdate" && m.PayloadJson.Contains(reference))));
    }

    [Theory]
    [InlineData("/staff/work")]
    [InlineData("/staff/cases/EHC-2026-000042")]
    public async Task A_parent_is_refused_the_staff_pages(string url)
    {
        var parent = await factory.ClientForAsync(DemoCast.ParentEmail);

        using var response = await parent.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_home_links_to_the_work_tray()
    {
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        var home = await Html.ParseAsync(await staff.GetAsync("/staff"));

        Assert.NotNull(home.QuerySelector("a[href='/staff/work']"));
    }

    private async Task StepAsync(HttpClient staff, HttpClient parent, string reference, string action, (string Name, string Value)[] fields, string subject, string familyStage, string chatMentions, FormFile? file = null)
    {
        var mailbox = Mailbox.PickupFolder(factory);
        var url = $"/staff/cases/{reference}";
        var page = await Html.ParseAsync(await staff.GetAsync(url));

        using var response = await Forms.SubmitAsync(staff, page, url, Forms.Fields(fields), $"form[data-action={action}]", file);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(await Html.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent}");
        var familyPage = await Html.ParseAsync(await parent.GetAsync($"/cases/{reference}"));
        Assert.True(familyPage.QuerySelector("#case-summary")?.TextContent.Contains(familyStage, StringComparison.Ordinal), $"{action} -> {response.Headers.Location}: {familyPage.QuerySelector("#case-summary")?.TextContent}");
        var email = await mailbox.WaitForAsync(e => e.To.Contains(DemoCast.ParentEmail, StringComparison.OrdinalIgnoreCase) && e.Subject == $"{subject}: {reference}");
        Assert.Contains(reference, email.Body, StringComparison.Ordinal);
        var chats = await factory.WithStoreAsync(db => db.OutboxMessages.Where(m => m.Kind == "chat.caseUpdate" && m.Recipient == DemoCast.ParentEmail).ToListAsync());
        Assert.Contains(chats.Select(OutboxChat.Read), c => c.CaseReference == reference && c.Text.Contains(chatMentions, StringComparison.Ordinal));
    }

    private Task<(Guid CaseId, string Reference)> OpenNewRequestAsync(int daysAgo) => factory.OpenNewRequestForHelenAsync(daysAgo);
}

/// <summary>The audit trail is for service managers: they see who viewed and changed the case.</summary>
public sealed class CaseAuditTrailTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    [Fact]
    public async Task The_manager_sees_who_viewed_the_case()
    {
        var samCase = await SamCaseAsync();
        var caseworker = await factory.ClientForAsync(DemoCast.CaseworkerEmail);
        (await caseworker.GetAsync(samCase)).Dispose();
        var manager = await factory.ClientForAsync(DemoCast.ServiceManagerEmail);

        using var response = await manager.GetAsync(samCase + "/audit");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll("#audit-trail tbody tr"), row => row.TextContent.Contains(DemoCast.CaseworkerEmail, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_caseworker_is_refused_the_audit_trail()
    {
        var samCase = await SamCaseAsync();
        var caseworker = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        using var response = await caseworker.GetAsync(samCase + "/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<string> SamCaseAsync() => "/staff/cases/" + (await factory.LoadCaseAsync(DemoCast.SamCaseId)).Reference;
}

/// <summary>The non-digital route: a phoned-in request gives the family the same tracking as an online one.</summary>
public sealed class OfflineRequestTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    private const string NewParent = "priya.nair@example.com";

    [Fact]
    public async Task A_phoned_in_request_for_a_new_family_can_be_followed_by_the_parent()
    {
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        using var response = await Forms.PostAsync(staff, "/staff/cases/new", Forms.Fields(
            ("ChildFirstName", "Arjun"), ("ChildLastName", "Nair"), ("DateOfBirth", "2018-05-09"), ("Postcode", "LS8 2QD"),
            ("ParentFirstName", "Priya"), ("ParentLastName", "Nair"), ("ParentEmail", "Priya.Nair@Example.com"), ("Route", "phone")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        var email = await Mailbox.PickupFolder(factory).WaitForAsync(e => e.To.Contains(NewParent, StringComparison.OrdinalIgnoreCase) && e.Subject == $"Request received: {reference}");
        Assert.Contains(CaseUpdateWording.LongDate(factory.Today().AddDays(42)), email.Body, StringComparison.Ordinal);
        var parent = await factory.ClientForAsync(NewParent);
        var casePage = await Html.ParseAsync(await parent.GetAsync($"/cases/{reference}"));
        Assert.Contains("Deciding whether to assess", casePage.QuerySelector("#case-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Parent or carer, by phone", casePage.QuerySelector("#case-summary")?.TextContent, StringComparison.Ordinal);
        var staffPage = await Html.ParseAsync(await staff.GetAsync($"/staff/cases/{reference}"));
        Assert.Contains("(Parent or carer, by phone)", staffPage.QuerySelector("#case-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("post", RequestRoute.Post)]
    [InlineData("email", RequestRoute.Email)]
    public async Task The_route_a_request_came_by_is_stored_on_the_case_and_its_request_event(string route, RequestRoute stored)
    {
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        using var response = await Forms.PostAsync(staff, "/staff/cases/new", Forms.Fields(
            ("ChildFirstName", "Noor"), ("ChildLastName", "Haddad"), ("DateOfBirth", "2016-02-01"), ("Postcode", "LS8 2QD"),
            ("ParentFirstName", "Rania"), ("ParentLastName", "Haddad"), ("ParentEmail", $"rania.{route}@example.com"), ("Route", route)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reference = response.Headers.Location!.OriginalString.Split('/')[^1];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var recorded = await db.AssessmentCases.AsNoTracking().WithEvents().SingleAsync(c => c.Reference == reference);
        Assert.Equal(stored, recorded.Route);
        Assert.Equal(stored, Assert.IsType<RequestReceived>(recorded.Events[0]).Route);
    }

    [Fact]
    public async Task A_route_that_is_not_offline_or_a_date_in_the_future_is_refused_beside_the_field()
    {
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        using var response = await Forms.PostAsync(staff, "/staff/cases/new", Forms.Fields(
            ("ChildFirstName", "Noor"), ("ChildLastName", "Haddad"), ("DateOfBirth", "2016-02-01"), ("Postcode", "LS8 2QD"),
            ("ParentFirstName", "Rania"), ("ParentLastName", "Haddad"), ("ParentEmail", "rania.portal@example.com"), ("Route", "Portal"),
            ("ReceivedOn", factory.Today().AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("#Route", page.QuerySelector(".govuk-error-summary a[href='#Route']")?.GetAttribute("href"));
        Assert.Contains("Select how the request arrived", page.QuerySelector("#Route-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("The date received must be today or in the past", page.QuerySelector("#ReceivedOn-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Haddad", page.QuerySelector("#ChildLastName")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Missing_details_are_listed_and_what_was_entered_is_kept()
    {
        var staff = await factory.ClientForAsync(DemoCast.CaseworkerEmail);

        using var response = await Forms.PostAsync(staff, "/staff/cases/new", Forms.Fields(("ChildFirstName", "Arjun"), ("ParentEmail", "not-an-email")));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the child's last name", page.QuerySelector(".govuk-error-summary a[href='#ChildLastName']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter an email address in the correct format", page.QuerySelector("#ParentEmail-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Arjun", page.QuerySelector("#ChildFirstName")?.GetAttribute("value"));
    }
}
