using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SelfService.Data.Complaints;
using SelfService.Data.DemoData;
using SelfService.Domain.Calendar;
using SelfService.Domain.Complaints;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Complaints;

/// <summary>Complaints end to end through the real pages, sign-in and emails.</summary>
public sealed class ComplaintJourneyTests(ComplaintWebAppFactory factory) : IClassFixture<ComplaintWebAppFactory>
{
    private static readonly ServiceLevels Levels = ServiceLevels.Default;

    [Fact]
    public async Task Helen_complains_about_Sams_case_through_both_stages_with_the_right_dates_and_is_told_about_the_Ombudsman()
    {
        var today = factory.Today();
        var sam = DemoCast.SamCaseReference(today);
        using var helen = await PortalSignIn.SignInAsync(factory, DemoCast.ParentEmail);

        var form = await Html.ParseAsync(await helen.GetAsync("/complaints/new"));
        Assert.NotNull(form.QuerySelector($"input[name=About][value={sam}]"));

        // Missing answers: an error summary, and what was typed is still there.
        using (var bad = await Forms.PostAsync(helen, "/complaints/new", Forms.Fields(("ComplainantName", "Helen Carter"), ("Role", "ParentCarer"), ("About", sam))))
        {
            var page = await Html.ParseAsync(bad);
            AssertErrors(page, "Enter what went wrong", "Enter what would put it right");
            Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
            Assert.Equal("Helen Carter", page.QuerySelector<IHtmlInputElement>("#ComplainantName")!.Value);
            Assert.True(page.QuerySelector<IHtmlInputElement>($"input[name=About][value={sam}]")!.IsChecked);
        }

        var reference = await MakeComplaintAsync(helen, ("ComplainantName", "Helen Carter"), ("Role", "ParentCarer"), ("About", sam),
            ("WhatWentWrong", "Nobody replied to my emails about Sam's assessment for six weeks."), ("PutRight", "An apology and a named caseworker."));
        var stage1 = Levels.ComplaintStage1DueDates(today);
        var received = await factory.Mail.WaitForAsync(m => m.To == DemoCast.ParentEmail && m.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Contains($"We will acknowledge it by: {Complaint.LongDate(stage1.AcknowledgeBy)}", received.Body, StringComparison.Ordinal);
        Assert.Contains($"We will respond by: {Complaint.LongDate(stage1.RespondBy)}", received.Body, StringComparison.Ordinal);
        Assert.Contains($"about case {sam}", received.Body, StringComparison.Ordinal);

        var mine = await Html.ParseAsync(await helen.GetAsync("/complaints"));
        Assert.Contains(Complaint.LongDate(stage1.RespondBy), mine.QuerySelector($"tr[data-reference={reference}]")?.TextContent, StringComparison.Ordinal);

        // The caseworker sees it in the open list and answers: not upheld.
        using var daniel = await PortalSignIn.SignInAsync(factory, DemoCast.CaseworkerEmail);
        Assert.Contains("/staff/complaints", (await Html.ParseAsync(await daniel.GetAsync("/staff"))).QuerySelector("#complaints-link")?.GetAttribute("href"), StringComparison.Ordinal);
        var list = await Html.ParseAsync(await daniel.GetAsync("/staff/complaints"));
        Assert.Contains("Acknowledge stage 1", list.QuerySelector($"tr[data-reference={reference}]")?.TextContent, StringComparison.Ordinal);
        var staffPage = $"/staff/complaints/{reference}";
        using (var bad = await Forms.PostAsync(daniel, staffPage, Forms.Fields(("ResponseText", "We answered within our targets.")), "#respond-form"))
        {
            var page = await Html.ParseAsync(bad);
            AssertErrors(page, "Select the outcome");
            Assert.Equal("We answered within our targets.", page.QuerySelector<IHtmlTextAreaElement>("#ResponseText")!.Value);
        }

        await PostOkAsync(daniel, staffPage, "#respond-form", ("Outcome", "NotUpheld"), ("ResponseText", "We answered within our targets."));
        var windowCloses = Levels.Stage2RequestWindowCloses(today);
        var response = await factory.Mail.WaitForAsync(m => m.To == DemoCast.ParentEmail && m.Subject.StartsWith("Stage 1 response", StringComparison.Ordinal));
        Assert.Contains("Outcome: Not upheld", response.Body, StringComparison.Ordinal);
        Assert.Contains($"stage 2 until {Complaint.LongDate(windowCloses)}", response.Body, StringComparison.Ordinal);

        // Helen escalates within the 28 days; an empty reason is an error that loses nothing.
        var complaintPage = $"/complaints/{reference}";
        var detail = await Html.ParseAsync(await helen.GetAsync(complaintPage));
        Assert.Contains(Complaint.LongDate(windowCloses), detail.QuerySelector("#stage2-deadline")?.TextContent, StringComparison.Ordinal);
        using (var bad = await Forms.PostAsync(helen, complaintPage, Forms.Fields(("Stage2Reason", " ")), "#escalate-form"))
        {
            AssertErrors(await Html.ParseAsync(bad), "Enter why you are not satisfied with the stage 1 response");
        }

        await PostOkAsync(helen, complaintPage, "#escalate-form", ("Stage2Reason", "The delay was never explained."));
        var stage2 = Levels.ComplaintStage2DueDates(today);
        var stage2Email = await factory.Mail.WaitForAsync(m => m.To == DemoCast.ParentEmail && m.Subject.StartsWith("Stage 2 of", StringComparison.Ordinal));
        Assert.Contains($"We will respond by: {Complaint.LongDate(stage2.RespondBy)}", stage2Email.Body, StringComparison.Ordinal);
        detail = await Html.ParseAsync(await helen.GetAsync(complaintPage));
        Assert.Equal(Complaint.LongDate(stage2.AcknowledgeBy), detail.QuerySelector("#stage2-acknowledge-by")?.TextContent.Trim());
        Assert.Null(detail.QuerySelector("#ombudsman-info"));

        await PostOkAsync(daniel, staffPage, "#acknowledge-form");
        await PostOkAsync(daniel, staffPage, "#respond-form", ("Outcome", "PartlyUpheld"), ("Remedy", "A written apology."), ("ResponseText", "Stage 1 missed the delay in June."));
        var final = await factory.Mail.WaitForAsync(m => m.To == DemoCast.ParentEmail && m.Subject.StartsWith("Final response", StringComparison.Ordinal));
        Assert.Contains("Local Government and Social Care Ombudsman", final.Body, StringComparison.Ordinal);
        Assert.Contains(ComplaintEmails.OmbudsmanUrl.ToString(), final.Body, StringComparison.Ordinal);

        detail = await Html.ParseAsync(await helen.GetAsync(complaintPage));
        Assert.Equal("Partly upheld", detail.QuerySelector("#stage2-outcome")?.TextContent.Trim());
        Assert.Equal(ComplaintEmails.OmbudsmanUrl.ToString(), detail.QuerySelector("#ombudsman-link")?.GetAttribute("href"));

        var audited = await factory.WithStoreAsync(db => db.AuditEntries.Where(a => a.EntityType == ComplaintStore.EntityType).Select(a => a.Action).Distinct().ToListAsync());
        Assert.Superset(new HashSet<string> { ComplaintStore.MadeAction, ComplaintStore.ViewedAction, ComplaintStore.Stage2RequestedAction, "complaint.responded", "complaint.acknowledged" }, audited.ToHashSet());

        // Anyone else is told it does not exist, exactly as for a made-up reference.
        using var kerry = await PortalSignIn.SignInAsync(factory, DemoCast.LeoParentEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await kerry.GetAsync(complaintPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kerry.GetAsync("/complaints/CMP-2026-99999")).StatusCode);
        Assert.Empty((await Html.ParseAsync(await kerry.GetAsync("/complaints"))).QuerySelectorAll($"tr[data-reference={reference}]"));
    }

    [Fact]
    public async Task A_parent_cannot_complain_about_a_case_they_cannot_see()
    {
        var sam = DemoCast.SamCaseReference(factory.Today());
        using var kerry = await PortalSignIn.SignInAsync(factory, DemoCast.LeoParentEmail);

        var form = await Html.ParseAsync(await kerry.GetAsync("/complaints/new"));
        Assert.Null(form.QuerySelector($"input[name=About][value={sam}]"));
        var forged = Forms.Fields(("ComplainantName", "Kerry Walsh"), ("Role", "ParentCarer"), ("About", sam), ("WhatWentWrong", "x"), ("PutRight", "y"));
        using (var posted = await Forms.SubmitAsync(kerry, form, "/complaints/new", forged))
        {
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        using (var sent = await Forms.SubmitAsync(kerry, form, "/complaints/new?handler=Send", forged))
        {
            Assert.Equal(HttpStatusCode.NotFound, sent.StatusCode);
        }

        Assert.False(await factory.WithStoreAsync(db => db.Set<Complaint>().AnyAsync(c => c.ComplainantEmail == DemoCast.LeoParentEmail)));
    }

    [Fact]
    public async Task A_councillor_complains_for_a_constituent_with_their_consent()
    {
        using var margaret = await PortalSignIn.SignInAsync(factory, DemoCast.CouncillorEmail);
        var form = await Html.ParseAsync(await margaret.GetAsync("/complaints/new"));
        Assert.NotNull(form.QuerySelector("#ConstituentName"));
        Assert.Null(form.QuerySelector("input[name=Role]"));

        using (var bad = await Forms.PostAsync(margaret, "/complaints/new", Forms.Fields(("ComplainantName", "Cllr Margaret Ellis"), ("ConstituentName", "Kerry Walsh"), ("About", "service"),
            ("WhatWentWrong", "Letters went unanswered."), ("PutRight", "Answers.")), "#complaint-form"))
        {
            var page = await Html.ParseAsync(bad);
            AssertErrors(page, "Enter how and when the constituent agreed to you complaining for them");
            Assert.Equal("Kerry Walsh", page.QuerySelector<IHtmlInputElement>("#ConstituentName")!.Value);
            Assert.Equal("Letters went unanswered.", page.QuerySelector<IHtmlTextAreaElement>("#WhatWentWrong")!.Value);
        }

        var reference = await MakeComplaintAsync(margaret, ("ComplainantName", "Cllr Margaret Ellis"), ("ConstituentName", "Kerry Walsh"), ("About", "service"),
            ("ConstituentConsent", "By email to my ward office on 20 November 2026"), ("WhatWentWrong", "Letters went unanswered."), ("PutRight", "Answers."));
        var saved = await factory.WithStoreAsync(db => db.Set<Complaint>().SingleAsync(c => c.Reference == reference));
        Assert.Equal(ComplainantRole.MemberForConstituent, saved.Role);
        Assert.Equal("Kerry Walsh", saved.ConstituentName);
        Assert.Null(saved.CaseId);
        var email = await factory.Mail.WaitForAsync(m => m.To == DemoCast.CouncillorEmail && m.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("on behalf of Kerry Walsh", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_API_matches_the_rows_and_refuses_bad_dates_and_non_staff()
    {
        using var daniel = await PortalSignIn.SignInAsync(factory, DemoCast.SecondCaseworkerEmail);
        using var helen = await PortalSignIn.SignInAsync(factory, DemoCast.SecondParentEmail);
        var today = factory.Today();
        var from = new DateOnly(today.Year, 1, 1);
        var to = today;

        using (var bad = await daniel.GetAsync("/api/figures/complaints?from=2026-13-01&to=2026-01-01"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("from", out _));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await helen.GetAsync($"/api/figures/complaints?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).StatusCode);

        using var ok = await daniel.GetAsync($"/api/figures/complaints?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        var total = json.RootElement.GetProperty("total");

        var rows = await factory.WithStoreAsync(db => db.Set<Complaint>().AsNoTracking().ToListAsync());
        bool In(DateOnly? d) => d is { } v && v >= from && v <= to;
        var stage1 = rows.Where(r => In(r.Stage1RespondedOn)).ToList();
        Assert.Equal(rows.Count(r => In(r.ReceivedOn)), total.GetProperty("received").GetInt32());
        Assert.Equal(stage1.Count, total.GetProperty("stage1Responded").GetInt32());
        Assert.Equal(stage1.Count(r => r.Stage2RequestedOn is not null), total.GetProperty("stage1ResponsesEscalated").GetInt32());
        Assert.Equal(rows.Count(r => In(r.Stage2RequestedOn)), total.GetProperty("stage2Requested").GetInt32());
        Assert.Equal(rows.Count(r => In(r.Stage2RespondedOn) && r.OmbudsmanReferredOn is not null), total.GetProperty("stage2ResponsesReferred").GetInt32());
        var months = json.RootElement.GetProperty("months");
        Assert.Equal(today.Month, months.GetArrayLength());
        Assert.Equal(rows.Count(r => In(r.ReceivedOn) && r.ReceivedOn.Month == today.Month), months[today.Month - 1].GetProperty("received").GetInt32());
    }

    private static void AssertErrors(IHtmlDocument page, params string[] messages)
    {
        var summary = page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";
        Assert.All(messages, m => Assert.Contains(m, summary, StringComparison.Ordinal));
    }

    private static async Task<string> MakeComplaintAsync(HttpClient client, params (string Name, string Value)[] answers)
    {
        using var checkResponse = await Forms.PostAsync(client, "/complaints/new", Forms.Fields(answers), "#complaint-form");
        var check = await Html.ParseAsync(checkResponse);
        Assert.NotNull(check.QuerySelector("#check-answers"));
        using var sent = await Forms.SubmitAsync(client, check, "/complaints/new?handler=Send", formSelector: "#check-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var confirmation = await Html.ParseAsync(await client.GetAsync(sent.Headers.Location!.OriginalString));
        return confirmation.QuerySelector("#reference")!.TextContent.Trim();
    }

    private static async Task PostOkAsync(HttpClient client, string page, string formSelector, params (string Name, string Value)[] fields)
    {
        using var posted = await Forms.PostAsync(client, page, Forms.Fields(fields), formSelector);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{formSelector} on {page}: {(int)posted.StatusCode}\n{await posted.Content.ReadAsStringAsync()}");
    }
}
