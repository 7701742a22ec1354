using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Cases;
using SelfService.Data.DemoData;
using SelfService.Data.Requests;
using SelfService.Domain.Requests;
using SelfService.Domain.Assessments;
using SelfService.Domain.Timeline;
using SelfService.Web.Pages.Cases;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Cases;

/// <summary>Following a case through the portal as the demo cast, signed in through the real sign-in pages.</summary>
public sealed class CasePagesTests(SeededWebAppFactory factory) : IClassFixture<SeededWebAppFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string SamReference => DemoCast.SamCaseReference(factory.Today());

    private string RubyReference => DemoCast.CaseReference(factory.Today().AddDays(-160), DemoCast.RubyCaseNumber);

    private string LeoReference => DemoCast.CaseReference(factory.Today().AddDays(-20), DemoCast.LeoCaseNumber);

    [Fact]
    public async Task Helen_s_cases_list_Sam_s_request_and_Maisie_s_plan_with_the_clock_s_dates()
    {
        var helen = await factory.ClientForAsync(DemoCast.ParentEmail);
        var today = factory.Today();
        var sam = await factory.LoadCaseAsync(DemoCast.SamCaseId);
        var maisie = await factory.LoadPlanAsync(DemoCast.MaisiePlanId);
        var samNext = CaseText.NextMilestone(sam.Timeline(today).Milestones)!;
        var maisieTimeline = AnnualReviewClock.Calculate(maisie.ToTimelineInput(), today);

        using var response = await helen.GetAsync("/cases");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        var rows = doc.QuerySelectorAll("#case-list tbody tr");
        var samRow = Assert.Single(rows);
        Assert.Equal(SamReference, samRow.GetAttribute("data-reference"));
        Assert.Contains("Sam Carter", samRow.TextContent, StringComparison.Ordinal);
        Assert.Equal("Assessment under way", samRow.QuerySelector(".govuk-tag")?.TextContent.Trim());
        Assert.Equal(Iso(samNext.Due), samRow.QuerySelector("[data-next] [data-due]")?.GetAttribute("data-due"));
        Assert.Equal($"/cases/{SamReference}", samRow.QuerySelector("a")?.GetAttribute("href"));

        var planRow = Assert.Single(doc.QuerySelectorAll("#plan-list tbody tr"));
        Assert.Equal(DemoCast.MaisiePlanReference, planRow.GetAttribute("data-reference"));
        Assert.Equal(CaseText.Date(maisie.NextReviewDueOn()!.Value), planRow.QuerySelector("[data-review]")?.TextContent.Trim());
        Assert.Equal(today.AddDays(DemoCast.MaisieReviewDueInDays), maisie.NextReviewDueOn());
        Assert.Equal(CaseText.Date(maisieTimeline.Find(MilestoneKeys.PhaseTransferDeadline)!.Due), planRow.QuerySelector("[data-transfer]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Sam_s_case_page_shows_status_deadlines_caseworker_next_step_and_history()
    {
        var helen = await factory.ClientForAsync(DemoCast.ParentEmail);
        var today = factory.Today();
        var sam = await factory.LoadCaseAsync(DemoCast.SamCaseId);
        var timeline = sam.Timeline(today);

        using var response = await helen.GetAsync($"/cases/{SamReference.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        var summary = doc.QuerySelector("#case-summary.govuk-summary-list")!;
        var keys = summary.QuerySelectorAll(".govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
        Assert.Equal(["Status", "Reference", "Child or young person", "Request received", "Made by", "Next deadline"], keys);
        Assert.Equal("Assessment under way", summary.QuerySelector(".govuk-summary-list__value .govuk-tag")?.TextContent.Trim());
        Assert.Contains(CaseText.Date(today.AddDays(-DemoCast.SamRequestDaysAgo)), summary.TextContent, StringComparison.Ordinal);

        // Every milestone the clock computes, in order, with its due date; the late advice says by how much.
        var rows = doc.QuerySelectorAll("table[data-case-milestones] tbody tr");
        Assert.Equal(timeline.Milestones.Select(m => m.Key), rows.Select(r => r.GetAttribute("data-milestone")));
        Assert.Equal(timeline.Milestones.Select(m => Iso(m.Due)), rows.Select(r => r.QuerySelector("[data-due]")!.GetAttribute("data-due")));
        var overdue = Assert.Single(timeline.Milestones, m => m.Status == MilestoneStatus.Overdue);
        Assert.Equal(DemoCast.SamRequestDaysAgo - 40 - AdviceRequested.DaysToRespond, overdue.DaysOverdue);
        Assert.Contains(rows, r => r.TextContent.Contains($"Overdue by {CaseText.Duration(overdue.DaysOverdue)}", StringComparison.Ordinal)
            && r.TextContent.Contains("Leeds Educational Psychology Service", StringComparison.Ordinal));
        Assert.Contains("2 weeks and 4 days", CaseText.Duration(overdue.DaysOverdue), StringComparison.Ordinal);

        Assert.Equal(timeline.NextStep, doc.QuerySelector("#next-step")?.TextContent.Trim());
        Assert.Equal(DemoCast.CaseworkerName, doc.QuerySelector("#caseworker-name")?.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector($"a[href='mailto:{DemoCast.CaseworkerEmail}']"));

        // History: the MOJ timeline, one item per recorded event, newest first.
        var items = doc.QuerySelectorAll(".moj-timeline .moj-timeline__item");
        Assert.Equal(sam.Events.Count, items.Length);
        var dates = items.Select(i => i.QuerySelector(".moj-timeline__date time")!.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal("Request for an EHC needs assessment received", items[^1].QuerySelector(".moj-timeline__title")?.TextContent.Trim());
        Assert.NotNull(items[^1].QuerySelector(".moj-timeline__header"));
        Assert.NotNull(doc.QuerySelector("#documents"));
        Assert.Null(doc.QuerySelector("a[href$='/draft-plan-response']"));
    }

    [Fact]
    public async Task Ruby_s_case_shows_the_exception_with_its_reason_and_the_draft_deadline()
    {
        var nadia = await factory.ClientForAsync(DemoCast.RubyParentEmail);
        var ruby = await factory.LoadCaseAsync(DemoCast.RubyCaseId);

        var doc = await Html.ParseAsync(await nadia.GetAsync($"/cases/{RubyReference}"));

        var exception = doc.QuerySelector("#exception-list")!;
        Assert.Contains("Exceptional personal circumstances", exception.TextContent, StringComparison.Ordinal);
        Assert.Contains("in hospital for planned surgery", exception.TextContent, StringComparison.Ordinal);
        var deadline = DraftPlanResponses.DeadlineFor(ruby.DraftPlanServedOn!.Value);
        Assert.Contains(CaseText.LongDate(deadline), doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/cases/{RubyReference}/draft-plan-response", doc.QuerySelector("a.govuk-button[href$='/draft-plan-response']")?.GetAttribute("href"));
        Assert.Contains(doc.QuerySelectorAll("table[data-case-milestones] tbody th"), th => th.TextContent.Contains("An exception to the time limit applies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nadia_responds_to_Ruby_s_draft_in_time_and_gets_a_confirmation_and_an_email()
    {
        var nadia = await factory.ClientForAsync(DemoCast.RubyParentEmail);
        var mailbox = Mailbox.PickupFolder(factory);
        var comments = $"Ruby needs a quiet space at lunchtime ({Guid.NewGuid():N}).";

        using var posted = await Forms.PostAsync(nadia, $"/cases/{RubyReference}/draft-plan-response",
            Forms.Fields(("Comments", comments), ("Meeting", "yes"), ("Setting", DemoCast.SecondarySchoolId.ToString())));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/cases/{RubyReference}/draft-plan-response/sent", posted.Headers.Location?.OriginalString);
        var sent = await Html.ParseAsync(await nadia.GetAsync(posted.Headers.Location!.OriginalString));
        Assert.Equal("Response sent", sent.QuerySelector(".govuk-panel--confirmation .govuk-panel__title")?.TextContent.Trim());
        Assert.Contains(RubyReference, sent.QuerySelector(".govuk-panel__body")?.TextContent, StringComparison.Ordinal);
        Assert.Null(sent.QuerySelector("#late-tag"));
        Assert.Contains("Received within the 15 days", sent.QuerySelector("#response-summary")?.TextContent, StringComparison.Ordinal);

        var stored = await factory.LoadCaseAsync(DemoCast.RubyCaseId);
        var response = Assert.Single(stored.Events.OfType<RepresentationsReceived>(), e => e.Summary == comments);
        Assert.True(response.MeetingRequested);
        Assert.Equal(DemoCast.SecondarySchoolId, response.RequestedSchoolId);
        Assert.True(await factory.WithStoreAsync(db => db.AuditEntries.AnyAsync(a => a.CaseId == DemoCast.RubyCaseId && a.Action == DraftPlanResponses.OnTimeAction)));

        var email = await mailbox.WaitForAsync(m => string.Equals(m.To, DemoCast.RubyParentEmail, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(RubyReference, StringComparison.Ordinal));
        Assert.Contains("Ruby Ahmed", email.Body, StringComparison.Ordinal);
        Assert.Contains("What happens next", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_draft_response_form_explains_every_mistake_with_a_GOV_UK_error_summary()
    {
        var nadia = await factory.ClientForAsync(DemoCast.RubyParentEmail);
        var before = (await factory.LoadCaseAsync(DemoCast.RubyCaseId)).Events.Count;

        using var posted = await Forms.PostAsync(nadia, $"/cases/{RubyReference}/draft-plan-response",
            Forms.Fields(("Comments", new string('a', 2001)), ("Setting", Guid.NewGuid().ToString())));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var doc = await Html.ParseAsync(posted);
        Assert.StartsWith("Error: ", doc.Title, StringComparison.Ordinal);
        var links = doc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#comments", "#meeting", "#setting"], links);
        Assert.NotNull(doc.QuerySelector("#comments-error.govuk-error-message"));
        Assert.NotNull(doc.QuerySelector(".govuk-form-group--error #meeting"));
        Assert.Equal(before, (await factory.LoadCaseAsync(DemoCast.RubyCaseId)).Events.Count);
    }

    [Fact]
    public async Task Aisha_sees_her_school_s_requests_and_pupils_only()
    {
        var aisha = await factory.ClientForAsync(DemoCast.SencoEmail);

        var doc = await Html.ParseAsync(await aisha.GetAsync("/cases"));

        var references = doc.QuerySelectorAll("#case-list tbody tr").Select(r => r.GetAttribute("data-reference")!).ToList();
        var expected = await factory.WithStoreAsync(async db =>
        {
            var pupils = await db.Children.Where(c => c.SchoolId == DemoCast.PrimarySchoolId).Select(c => c.Id).ToListAsync();
            return await db.AssessmentCases.Where(c => pupils.Contains(c.ChildId) || c.RequestingSchoolId == DemoCast.PrimarySchoolId).Select(c => c.Reference).ToListAsync();
        });
        Assert.Equal(expected.Order(StringComparer.Ordinal), references.Order(StringComparer.Ordinal));
        Assert.Contains(SamReference, references);
        Assert.Contains(LeoReference, references);
        Assert.DoesNotContain(RubyReference, references);
        Assert.Equal(HttpStatusCode.OK, (await aisha.GetAsync($"/cases/{LeoReference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aisha.GetAsync($"/cases/{RubyReference}")).StatusCode);
    }

    [Fact]
    public async Task Maisie_s_plan_page_shows_the_next_review_the_phase_transfer_deadline_and_review_outcomes()
    {
        var helen = await factory.ClientForAsync(DemoCast.ParentEmail);
        var maisie = await factory.LoadPlanAsync(DemoCast.MaisiePlanId);
        var timeline = AnnualReviewClock.Calculate(maisie.ToTimelineInput(), factory.Today());

        var doc = await Html.ParseAsync(await helen.GetAsync($"/cases/plans/{DemoCast.MaisiePlanReference}"));

        Assert.Equal(CaseText.Date(maisie.NextReviewDueOn()!.Value), doc.QuerySelector("#next-review")?.TextContent.Trim());
        Assert.Contains(CaseText.Date(timeline.Find(MilestoneKeys.PhaseTransferDeadline)!.Due), doc.QuerySelector("#phase-transfer")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(timeline.NextStep, doc.QuerySelector("#next-step")?.TextContent.Trim());
        var outcomes = doc.QuerySelectorAll("#review-list tbody tr [data-outcome]").Select(o => o.TextContent).ToList();
        Assert.Equal(maisie.Reviews.Count, outcomes.Count);
        Assert.Contains(outcomes, o => o.Contains("Change the plan", StringComparison.Ordinal) && o.Contains("Final amended plan issued", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("Keep the plan as it is", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_view_of_a_case_page_or_the_API_is_audited_with_who_and_how()
    {
        var helen = await factory.ClientForAsync(DemoCast.ParentEmail);
        Task<List<string>> ViewsAsync() => factory.WithStoreAsync(db => db.AuditEntries
            .Where(a => a.CaseId == DemoCast.SamCaseId && a.Action == CaseReader.CaseViewedAction && a.Actor == DemoCast.ParentEmail)
            .OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());
        var before = await ViewsAsync();

        Assert.Equal(HttpStatusCode.OK, (await helen.GetAsync($"/cases/{SamReference}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await helen.GetAsync($"/api/cases/{SamReference}")).StatusCode);

        var after = await ViewsAsync();
        Assert.Equal(["portal; as ParentCarer", "api; as ParentCarer"], after.Skip(before.Count));
    }

    [Fact]
    public async Task The_case_API_returns_the_clock_s_milestones_for_an_entitled_user()
    {
        var helen = await factory.ClientForAsync(DemoCast.ParentEmail);
        var timeline = (await factory.LoadCaseAsync(DemoCast.SamCaseId)).Timeline(factory.Today());

        using var response = await helen.GetAsync($"/api/cases/{SamReference}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SamReference, json.GetProperty("reference").GetString());
        Assert.Equal("Sam Carter", json.GetProperty("childName").GetString());
        Assert.Equal("assessing", json.GetProperty("stage").GetString());
        Assert.Equal(timeline.NextStep, json.GetProperty("nextStep").GetString());
        Assert.Equal(
            timeline.Milestones.Select(m => (m.Key, Iso(m.Due))),
            json.GetProperty("milestones").EnumerateArray().Select(m => (m.GetProperty("key").GetString()!, m.GetProperty("due").GetString()!)));
        Assert.Equal(DemoCast.CaseworkerName, json.GetProperty("caseworker").GetProperty("name").GetString());

        var list = await (await helen.GetAsync("/api/cases")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([SamReference], list.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("reference").GetString()));
    }

    [Fact]
    public async Task The_documents_sent_with_the_request_are_listed_with_their_scan_state()
    {
        var helen = await factory.ClientForAsync(DemoCast.ParentEmail);
        var clean = $"school-report-{Guid.NewGuid():N}.pdf";
        var unscanned = $"letter-{Guid.NewGuid():N}.pdf";
        await factory.WithStoreAsync(async db =>
        {
            var draft = RequestDraft.Start(Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow);
            db.Add(draft);
            var report = new RequestDocument(Guid.NewGuid(), draft.Id, clean, $"{Guid.NewGuid():N}", DocumentKind.Pdf, "application/pdf", 250_000, new string('a', 64), DateTime.UtcNow);
            report.RecordScan(DocumentScanStatus.Clean, null);
            report.AttachToCase(DemoCast.SamCaseId);
            var letter = new RequestDocument(Guid.NewGuid(), draft.Id, unscanned, $"{Guid.NewGuid():N}", DocumentKind.Pdf, "application/pdf", 2_000, new string('b', 64), DateTime.UtcNow);
            letter.AttachToCase(DemoCast.SamCaseId);
            db.AddRange(report, letter);
            return await db.SaveChangesAsync();
        });

        var doc = await Html.ParseAsync(await helen.GetAsync($"/cases/{SamReference}"));

        var rows = doc.QuerySelectorAll("#document-list .govuk-summary-list__row");
        var reportRow = Assert.Single(rows, r => r.QuerySelector("dt")!.TextContent.Trim() == clean);
        Assert.Equal("Received", reportRow.QuerySelector(".govuk-tag")?.TextContent.Trim());
        Assert.Contains("244 KB", reportRow.TextContent, StringComparison.Ordinal);
        var letterRow = Assert.Single(rows, r => r.QuerySelector("dt")!.TextContent.Trim() == unscanned);
        Assert.Equal("Being checked", letterRow.QuerySelector(".govuk-tag")?.TextContent.Trim());
    }

    [Fact]
    public async Task Signed_out_the_cases_list_asks_you_to_sign_in()
    {
        using var anonymous = PortalSignIn.CreateClient(factory);

        using var response = await anonymous.GetAsync("/cases");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fcases", response.Headers.Location?.OriginalString);
    }
}
