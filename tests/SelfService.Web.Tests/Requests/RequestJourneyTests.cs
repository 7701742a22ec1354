using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Data;
using SelfService.Data.Requests;
using SelfService.Data.Storage;
using SelfService.Domain.Assessments;
using SelfService.Domain.Requests;
using SelfService.Web.Tests.Support;

namespace SelfService.Web.Tests.Requests;

/// <summary>The whole request journey through the real pages, signed in the real way.</summary>
public sealed class RequestJourneyTests(RequestsWebAppFactory factory) : IClassFixture<RequestsWebAppFactory>
{
    [Fact]
    public async Task A_new_parent_signs_in_asks_for_an_assessment_with_a_document_and_gets_the_reference_the_dates_and_an_email()
    {
        var email = $"new.parent.{Guid.NewGuid():N}@example.com";
        var journey = await RequestJourney.SignInAsync(factory, email);
        var draftId = await journey.StartAsync();

        var tasks = await journey.GetPageAsync($"/requests/{draftId}");
        Assert.Equal("Not yet started", tasks.QuerySelector("#section-1-1-status")!.TextContent.Trim());
        Assert.Equal("Cannot start yet", tasks.QuerySelector("#section-1-2-status")!.TextContent.Trim());

        await journey.FillAsParentAsync(draftId);
        await journey.UploadOkAsync(draftId, "Speech therapy report.pdf", "application/pdf", RequestJourney.Files.Pdf());
        await journey.FinishDocumentsAsync(draftId);

        tasks = await journey.GetPageAsync($"/requests/{draftId}");
        Assert.All(tasks.QuerySelectorAll("#section-1-1-status, #section-2-5-status"), s => Assert.Equal("Completed", s.TextContent.Trim()));

        var check = await journey.GetPageAsync($"/requests/{draftId}/check-answers");
        Assert.Contains("Eleanor Brown (known as Ellie)", check.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Speech therapy report.pdf", check.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var changeChild = check.QuerySelectorAll("a").First(a => a.TextContent.Contains("date of birth", StringComparison.Ordinal));
        Assert.Equal($"/requests/{draftId}/child?returnTo=check", changeChild.GetAttribute("href"));

        var confirmationUrl = await journey.SendAsync(draftId);
        Assert.Equal($"/requests/{draftId}/confirmation", confirmationUrl);
        var confirmation = await journey.GetPageAsync(confirmationUrl);
        var reference = confirmation.QuerySelector("#reference")!.TextContent.Trim();
        Assert.Matches($@"^EHC-{journey.Today.Year}-\d{{6}}$", reference);
        Assert.Equal(RequestJourney.LongDate(journey.Today), confirmation.QuerySelector("#received-on")!.TextContent.Trim());
        Assert.Equal(RequestJourney.LongDate(journey.Today.AddDays(42)), confirmation.QuerySelector("#decision-due")!.TextContent.Trim());
        Assert.Equal(RequestJourney.LongDate(journey.Today.AddDays(140)), confirmation.QuerySelector("#final-plan-due")!.TextContent.Trim());
        Assert.Equal("/cases/" + reference, confirmation.QuerySelector("#case-link")!.GetAttribute("href"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
            var opened = await db.AssessmentCases.SingleAsync(c => c.Reference == reference);
            Assert.Equal(journey.Today, opened.RequestReceivedOn);
            Assert.Equal(Requester.Parent, opened.Requester);
            Assert.Equal(CaseStage.AwaitingDecisionToAssess, opened.Stage);
            var parent = await db.ParentCarers.SingleAsync(p => p.Email == email);
            Assert.True(await db.ChildParents.AnyAsync(l => l.ParentCarerId == parent.Id && l.ChildId == opened.ChildId && l.HasParentalResponsibility));
            var document = await db.Set<RequestDocument>().SingleAsync(d => d.DraftId == draftId);
            Assert.Equal(opened.Id, document.CaseId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == draftId.ToString() && a.Action == "request.child"));
        }

        var mail = await Mailbox.PickupFolder(factory).WaitForAsync(m => m.To == email && m.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("Ellie Brown", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"by {RequestJourney.LongDate(journey.Today.AddDays(42))}", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"by {RequestJourney.LongDate(journey.Today.AddDays(140))}", mail.Body, StringComparison.Ordinal);
        Assert.Contains("https://send.example.org/cases/" + reference, mail.Body, StringComparison.Ordinal);

        // The request is now listed as sent, linking to its case.
        var list = await journey.GetPageAsync("/requests");
        Assert.Equal("/cases/" + reference, list.QuerySelector("#sent a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Sending_twice_with_the_same_form_makes_one_case_and_both_land_on_the_confirmation()
    {
        var email = $"double.{Guid.NewGuid():N}@example.com";
        var journey = await RequestJourney.SignInAsync(factory, email);
        var draftId = await journey.StartAsync();
        await journey.FillAsParentAsync(draftId);
        await journey.FinishDocumentsAsync(draftId);

        // Both posts come from the same page, as a double click or a retry after a timeout does.
        var url = $"/requests/{draftId}/declaration";
        var page = await journey.GetPageAsync(url);
        var fields = Forms.Fields(("Confirmed", "true")).ToList();
        var first = Forms.SubmitAsync(journey.Client, page, url, fields);
        var second = Forms.SubmitAsync(journey.Client, page, url, fields);
        using var a = await first;
        using var b = await second;
        using var third = await Forms.SubmitAsync(journey.Client, page, url, fields);

        foreach (var response in new[] { a, b, third })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/requests/{draftId}/confirmation", response.Headers.Location!.OriginalString);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var parentIds = await db.ParentCarers.Where(p => p.Email == email).Select(p => p.Id).ToListAsync();
        var children = await db.ChildParents.Where(l => parentIds.Contains(l.ParentCarerId)).Select(l => l.ChildId).ToListAsync();
        Assert.Equal(1, await db.AssessmentCases.CountAsync(c => children.Contains(c.ChildId)));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == email && m.Kind == OutboxEmail.KindPrefix + RequestConfirmationEmail.Kind));
    }

    [Fact]
    public async Task A_draft_survives_signing_out_and_is_continued_from_your_requests()
    {
        var email = $"returning.{Guid.NewGuid():N}@example.com";
        var journey = await RequestJourney.SignInAsync(factory, email);
        var draftId = await journey.StartAsync();
        await journey.AnswerAsync(draftId, "who-is-asking", ("Requester", "Parent"));
        await journey.AnswerAsync(draftId, "child", RequestJourney.ChildFields("Oliver", "Grant", null, journey.Today.AddYears(-9), "LS6 2AB"));

        using (var signOut = await Forms.PostAsync(journey.Client, "/sign-out"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using (var signedOut = await journey.Client.GetAsync($"/requests/{draftId}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.StartsWith("/sign-in", signedOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var again = await RequestJourney.SignInAsync(factory, email);
        var list = await again.GetPageAsync("/requests");
        var continueLink = list.QuerySelectorAll("#drafts a").First(a => a.TextContent.StartsWith("Continue", StringComparison.Ordinal));
        Assert.Equal($"/requests/{draftId}", continueLink.GetAttribute("href"));
        Assert.Contains("Request for Oliver Grant", list.QuerySelector("#drafts")!.TextContent, StringComparison.Ordinal);

        var child = await again.GetPageAsync($"/requests/{draftId}/child");
        Assert.Equal("Oliver", ((AngleSharp.Html.Dom.IHtmlInputElement)child.QuerySelector("#FirstName")!).Value);
        Assert.Equal("LS6 2AB", ((AngleSharp.Html.Dom.IHtmlInputElement)child.QuerySelector("#Postcode")!).Value);
    }

    [Fact]
    public async Task A_draft_can_be_deleted()
    {
        var journey = await RequestJourney.SignInAsync(factory, $"deleter.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        await journey.UploadOkAsync(draftId, "report.pdf", "application/pdf", RequestJourney.Files.Pdf());
        using var response = await Forms.PostAsync(journey.Client, $"/requests/{draftId}/delete");
        Assert.Equal("/requests", response.Headers.Location!.OriginalString);
        using var gone = await journey.Client.GetAsync($"/requests/{draftId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>().Set<RequestDocument>().AnyAsync(d => d.DraftId == draftId));
    }

    [Fact]
    public async Task A_young_person_asks_for_themselves_without_naming_a_parent()
    {
        var email = $"young.person.{Guid.NewGuid():N}@example.com";
        var journey = await RequestJourney.SignInAsync(factory, email);
        var draftId = await journey.StartAsync();
        await journey.AnswerAsync(draftId, "who-is-asking", ("Requester", "YoungPerson"));

        // Under 16 they cannot ask for themselves.
        var tooYoung = await journey.AnswerWrongAsync(draftId, "child", RequestJourney.ChildFields("Ayo", "Bello", null, journey.Today.AddYears(-15), "LS9 8AB"));
        Assert.Contains("aged 16 to 25", tooYoung.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        await journey.AnswerAsync(draftId, "child", RequestJourney.ChildFields("Ayo", "Bello", null, journey.Today.AddYears(-17), "LS9 8AB"));
        await journey.AnswerAsync(draftId, "parents", ("Action", "save"));
        await journey.FillTheRestAsync(draftId);
        await journey.FinishDocumentsAsync(draftId);
        await journey.SendAsync(draftId);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseStoreDbContext>();
        var draft = await db.Set<RequestDraft>().SingleAsync(d => d.Id == draftId);
        var opened = await db.AssessmentCases.SingleAsync(c => c.Id == draft.CaseId);
        Assert.Equal(Requester.YoungPerson, opened.Requester);
        Assert.Equal(email, (await db.Children.SingleAsync(c => c.Id == opened.ChildId)).Email);
        await Mailbox.PickupFolder(factory).WaitForAsync(m => m.To == email && m.Subject.Contains(opened.Reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_accounts_draft_does_not_exist_for_you()
    {
        var owner = await RequestJourney.SignInAsync(factory, $"owner.{Guid.NewGuid():N}@example.com");
        var draftId = await owner.StartAsync();
        await owner.AnswerAsync(draftId, "who-is-asking", ("Requester", "Parent"));

        var stranger = await RequestJourney.SignInAsync(factory, $"stranger.{Guid.NewGuid():N}@example.com");
        foreach (var page in new[] { "", "/who-is-asking", "/child", "/documents", "/check-answers", "/declaration", "/confirmation", "/delete" })
        {
            using var response = await stranger.Client.GetAsync($"/requests/{draftId}{page}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Posting with the stranger's own valid antiforgery token still finds nothing.
        var ownPage = await stranger.GetPageAsync("/requests/new");
        using var post = await Forms.SubmitAsync(stranger.Client, ownPage, $"/requests/{draftId}/who-is-asking", Forms.Fields(("Requester", "YoungPerson")));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty((await stranger.GetPageAsync("/requests")).QuerySelectorAll("#drafts"));
    }

    [Theory]
    [InlineData("/requests")]
    [InlineData("/requests/new")]
    [InlineData("/requests/00000000-0000-0000-0000-000000000001/child")]
    public async Task Signed_out_people_are_sent_to_sign_in(string url)
    {
        using var client = PortalSignIn.CreateClient(factory);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(url), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var journey = await RequestJourney.SignInAsync(factory, $"csrf.{Guid.NewGuid():N}@example.com");
        var draftId = await journey.StartAsync();
        using var response = await Forms.PostRawAsync(journey.Client, $"/requests/{draftId}/who-is-asking", Forms.Fields(("Requester", "Parent")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var upload = await Forms.PostRawAsync(journey.Client, $"/requests/{draftId}/documents?handler=continue", []);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
    }
}
